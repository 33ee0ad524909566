import type { SchemaChangeKind, SchemaChangeOf } from '../diff/schema-change.ts';
import type { SidesOf } from '../check/finding-sides.ts';
import type { Provenance } from '../model/schema-model.ts';

export type Severity = 'error' | 'warning';
/** How configuration spells a severity, as in ESLint. */
export type SeveritySetting = 'off' | 'warn' | 'error';

export interface RuleMeta<M extends string = string, C extends string = string> {
  /** The stable finding code; equal to the rule's key in the registry. */
  readonly code: C;
  readonly description: string;
  /** The rule's page, relative to the repository root: `docs/rules/<code>.md`. */
  readonly docs: string;
  /**
   * The default severity of each kind of report the rule makes: conditional severities such as
   * "warning, but an error when the column is NOT NULL" live here, not in the handlers.
   * A configured severity replaces all of them.
   */
  readonly messages: Readonly<Record<M, Severity>>;
  /** The most useful next step for a group of these findings, one sentence; the text report ends with it. */
  readonly nextStep: string;
}

/** What a rule reports: `expected` / `actual` have the shapes `FindingSides` gives its code. */
export interface Report<M extends string = string, C extends string = string> {
  readonly messageId: M;
  readonly schema: string;
  /** Absent for a finding about no table (a migration). */
  readonly table?: string;
  readonly column?: string;
  /** What the key names besides the table and column: a constraint's or index's columns, an enum type. */
  readonly object?: string;
  readonly message: string;
  readonly expected: SidesOf<C>['expected'];
  readonly actual: SidesOf<C>['actual'];
  readonly sources: readonly Provenance[];
  /**
   * Set when the difference is on a property the model did not declare: the ORM whose default it is
   * (`sequelize`). The finding is then one severity lower than its message's default.
   */
  readonly inherited?: string;
}

/** What a rule's handlers can do: report. Rules never see the models, only the changes they handle. */
export interface RuleContext<M extends string = string, C extends string = string> {
  report(report: Report<M, C>): void;
}

/** One handler per change kind the rule visits; `evaluate` calls each for every change of its kind. */
export type RuleHandlers = { readonly [K in SchemaChangeKind]?: (change: SchemaChangeOf<K>) => void };

/** A rule never decides a configured severity: it picks a message id, configuration does the rest. */
export interface Rule<M extends string = string, C extends string = string> {
  readonly meta: RuleMeta<M, C>;
  create(context: RuleContext<M, C>): RuleHandlers;
}

/** Types a rule: its message ids and its code (from `meta`), so `report()` takes the sides its code's findings have. */
export function defineRule<M extends string, C extends string>(rule: Rule<M, C>): Rule<M, C> {
  return rule;
}

/** The page of a finding code, relative to the repository root. */
export function docsPath(code: string): string {
  return `docs/rules/${code}.md`;
}
