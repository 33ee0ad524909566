import type { CheckResult } from '../check/finding.ts';
import type { RuleMeta } from '../rules/rule.ts';

/** What a reporter may need beyond the result, as ESLint gives its formatters. */
export interface ReporterContext {
  /** The directory paths in the report are relative to. */
  readonly cwd?: string;
  /** Every rule's metadata by code: descriptions, docs pages and next steps. */
  readonly rules?: Readonly<Record<string, RuleMeta>>;
}

export interface Reporter {
  readonly name: string;
  render(result: CheckResult, context?: ReporterContext): string;
}
