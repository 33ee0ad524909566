import { columnListAsPrinted, qualifiedAsPrinted } from '../sql/quote.ts';
import type { Finding } from '../check/finding.ts';

/**
 * The root cause of a finding as one sentence, or undefined when the finding has none:
 * `user_sessions.message_count is added by 004_add_message_count.sql, which this database has not applied`.
 * The subject is the missing object (a column, a table, a type, or the columns of an index, unique constraint or
 * foreign key); an applied migration whose object is missing means the object was removed or changed by hand since.
 * Plain text: each reporter escapes it for its format.
 */
export function describeCause(finding: Finding): string | undefined {
  const cause = finding.cause;
  if (!cause) return undefined;
  const [subject, verb] = causeSubject(finding);
  const outcome = cause.applied ? 'which this database has applied: it was removed or changed by hand since' : 'which this database has not applied';
  return `${subject} ${verb} ${cause.migration}, ${outcome}`;
}

function causeSubject(finding: Finding): [subject: string, verb: string] {
  const table = finding.table === undefined ? finding.schema : qualifiedAsPrinted({ schema: finding.schema, name: finding.table });
  const expected = (finding.expected ?? {}) as { columns?: unknown; enum?: unknown };
  const columns = Array.isArray(expected.columns) ? `${table}${columnListAsPrinted(expected.columns)}` : table;
  switch (finding.code) {
    case 'missing-column':
      return [finding.column === undefined ? table : `${table}.${finding.column}`, 'is added by'];
    case 'missing-table':
      return [table, 'is created by'];
    case 'missing-enum':
      return [`type ${typeof expected.enum === 'string' ? expected.enum : table}`, 'is created by'];
    case 'missing-index':
      return [`the index on ${columns}`, 'is created by'];
    case 'missing-unique':
      return [`the unique constraint on ${columns}`, 'is created by'];
    case 'missing-foreign-key':
      return [`the foreign key ${columns}`, 'is created by'];
    default:
      return [table, 'is changed by'];
  }
}
