import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { runSequelizeMigrations } from '@ormdrift/sequelize';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { runCli } from './support/run-cli.ts';
import { createTestDatabase, type TestDatabase } from './support/test-database.ts';

/**
 * A 20-table Sequelize app written as large apps write one (`Model.init` classes in domain files, associations
 * in `models/index`, `underscored`, a role enum shared by two tables, a projection model of `users`, both sides
 * of two many-to-many junctions, an index name over 63 bytes, partial and GIN indexes, soft delete, uuid, serial
 * and identity keys, jsonb and arrays), checked as its user checks it against what its hand-written
 * sequelize-cli migrations build. The migrations follow the models, so the only findings are the two places
 * where a Sequelize app's migrations really say more or other than its models can.
 */
const app = resolve(import.meta.dirname, 'fixtures/real-apps/sequelize');
const databases: TestDatabase[] = [];
afterAll(() => Promise.all(databases.map((db) => db.drop())));

interface Finding {
  code: string;
  severity: string;
  table: string;
  column?: string;
  message: string;
}

function findings(stdout: string): Pick<Finding, 'code' | 'severity' | 'table' | 'column' | 'message'>[] {
  const report = JSON.parse(stdout) as { findings: Finding[] };
  return report.findings.map(({ code, severity, table, column, message }) => ({ code, severity, table, column, message }));
}

/** What the app's models and migrations disagree on: each entry is right, and says why. */
const expected = [
  // Sequelize models cannot declare a CHECK; the migration adds one with addConstraint. The database holds a
  // rule the models do not know: a warning, as a constraint added on purpose outside the models usually is.
  {
    code: 'extra-constraint',
    severity: 'warning',
    table: 'invoice_line_items',
    column: undefined,
    message:
      'invoice_line_items has a check invoice_line_items_quantity_positive ((quantity > 0)) that InvoiceLineItem (sequelize) does not declare: writes of rows that break it fail',
  },
  // The known trap: `Task.belongsTo(User, { foreignKey: 'assigneeId' })` writes no actions, so the model's are
  // Sequelize's defaults (ON DELETE SET NULL, ON UPDATE CASCADE, what sync() would build), while the migration's
  // `references` without onDelete/onUpdate builds NO ACTION: deleting an assigned user fails. Said as inherited.
  {
    code: 'foreign-key-mismatch',
    severity: 'warning',
    table: 'tasks',
    column: 'assignee_id',
    message:
      "tasks(assignee_id) references users(id) ON DELETE NO ACTION ON UPDATE NO ACTION in the database, but ON DELETE SET NULL ON UPDATE CASCADE in Task (sequelize); ON DELETE SET NULL, ON UPDATE CASCADE by Sequelize's default; the model does not say",
  },
];

describe.runIf(inject('postgresMajor') === 18)('a real Sequelize app against its sequelize-cli migrations', () => {
  it('check --migrations: exactly the two findings where the migrations say other than the models', async () => {
    const run = await runCli(['check', 'models/index.ts', '--migrations', 'migrations', '--format', 'json'], { cwd: app });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(findings(run.stdout)).toEqual(expected);
    expect(JSON.parse(run.stdout).summary).toMatchObject({ errors: 0, warnings: 2, tables: 20 });
  });

  it('the database those migrations build, one column dropped: exactly one missing-column more', async () => {
    const db = await createTestDatabase();
    databases.push(db);
    const folder = join(app, 'migrations');
    const files = (await readdir(folder)).filter((file) => file.endsWith('.cjs')).sort();
    await runSequelizeMigrations(db.url, {
      migrations: files.map((name) => ({ name, load: async () => (await import(join(folder, name))) as Record<string, unknown> })),
    });
    await db.query('alter table webhooks drop column active');
    const run = await runCli(['check', 'models/index.ts', '--db', db.url, '--format', 'json'], { cwd: app });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    // reported by table: the dropped column comes after the two findings the migrations already had
    expect(findings(run.stdout)).toEqual([
      ...expected,
      {
        code: 'missing-column',
        severity: 'error',
        table: 'webhooks',
        column: 'active',
        message: 'webhooks.active is declared by Webhook (sequelize) but the table has no such column',
      },
    ]);
  });
});
