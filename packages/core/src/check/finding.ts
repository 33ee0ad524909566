import type { SchemaChange } from '../diff/schema-change.ts';
import type { Provenance } from '../model/schema-model.ts';
import type { SourceProblem } from '../model/schema-source.ts';
import type { RuleCode } from '../rules/index.ts';
import type { Severity } from '../rules/rule.ts';

/** One difference, in the shape of the JSON report's findings (version 1). */
export interface Finding {
  readonly code: RuleCode;
  readonly severity: Severity;
  readonly schema: string;
  readonly table: string;
  readonly column?: string;
  readonly message: string;
  readonly expected: unknown;
  readonly actual: unknown;
  readonly sources: readonly Provenance[];
}

export interface CheckSummary {
  readonly errors: number;
  readonly warnings: number;
  /** How many declared tables were checked. */
  readonly tables: number;
}

export interface CheckResult {
  readonly findings: readonly Finding[];
  /** Every difference the findings came from, as data: what `planFix` plans from. */
  readonly changes: readonly SchemaChange[];
  readonly summary: CheckSummary;
  /** What adapters could read only in part, by source. */
  readonly problems: readonly (SourceProblem & { readonly source: string })[];
}
