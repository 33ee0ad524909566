// The experts marketplace: a Drizzle schema module, added a year after billing. Its tables were
// created on developers' machines with `drizzle-kit push`; no migration for them was ever
// generated, and the deploy pipeline only runs billing's TypeORM migrations.
import { index, integer, pgEnum, pgTable, serial, smallint, text, time, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

// `users` and `invoices` belong to billing (TypeORM). They are declared here only so that foreign
// keys can point at them, and not exported, so drizzle-kit never tries to create them.
// "user_id is a uuid: users will move to uuid soon" (they never did: users.id is an integer).
const users = pgTable('users', { id: uuid('id').primaryKey() });
const invoices = pgTable('invoices', { id: integer('id').primaryKey() });

export const expertLevel = pgEnum('expert_level', ['associate', 'senior', 'principal']);

export const expertProfiles = pgTable('expert_profiles', {
  id: serial('id').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .unique()
    .references(() => users.id, { onDelete: 'cascade' }),
  headline: varchar('headline', { length: 160 }).notNull(),
  level: expertLevel('level').notNull().default('associate'),
  hourlyRateCents: integer('hourly_rate_cents').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const expertAvailability = pgTable(
  'expert_availability',
  {
    id: serial('id').primaryKey(),
    expertId: integer('expert_id')
      .notNull()
      .references(() => expertProfiles.id, { onDelete: 'cascade' }),
    weekday: smallint('weekday').notNull(),
    startsAt: time('starts_at').notNull(),
    endsAt: time('ends_at').notNull(),
  },
  (table) => [index('expert_availability_expert_idx').on(table.expertId, table.weekday)],
);

export const expertReviews = pgTable('expert_reviews', {
  id: serial('id').primaryKey(),
  expertId: integer('expert_id')
    .notNull()
    .references(() => expertProfiles.id, { onDelete: 'cascade' }),
  // a review is left on a paid consultation, billed through billing's invoices
  invoiceId: integer('invoice_id')
    .notNull()
    .references(() => invoices.id),
  rating: smallint('rating').notNull(),
  comment: text('comment'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
