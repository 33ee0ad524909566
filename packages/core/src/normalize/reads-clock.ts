import type { ColumnType } from '../model/schema-model.ts';

/**
 * The SQL value functions and functions that read the clock (PostgreSQL's "Current Date/Time"): called
 * bare (`CURRENT_DATE`, `LOCALTIMESTAMP(3)`) or with parentheses (`now()`), optionally `pg_catalog.`-qualified.
 */
const clockCall =
  /(?<![\w$".])(?:pg_catalog\s*\.\s*)?(?:(?:current_date|current_time|current_timestamp|localtime|localtimestamp)(?![\w$])|(?:now|transaction_timestamp|statement_timestamp|clock_timestamp|timeofday)\s*\()/i;

/** The date/time input strings whose value is the moment they are read (`'now'`, `'today'`, `'tomorrow'`, `'yesterday'`). */
const clockInput = /\b(?:now|today|tomorrow|yesterday)\b/i;

/**
 * Whether a default's value depends on when it is read: it calls a function that reads the clock (`now()`,
 * `CURRENT_DATE`, `localtimestamp`...), or, in a date/time column, it holds one of the input strings that read it
 * (`('now'::text)::date`, TypeORM's `CURRENT_DATE`; `'today'`). Such a default and a constant are different defaults
 * whatever they evaluate to at the moment: `'2026-12-01'::date` (what `SET DEFAULT 'now'` stores) is today's date
 * today, and yesterday's tomorrow. Neither may be compared by value: the comparison would read the clock, and its
 * verdict would change with the day. `expression` is the SQL text of the default; `type` the column's type, which
 * decides whether a quoted string is a date/time input. Text inside quoted names is never taken for a call.
 */
export function readsClock(expression: string | null, type: ColumnType): boolean {
  if (expression === null) return false;
  const literals: string[] = [];
  // the code outside string literals and quoted names, each literal's text set aside
  const code = expression.replace(/'((?:[^']|'')*)'|"(?:[^"]|"")*"/g, (_match, literal: string | undefined) => {
    if (literal === undefined) return '""';
    literals.push(literal.replace(/''/g, "'"));
    return "''";
  });
  if (clockCall.test(code)) return true;
  return /^(?:date|time|timestamp)\b/.test(type.name) && literals.some((literal) => clockInput.test(literal));
}
