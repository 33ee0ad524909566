// The schema module drizzle.config.ts points at (`schema: './src/db/schema.ts'`): drizzle-kit
// generates the migrations in drizzle/ from it, and ormdrift reads the same exports.
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgEnum, pgSchema, pgTable, serial, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';

export const ticketStatus = pgEnum('ticket_status', ['open', 'pending', 'on_hold', 'solved', 'closed']);
export const ticketPriority = pgEnum('ticket_priority', ['low', 'normal', 'high', 'urgent']);

export const organizations = pgTable('organizations', {
  id: serial('id').primaryKey(),
  name: varchar('name', { length: 200 }).notNull(),
  domain: varchar('domain', { length: 255 }).unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const agents = pgTable(
  'agents',
  {
    id: serial('id').primaryKey(),
    email: varchar('email', { length: 320 }).notNull(),
    name: text('name').notNull(),
    isAdmin: boolean('is_admin').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('agents_email_key').on(sql`lower(${table.email})`)],
);

export const tickets = pgTable(
  'tickets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    assigneeId: integer('assignee_id').references(() => agents.id, { onDelete: 'set null' }),
    subject: varchar('subject', { length: 200 }).notNull(),
    status: ticketStatus('status').notNull().default('open'),
    priority: ticketPriority('priority').notNull().default('normal'),
    tags: text('tags').array().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
    // 0007_first_response_sla.sql
    firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
  },
  (table) => [index('tickets_assignee_status_idx').on(table.assigneeId, table.status), index('tickets_organization_idx').on(table.organizationId)],
);

export const ticketComments = pgTable(
  'ticket_comments',
  {
    id: serial('id').primaryKey(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    authorId: integer('author_id').references(() => agents.id),
    body: text('body').notNull(),
    isPublic: boolean('is_public').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('ticket_comments_ticket_idx').on(table.ticketId, table.createdAt)],
);

// Audit trail in its own schema, written by a trigger-free application hook.
export const audit = pgSchema('audit');

export const auditEvents = audit.table('events', {
  id: uuid('id').primaryKey().defaultRandom(),
  // null for events the system raises itself (SLA timers, imports)
  actorId: integer('actor_id').references(() => agents.id),
  action: varchar('action', { length: 64 }).notNull(),
  ticketId: uuid('ticket_id').references(() => tickets.id, { onDelete: 'set null' }),
  payload: jsonb('payload').notNull().default({}),
  occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
});
