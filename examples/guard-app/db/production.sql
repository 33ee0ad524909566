-- Production, where the migration that added messages."readCount" never ran: every read of a message fails.
create table users (
  id serial primary key,
  email character varying(255) not null unique,
  "displayName" text not null,
  "createdAt" timestamp without time zone not null default now()
);
create table messages (
  id serial primary key,
  body text not null,
  "authorId" integer not null references users (id) on delete cascade
);
insert into users (email, "displayName") values ('ada@example.com', 'Ada');
insert into messages (body, "authorId") values ('hello', 1);
