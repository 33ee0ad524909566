import type { RegistryConflict } from '../merge/merge-registries.ts';
import type { SchemaChange } from '../diff/schema-change.ts';
import type { SchemaIndex } from '../model/schema-index.ts';
import type { Provenance } from '../model/schema-model.ts';

export type Severity = 'error' | 'warning';
/** How configuration spells a severity, as in ESLint. */
export type SeveritySetting = 'off' | 'warn' | 'error';

export interface RuleMeta<M extends string = string> {
  readonly code: string;
  readonly description: string;
  /**
   * The default severity of each kind of report the rule makes: conditional severities such as
   * "warning, but an error when the column is NOT NULL" live here, not in `check()`.
   * A configured severity replaces all of them.
   */
  readonly messages: Readonly<Record<M, Severity>>;
}

export interface Report<M extends string = string> {
  readonly messageId: M;
  readonly schema: string;
  readonly table: string;
  readonly column?: string;
  readonly message: string;
  readonly expected: unknown;
  readonly actual: unknown;
  readonly sources: readonly Provenance[];
}

export interface RuleContext<M extends string = string> {
  readonly expected: SchemaIndex;
  readonly actual: SchemaIndex;
  readonly changes: readonly SchemaChange[];
  readonly conflicts: readonly RegistryConflict[];
  /** Codes of the rules that run: a rule may leave a case to a more specific rule only when that one is on. */
  readonly enabled: ReadonlySet<string>;
  report(report: Report<M>): void;
}

/** A rule never decides a configured severity: it picks a message id, configuration does the rest. */
export interface Rule<M extends string = string> {
  readonly meta: RuleMeta<M>;
  check(context: RuleContext<M>): void;
}

export function defineRule<M extends string>(rule: Rule<M>): Rule<M> {
  return rule;
}
