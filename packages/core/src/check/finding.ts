import type { SchemaChange } from '../diff/schema-change.ts';
import type { Provenance } from '../model/schema-model.ts';
import type { SourceProblem } from '../model/schema-source.ts';
import type { RuleCode } from '../rules/index.ts';
import type { Severity } from '../rules/rule.ts';

/**
 * One difference, in the shape of the JSON report's findings (version 1). `expected` and `actual`
 * are plain JSON whose shape each code's page documents (a column reads `{ type, nullable, default }`,
 * a foreign key `{ columns, references, onDelete, onUpdate }`); `null` when that side has nothing.
 */
export interface Finding {
  readonly code: RuleCode;
  readonly severity: Severity;
  /**
   * Stable identity: the code, the schema, the table, the column or constraint, and a hash of what the
   * models expect and the database has. The same drift yields the same key on every run, machine and
   * database: no OIDs and no names the database made up enter it.
   */
  readonly key: string;
  readonly schema: string;
  /** Absent only for findings about no table (a migration). */
  readonly table?: string;
  readonly column?: string;
  readonly message: string;
  readonly expected: unknown;
  readonly actual: unknown;
  readonly sources: readonly Provenance[];
  /** The ORM whose default the differing property is, when the model did not declare it; the severity is one lower. */
  readonly inherited?: string;
  /** The difference the finding came from. */
  readonly change?: SchemaChange;
  /** Why the drift happened, when known: the migration that creates the missing object, and whether the database applied it. */
  readonly cause?: FindingCause;
  /** The service (workspace package) that owns the table, when configured. */
  readonly service?: string;
}

/** The root cause of a finding, in the JSON report as `{ "migration": "004_add_message_count.sql", "applied": false }`. */
export interface FindingCause {
  readonly migration: string;
  readonly applied: boolean;
}

export interface CheckSummary {
  readonly errors: number;
  readonly warnings: number;
  /** How many declared tables were checked. */
  readonly tables: number;
}

export type CheckProblem = SourceProblem & { readonly source: string };

export interface CheckResult {
  readonly findings: readonly Finding[];
  /** Every difference the diff found inside the scope, including those of codes that are off. */
  readonly changes: readonly SchemaChange[];
  readonly summary: CheckSummary;
  /** What adapters could read only in part, by source: what was not checked. */
  readonly problems: readonly CheckProblem[];
}
