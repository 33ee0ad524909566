import type { ColumnModel, SchemaModel } from '../model/schema-model.ts';
import { SchemaIndex } from '../model/schema-index.ts';
import { sameColumnType } from '../normalize/column-type.ts';
import { type Candidate, settledByServer } from '../normalize/server-verdicts.ts';
import { readsClock } from '../normalize/reads-clock.ts';
import { valueSource } from '../normalize/value-source.ts';
import { constantLiteral } from './constant-literal.ts';
import type { CompareLiterals, LiteralPair } from './literal-comparison.ts';

/**
 * Lets PostgreSQL decide the defaults that text comparison left different: every column whose
 * model and database defaults are both single constants of one type, neither reading the clock
 * (`('now'::text)::date` is no constant), is sent, in one batch, to
 * `compare`; where the server says they are one value, the actual column takes the model's
 * spelling, so the diff that follows sees no change. Everything else is returned as it was.
 * A failed comparison changes nothing: the text comparison's verdict stands.
 */
export async function settleLiteralDefaults(
  expected: SchemaModel,
  actual: SchemaModel,
  compare: CompareLiterals,
  options: { readonly signal?: AbortSignal } = {},
): Promise<SchemaModel> {
  const declared = new SchemaIndex(expected);
  const candidates: Candidate<ColumnModel, LiteralPair>[] = [];
  for (const table of actual.tables) {
    for (const column of table.columns) {
      const model = declared.column(table, column.name);
      if (!model || model.default === null || column.default === null) continue;
      if (!sameColumnType(model.type, column.type) || valueSource(model) === valueSource(column)) continue;
      // a default that reads the clock is no constant, whatever it evaluates to now: `('now'::text)::date` is not
      // today's date literal, and reading 'now' on the server would make the verdict change with the day
      if (readsClock(model.default, model.type) || readsClock(column.default, column.type)) continue;
      const wanted = constantLiteral(model.default);
      const found = constantLiteral(column.default);
      if (wanted === undefined || found === undefined) continue;
      candidates.push({ object: column, pair: { type: column.type.raw, expected: wanted, actual: found }, spelling: model.default });
    }
  }
  const settled = await settledByServer(candidates, compare, options);
  if (settled.size === 0) return actual;
  return {
    ...actual,
    tables: actual.tables.map((table) =>
      table.columns.some((column) => settled.has(column))
        ? { ...table, columns: table.columns.map((column) => (settled.has(column) ? { ...column, default: settled.get(column)! } : column)) }
        : table,
    ),
  };
}
