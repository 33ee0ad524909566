import { defineRule } from './rule.ts';
import { displayName } from '../model/qualified-name.ts';

/** Migration ledgers of known tools: owned by their tool, never orphans. */
export const migrationLedgers: ReadonlySet<string> = new Set([
  'migrations',
  'typeorm_metadata',
  'SequelizeMeta',
  '__drizzle_migrations',
  'schema_migrations',
  'alembic_version',
  'knex_migrations',
  'knex_migrations_lock',
  'flyway_schema_history',
  '_prisma_migrations',
]);

export const orphanTable = defineRule({
  meta: {
    code: 'orphan-table',
    description: 'A table exists that no registry and no configured owner claims.',
    messages: { orphan: 'warning' },
  },
  check(context) {
    for (const change of context.changes) {
      if (change.kind !== 'extra-table' || migrationLedgers.has(change.table.name)) continue;
      const { table } = change;
      context.report({
        messageId: 'orphan',
        schema: table.schema,
        table: table.name,
        message: `${displayName(table)} exists in the database but no model declares it`,
        expected: null,
        actual: { columns: table.columns.map((column) => column.name) },
        sources: [],
      });
    }
  },
});
