import { it } from 'vitest';
import { drizzleSource } from '@ormdrift/drizzle';
import * as schema from './fixtures/drizzle/probe-fix9c.ts';
import { drizzleKitSql } from './fixtures/drizzle/drizzle-kit-sql.ts';
import { checkDatabase } from './support/check-database.ts';
import { createTestDatabase } from './support/test-database.ts';
import { describeValue } from '../packages/core/src/report/finding-groups.ts';
it('p', async () => {
  const sqls = await drizzleKitSql(schema);
  console.log(sqls);
  const db = await createTestDatabase();
  await db.query('create extension if not exists pg_trgm');
  for (const s of sqls) await db.query(s);
  const r = await checkDatabase(db.url, [drizzleSource(schema, { name: 'p' })]);
  for (const f of r.findings) console.log(f.code, f.severity, f.message, '\n  exp:', describeValue(f.expected), '\n  act:', describeValue(f.actual));
  console.log(r.problems);
  await db.drop();
});
