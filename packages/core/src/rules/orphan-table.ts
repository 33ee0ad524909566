import { tableRef } from './describe.ts';
import { defineRule, docsPath } from './rule.ts';
import { z } from 'zod';
import { ignoreOption, nameMatcher } from './name-globs.ts';

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
    docs: docsPath('orphan-table'),
    messages: { orphan: 'warning' },
    nextStep:
      'claim the tables this service creates without a model with "owns" in ormdrift.config, hide others\' with "ignore", or run check --workspace at the workspace root so that a table another service owns is no orphan; else pass the modules of every registry that owns them, narrow the check with --schema, or set \'orphan-table\' to off',
    schema: z.strictObject({
      /** Tables another owner keeps (a custom migrations table, `legacy_*`), as `name` or `schema.name` globs. */
      ignore: ignoreOption,
    }),
  },
  create(context) {
    const ignored = nameMatcher(context.options.ignore);
    return {
      'extra-table'({ table }) {
        if (migrationLedgers.has(table.name) || ignored([table.name, `${table.schema}.${table.name}`])) return;
        context.report({
          messageId: 'orphan',
          schema: table.schema,
          table: table.name,
          message: `${tableRef(table)} exists in the database but no model declares it`,
          expected: null,
          actual: { columns: table.columns.map((column) => column.name) },
          sources: [],
        });
      },
    };
  },
});
