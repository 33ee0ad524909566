import { is, SQL } from 'drizzle-orm';
import { CasingCache } from 'drizzle-orm/casing';
import { quoteIdentifier } from '@ormdrift/core';
import type { DrizzleCasing } from './drizzle-casing.ts';

// drizzle-kit's own spelling of a string (quotes doubled, backslashes as they are), which the
// default comparison expects; identifiers go through core's one quoting function.
const quoteLiteral = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * The SQL text of a `sql\`...\`` fragment, as drizzle-kit writes it into a migration: chunks
 * verbatim, enums and tables as quoted names. drizzle-kit refuses parameters in a default
 * (`sql\`${x}\`` with a value); here they are inlined as literals, which is what the user meant.
 */
export function sqlText(value: SQL, casing: DrizzleCasing | undefined, options: { readonly index?: boolean } = {}): string {
  return value.toQuery({
    // in an index key drizzle-kit names a column without its table, as CREATE INDEX does
    ...(options.index ? { invokeSource: 'indexes' as const } : {}),
    escapeName: quoteIdentifier,
    escapeParam: (index) => `$${index + 1}`,
    escapeString: quoteLiteral,
    casing: new CasingCache(casing),
    inlineParams: true,
  }).sql;
}

export function isSql(value: unknown): value is SQL {
  return is(value, SQL);
}

export { quoteLiteral };
