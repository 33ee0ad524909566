import { index, integer, pgTable, serial, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// With drizzle-kit's casing: 'snake_case', `createdAt` is the column created_at.

export const users = pgTable('users', {
  id: serial().primaryKey(),
  // the auth service's user: no foreign key across services
  authUserId: uuid().notNull().unique(),
  displayName: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const threads = pgTable(
  'threads',
  {
    id: serial().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    title: text().notNull(),
    messageCount: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('threads_user_id_idx').on(table.userId)],
);

export const messages = pgTable('messages', {
  id: serial().primaryKey(),
  threadId: integer()
    .notNull()
    .references(() => threads.id, { onDelete: 'cascade' }),
  body: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

// Added for the "golden path" check; no migration ever created it.
export const userSessions = pgTable('user_sessions', {
  id: serial().primaryKey(),
  userId: integer()
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  expiresAt: timestamp({ withTimezone: true }).notNull(),
});
