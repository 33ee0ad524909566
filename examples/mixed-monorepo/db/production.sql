-- The monorepo's production database, as it really is. Every deploy runs
-- billing's TypeORM migrations (`typeorm migration:run`, ledger: "migrations"), so billing's tables
-- are all here and match packages/billing exactly. Nothing ever migrated packages/experts: its
-- Drizzle schema module is a second registry that no migration tool saw. Its tables were only
-- ever created by `drizzle-kit push` on developers' machines, so expert_profiles,
-- expert_availability, expert_reviews and the expert_level enum do not exist here, and the
-- first attempt to create them will fail anyway: expert_profiles.user_id is declared uuid, but it
-- references users.id, which is (and always was) an integer.
-- `pnpm demo:mixed` loads it into an embedded PostgreSQL and checks both registries at once.

create table "migrations" (
  "id" serial primary key,
  "timestamp" bigint not null,
  "name" varchar not null
);
insert into "migrations" ("timestamp", "name") values
  (1672531200000, 'CreateUsers1672531200000'),
  (1672617600000, 'CreatePlansAndSubscriptions1672617600000'),
  (1680307200000, 'CreateInvoices1680307200000'),
  (1693526400000, 'AddPlanBillingInterval1693526400000');

create table "users" (
  "id" serial not null,
  "email" character varying(320) not null,
  "display_name" character varying(120) not null,
  "created_at" timestamp with time zone not null default now(),
  constraint "UQ_97672ac88f789774dd47f7c8be3" unique ("email"),
  constraint "PK_a3ffb1c0c8416b9fc6f907b7433" primary key ("id")
);

create type "billing_interval" as enum ('month', 'year');

create table "plans" (
  "id" serial not null,
  "code" character varying(40) not null,
  "price_cents" integer not null,
  "interval" "billing_interval" not null default 'month',
  constraint "UQ_95f7ef3fc4c31a3545b4d825dac" unique ("code"),
  constraint "PK_3720521a81c7c24fe9b7202ba61" primary key ("id")
);

create table "subscriptions" (
  "id" serial not null,
  "status" character varying(20) not null default 'active',
  "current_period_end" timestamp with time zone not null,
  "created_at" timestamp with time zone not null default now(),
  "user_id" integer not null,
  "plan_id" integer not null,
  constraint "PK_a87248d73155605cf782be9ee5e" primary key ("id")
);

create table "invoices" (
  "id" serial not null,
  "amount_cents" integer not null,
  "issued_at" timestamp with time zone not null default now(),
  "paid_at" timestamp with time zone,
  "subscription_id" integer not null,
  constraint "PK_668cef7c22a427fd822cc1be3ce" primary key ("id")
);
create index "IDX_545ab0daf4ca750aeb95e897e5" on "invoices" ("subscription_id", "issued_at");

alter table "subscriptions" add constraint "FK_d0a95ef8a28188364c546eb65c1" foreign key ("user_id") references "users"("id") on delete cascade on update no action;
alter table "subscriptions" add constraint "FK_e45fca5d912c3a2fab512ac25dc" foreign key ("plan_id") references "plans"("id") on delete no action on update no action;
alter table "invoices" add constraint "FK_5152c0aa0f851d9b95972b442e0" foreign key ("subscription_id") references "subscriptions"("id") on delete cascade on update no action;
