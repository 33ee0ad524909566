-- The shop's production database, as it really is. Its schema is kept by sequelize-cli migrations
-- (see "SequelizeMeta"), but it drifted from src/db.ts:
--   * 20240611-add-order-tracking-number never ran here (a failed deploy was rolled back and the
--     migration was never retried): orders.tracking_number is missing.
--   * 'refunded' was added to Order.status in code; the ALTER TYPE ... ADD VALUE migration was
--     written for staging by hand and never committed: enum_orders_status lacks it.
--   * The data team's CRM backfill added customers.crm_contact_id and made it NOT NULL; no model
--     knows it, so every sign-up through the app fails.
--   * The FK order_items.product_id -> products was dropped to reload the catalogue in 2022 and
--     never put back.
--   * products.name was created nullable by the first migration; the model has said
--     allowNull: false ever since.
--   * cart_items is left over from before carts moved to Redis.
-- `pnpm demo:sequelize` loads it into an embedded PostgreSQL and checks it.

create type "enum_products_status" as enum ('draft', 'active', 'archived');
create type "enum_orders_status" as enum ('pending', 'paid', 'shipped');

create table "SequelizeMeta" (
  "name" varchar(255) not null primary key
);
insert into "SequelizeMeta" ("name") values
  ('20220114093000-create-customers.js'),
  ('20220114093100-create-products.js'),
  ('20220114093200-create-orders.js'),
  ('20220301120000-create-tags.js'),
  ('20230905081500-add-customers-marketing-opt-in.js');

create table "customers" (
  "id" serial primary key,
  "email" varchar(255) not null unique,
  "full_name" varchar(120) not null,
  "marketing_opt_in" boolean not null default false,
  "created_at" timestamp with time zone not null,
  "updated_at" timestamp with time zone not null,
  "crm_contact_id" varchar(40) not null
);

create table "products" (
  "id" serial primary key,
  "sku" varchar(32) not null unique,
  "name" varchar(255),
  "price_cents" integer not null,
  "status" "enum_products_status" not null default 'draft',
  "created_at" timestamp with time zone not null,
  "updated_at" timestamp with time zone not null,
  "deleted_at" timestamp with time zone
);

create table "orders" (
  "id" uuid primary key,
  "customer_id" integer not null references "customers" ("id") on delete cascade on update cascade,
  "status" "enum_orders_status" not null default 'pending',
  "total_cents" integer not null,
  "currency" char(3) not null default 'EUR',
  "placed_at" timestamp with time zone not null default current_timestamp,
  "created_at" timestamp with time zone not null,
  "updated_at" timestamp with time zone not null
);
create index "orders_customer_id_placed_at" on "orders" ("customer_id", "placed_at");

create table "order_items" (
  "id" serial primary key,
  "order_id" uuid not null references "orders" ("id") on delete cascade on update cascade,
  "product_id" integer not null,
  "quantity" integer not null default 1,
  "unit_price_cents" integer not null
);

create table "tags" (
  "id" serial primary key,
  "name" varchar(50) not null unique
);

create table "product_tags" (
  "product_id" integer references "products" ("id") on delete cascade on update cascade,
  "tag_id" integer references "tags" ("id") on delete cascade on update cascade,
  primary key ("product_id", "tag_id")
);

create table "cart_items" (
  "id" serial primary key,
  "session_token" varchar(64) not null,
  "product_id" integer not null,
  "quantity" integer not null default 1,
  "created_at" timestamp with time zone not null default now()
);
