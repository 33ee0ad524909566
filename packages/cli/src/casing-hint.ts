import type { CheckResult, Finding } from '@ormdrift/core';

/** What a report that looks like a casing mismatch says: the sentence for stderr, and the report's next step. */
export interface CasingHint {
  readonly sentence: string;
  readonly nextStep: string;
}

/**
 * One sentence (and the next step it implies) when a report looks like a casing mismatch rather than drift: every missing column named
 * in camelCase has its snake_case twin among the columns the same table has and no model declares
 * (`createdAt` missing, `created_at` extra). That is what a Drizzle schema read without drizzle-kit's
 * `casing: 'snake_case'` gives. `drizzleCasing` is the casing already in use (drizzle.config's or ormdrift.config's):
 * the advice never says to set what is set. `undefined` when the report does not look like that.
 */
export function casingHint(result: CheckResult, drizzleCasing?: 'snake_case' | 'camelCase'): CasingHint | undefined {
  const missing = result.findings.filter((finding) => finding.code === 'missing-column' && finding.column !== undefined);
  if (missing.length === 0 || !missing.every((finding) => /[a-z0-9][A-Z]/.test(finding.column!))) return undefined;
  const extra = new Set(result.findings.filter((finding) => finding.code === 'extra-column').map((finding) => columnKey(finding, finding.column!)));
  if (!missing.every((finding) => extra.has(columnKey(finding, snakeCase(finding.column!))))) return undefined;
  const example = `${missing[0]!.column} is ${snakeCase(missing[0]!.column!)} in the database`;
  const drizzle = missing.some((finding) => finding.sources.some((source) => source.orm === 'drizzle'));
  const advice = !drizzle
    ? "check the ORM's naming strategy (TypeORM's namingStrategy, Sequelize's underscored)"
    : drizzleCasing === 'snake_case'
      ? // snake_case is in use, yet names come out camelCase: the columns were named by hand (text('authorName'))
        "casing: 'snake_case' is set, but a column named explicitly keeps its name: rename it in the schema to its database name"
      : "set casing: 'snake_case' in drizzle.config.ts, or drizzle: { casing: 'snake_case' } in ormdrift.config.ts";
  return {
    sentence: `this looks like a casing mismatch, not drift: every missing column has a snake_case twin among the extra ones (${example}): ${advice}`,
    // running migrations or adding the columns would duplicate what the database already has
    nextStep: `fix the casing, not the database: ${advice}, then check again`,
  };
}

function columnKey(finding: Finding, column: string): string {
  return JSON.stringify([finding.schema, finding.table, column]);
}

/** As drizzle-orm's `toSnakeCase` splits words (`userID` → `user_id`, `HTMLParser` → `html_parser`). */
function snakeCase(name: string): string {
  return (name.replace(/['\u2019]/g, '').match(/[\da-z]+|[A-Z]+(?![a-z])|[A-Z][\da-z]+/g) ?? []).map((word) => word.toLowerCase()).join('_');
}
