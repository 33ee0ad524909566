import type { z } from 'zod';
import type { SchemaChangeKind, SchemaChangeOf } from '../diff/schema-change.ts';
import type { SidesOf } from '../check/finding-sides.ts';
import type { Provenance } from '../model/schema-model.ts';

export type Severity = 'error' | 'warning';
/** How configuration spells a severity, as in ESLint. */
export type SeveritySetting = 'off' | 'warn' | 'error';

export interface RuleMeta<M extends string = string, C extends string = string, O = Record<string, never>> {
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
  /**
   * The next step when the database checked is the one the project's migrations build (no live database): then no
   * database is behind, the migrations lack what the models declare. Absent: {@link RuleMeta.nextStep} holds there too.
   */
  readonly migrationsNextStep?: string;
  /**
   * The schema of the rule's options (the second element of `['warn', { ... }]` in the settings), as ESLint's
   * `meta.schema`: settings are validated against it before a check, and `context.options` is what it parses,
   * defaults applied. Absent: the rule takes no options.
   */
  readonly schema?: z.ZodType<O>;
}

/** What a rule reports: `expected` / `actual` have the shapes `FindingSides` gives its code. */
export interface Report<M extends string = string, C extends string = string> {
  readonly messageId: M;
  readonly schema: string;
  /** Absent for a finding about no table (a migration). */
  readonly table?: string;
  readonly column?: string;
  /** What the key names besides the table and column: a constraint's or index's columns, an enum type, a migration. */
  readonly object?: string;
  /** The migration a finding about a migration names; it has no table, and `schema` is the ledger's. */
  readonly migration?: string;
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
export interface RuleContext<M extends string = string, C extends string = string, O = Record<string, never>> {
  /** The configured options, parsed by `meta.schema` (its defaults when none are configured). */
  readonly options: O;
  report(report: Report<M, C>): void;
}

/** One handler per change kind the rule visits; `evaluate` calls each for every change of its kind. */
export type RuleHandlers = { readonly [K in SchemaChangeKind]?: (change: SchemaChangeOf<K>) => void };

/** A rule never decides a configured severity: it picks a message id, configuration does the rest. */
export interface Rule<M extends string = string, C extends string = string, O = Record<string, never>> {
  readonly meta: RuleMeta<M, C, O>;
  create(context: RuleContext<M, C, O>): RuleHandlers;
}

/**
 * Types a rule from its `meta`: message ids, code (so `report()` takes the sides its code's findings have)
 * and options (what `meta.schema` parses).
 */
export function defineRule<M extends string, C extends string, O = Record<string, never>>(rule: Rule<M, C, O>): Rule<M, C, O> {
  return rule;
}

/** The page of a finding code, relative to the repository root. */
export function docsPath(code: string): string {
  return `docs/rules/${code}.md`;
}
