import type { SchemaChange, SchemaChangeOf } from '../diff/schema-change.ts';
import type { FindingSides } from './finding-sides.ts';
import type { Provenance, SchemaModel } from '../model/schema-model.ts';
import type { SourceProblem } from '../model/schema-source.ts';
import type { RuleCode } from '../rules/index.ts';
import type { Severity } from '../rules/rule.ts';

/**
 * One difference, in the shape of the JSON report's findings (version 1). `expected` and `actual`
 * are plain JSON whose shape each code's page documents and `FindingSides` types (a column reads
 * `{ type, nullable, default }`, a foreign key `{ columns, references, onDelete, onUpdate }`); `null`
 * when that side has nothing. A union by code: `finding.code` narrows `expected`, `actual` and
 * `change`, and `finding.change.kind` narrows the change's typed sides (model objects).
 */
export type Finding = { readonly [C in RuleCode]: FindingOf<C> }[RuleCode];

/** A finding of one code, with that code's sides and change kind. */
export interface FindingOf<C extends RuleCode> extends FindingFields {
  readonly code: C;
  readonly expected: FindingSides[C]['expected'];
  readonly actual: FindingSides[C]['actual'];
  /** The difference the finding came from. */
  readonly change: SchemaChangeOf<FindingSides[C]['change']>;
}

/** What every finding has, whatever its code. */
export interface FindingFields {
  readonly severity: Severity;
  /**
   * Stable identity: the code, the schema, the table, the column or constraint, and a hash of what the
   * models expect and the database has. The same drift yields the same key on every run, machine and
   * database: no OIDs and no names the database made up enter it.
   */
  readonly key: string;
  readonly schema: string;
  /** Absent only for findings about no table: a migration, a sequence declared on its own. */
  readonly table?: string;
  readonly column?: string;
  /** The migration a finding about a migration names (`unapplied-migration`, `unknown-migration`); then `schema` is the ledger's. */
  readonly migration?: string;
  readonly message: string;
  readonly sources: readonly Provenance[];
  /** The ORM whose default the differing property is, when the model did not declare it; the severity is one lower. */
  readonly inherited?: string;
  /** Why the drift happened, when known: the migration that creates the missing object, and whether the database applied it. */
  readonly cause?: FindingCause;
  /** The service (workspace package) that owns the table, when configured. */
  readonly service?: string;
}

// Fails to compile when a registered rule's code has no entry in `FindingSides`.
type Unsided = Exclude<RuleCode, keyof FindingSides>;
const everyCodeSided: [Unsided] extends [never] ? true : never = true;
void everyCodeSided;

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
  /** How many sequences declared on their own (Drizzle's `pgSequence`) were checked; absent when none. */
  readonly sequences?: number;
}

export type CheckProblem = SourceProblem & { readonly source: string };

export interface CheckResult {
  readonly findings: readonly Finding[];
  /** Every difference the diff found inside the scope, including those of codes that are off. */
  readonly changes: readonly SchemaChange[];
  readonly summary: CheckSummary;
  /** What adapters could read only in part, by source: what was not checked. */
  readonly problems: readonly CheckProblem[];
  /**
   * The declared schema inside the scope: the tables that were checked, for reports that list them
   * (a JUnit test case per table) or draw them (the Markdown report's diagram).
   */
  readonly expected?: SchemaModel;
  /** Set when findings were compared with a baseline file: what it accepted and what no longer occurs. */
  readonly baseline?: BaselineOutcome;
  /** The codes set to `off`: the check cannot say whether their findings still occur (a baseline keeps them). */
  readonly off?: readonly RuleCode[];
  /**
   * Schemas the models put objects in that the database does not have (each declared object in them is missing);
   * absent when there are none, or the introspector does not say which schemas exist. `planFix` creates them.
   */
  readonly missingSchemas?: readonly string[];
}

/** What a baseline did to a check: `findings` then holds only what the baseline does not list. */
export interface BaselineOutcome {
  /** The baseline file, as given. */
  readonly file: string;
  /** How many findings the baseline accepted (left out of `findings` and the summary). */
  readonly accepted: number;
  /** Baseline entries that no longer occur, or occur fewer times than recorded (`count`: how many fewer): the drift was fixed. */
  readonly fixed: readonly { readonly key: string; readonly count: number }[];
}
