import type { CheckResult } from '../check/finding.ts';
import type { RuleMeta } from '../rules/rule.ts';

/** What a reporter may need beyond the result, as ESLint gives its formatters. */
export interface ReporterContext {
  /** The directory paths in the report are relative to. */
  readonly cwd?: string;
  /** Every rule's metadata by code: descriptions, docs pages and next steps. */
  readonly rules?: Readonly<Record<string, RuleMeta>>;
  /**
   * Where the repository's `docs/` pages are published (`https://example.com/ormdrift/blob/main/`): with it,
   * formats read outside a checkout (SARIF, Markdown) link each code to its page; without it they name the page.
   */
  readonly docsBaseUrl?: string;
  /**
   * The report's next step when the caller read the findings as a whole and knows better than any one rule (a
   * casing mismatch: every missing column has a snake_case twin): the text format's `next:` line says it instead.
   */
  readonly nextStep?: string;
  /**
   * Set when the database checked was built from the project's migrations rather than a live one: the `next:` line
   * then gives a rule's `migrationsNextStep` (write the migration) rather than advice about a database that is behind.
   */
  readonly builtFromMigrations?: boolean;
  /** The ormdrift version, for formats that record the tool (SARIF). */
  readonly version?: string;
}

export interface Reporter {
  readonly name: string;
  render(result: CheckResult, context?: ReporterContext): string;
}

/** A rule page's absolute URL, percent-encoded, when a base is known; `undefined` otherwise. */
export function docsUrl(page: string | undefined, base: string | undefined): string | undefined {
  if (page === undefined || base === undefined) return undefined;
  return new URL(page, base.endsWith('/') ? base : `${base}/`).href;
}
