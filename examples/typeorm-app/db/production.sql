-- The production database of the example app, as it really is: built from a hand-kept base
-- schema that fell behind the entities (migrations 004 and 005 never ran here), then patched
-- by hand over the years. `pnpm demo` loads it into an embedded PostgreSQL and checks it.
create extension if not exists "uuid-ossp";

create type users_role_enum as enum ('admin', 'member');

create table users (
  "id" serial primary key,
  "email" varchar(255) not null unique,
  "displayName" varchar(50) not null,
  "role" users_role_enum not null default 'member',
  "isActive" boolean not null default true,
  "createdAt" timestamp not null default now()
);

create table agents (
  "id" serial primary key,
  "name" varchar(100) not null,
  "config" jsonb not null default '{}',
  "tags" text[] default '{}'
);

create table user_sessions (
  "id" serial primary key,
  "session_id" varchar(255) not null unique,
  "user_id" integer not null references users ("id") on delete cascade,
  "active_agent_id" integer,
  "created_at" timestamp not null default now(),
  "expires_at" timestamp,
  "is_active" boolean not null default true,
  "device_fingerprint" text not null
);

create table messages (
  "id" uuid primary key default uuid_generate_v4(),
  "session_id" integer not null references user_sessions ("id") on delete cascade,
  "content" text not null,
  "created_at" timestamptz not null default now()
);

create table chat_logs_2024 (
  "id" bigserial primary key,
  "line" text not null
);

create table migrations (
  "id" serial primary key,
  "timestamp" bigint not null,
  "name" varchar not null
);
