-- The help desk's production database, as it really is. Its schema comes from drizzle-kit
-- migrations (see drizzle.__drizzle_migrations), but it drifted from src/db/schema.ts:
--   * 0007_first_response_sla never ran here: its journal entry was lost in a merge, so
--     `drizzle-kit migrate` skipped it. tickets.first_response_at and the 'on_hold' status it
--     added (ALTER TYPE ticket_status ADD VALUE) are missing.
--   * tickets_assignee_status_idx was dropped during an incident ("too many indexes on tickets")
--     and never recreated: the agents' queue query scans the table again.
--   * The FK ticket_comments.author_id -> agents was dropped to delete an agent's account quickly.
--   * Someone made audit.events.actor_id NOT NULL by hand; events the system raises itself
--     (SLA timers, imports) have no actor, so writing them fails.
--   * zendesk_import is the staging table of a one-off import from 2023.
-- `pnpm demo:drizzle` loads it into an embedded PostgreSQL and checks it.

create schema "drizzle";
create table "drizzle"."__drizzle_migrations" (
  "id" serial primary key,
  "hash" text not null,
  "created_at" bigint
);
insert into "drizzle"."__drizzle_migrations" ("hash", "created_at") values
  ('1f9c0d6b4e2a', 1690000000000),
  ('7a3e51c08d94', 1695000000000),
  ('c40b2e9f1d37', 1701000000000),
  ('58d1f0a3b6ce', 1706000000000),
  ('e2a7c94b0f15', 1712000000000),
  ('9b06d3e8a4f2', 1718000000000),
  ('3c5f8a1e7d60', 1722000000000);

create type "public"."ticket_status" as enum ('open', 'pending', 'solved', 'closed');
create type "public"."ticket_priority" as enum ('low', 'normal', 'high', 'urgent');

create table "organizations" (
  "id" serial primary key not null,
  "name" varchar(200) not null,
  "domain" varchar(255),
  "created_at" timestamp with time zone default now() not null,
  constraint "organizations_domain_unique" unique ("domain")
);

create table "agents" (
  "id" serial primary key not null,
  "email" varchar(320) not null,
  "name" text not null,
  "is_admin" boolean default false not null,
  "created_at" timestamp with time zone default now() not null
);
create unique index "agents_email_key" on "agents" using btree (lower("email"));

create table "tickets" (
  "id" uuid primary key default gen_random_uuid() not null,
  "organization_id" integer not null,
  "assignee_id" integer,
  "subject" varchar(200) not null,
  "status" "ticket_status" default 'open' not null,
  "priority" "ticket_priority" default 'normal' not null,
  "tags" text[] default '{}' not null,
  "created_at" timestamp with time zone default now() not null,
  "updated_at" timestamp with time zone default now() not null
);
alter table "tickets" add constraint "tickets_organization_id_organizations_id_fk" foreign key ("organization_id") references "public"."organizations"("id") on delete cascade on update no action;
alter table "tickets" add constraint "tickets_assignee_id_agents_id_fk" foreign key ("assignee_id") references "public"."agents"("id") on delete set null on update no action;
create index "tickets_organization_idx" on "tickets" using btree ("organization_id");

create table "ticket_comments" (
  "id" serial primary key not null,
  "ticket_id" uuid not null,
  "author_id" integer,
  "body" text not null,
  "is_public" boolean default true not null,
  "created_at" timestamp with time zone default now() not null
);
alter table "ticket_comments" add constraint "ticket_comments_ticket_id_tickets_id_fk" foreign key ("ticket_id") references "public"."tickets"("id") on delete cascade on update no action;
create index "ticket_comments_ticket_idx" on "ticket_comments" using btree ("ticket_id", "created_at");

create schema "audit";
create table "audit"."events" (
  "id" uuid primary key default gen_random_uuid() not null,
  "actor_id" integer not null,
  "action" varchar(64) not null,
  "ticket_id" uuid,
  "payload" jsonb default '{}'::jsonb not null,
  "occurred_at" timestamp with time zone default now() not null
);
alter table "audit"."events" add constraint "events_actor_id_agents_id_fk" foreign key ("actor_id") references "public"."agents"("id") on delete no action on update no action;
alter table "audit"."events" add constraint "events_ticket_id_tickets_id_fk" foreign key ("ticket_id") references "public"."tickets"("id") on delete set null on update no action;

create table "zendesk_import" (
  "zendesk_id" bigint primary key,
  "raw" jsonb not null,
  "imported_at" timestamp with time zone default now() not null
);
