import { diffSchemas } from '../diff/diff-schemas.ts';
import type { SchemaChange, SchemaChangeKind } from '../diff/schema-change.ts';
import type { MergedSchema } from '../merge/merge-registries.ts';
import type { Provenance, SchemaModel } from '../model/schema-model.ts';
import { rules, type RuleCode } from '../rules/index.ts';
import type { Report, Rule, RuleHandlers, Severity } from '../rules/rule.ts';
import { resolveRuleSettings, type RuleSettings } from '../rules/rule-settings.ts';
import { resolveScope, scopeActual, scopeMerged } from '../scope/scope.ts';
import type { TableGlobs } from '../scope/table-glob.ts';
import { findingKey } from './finding-key.ts';
import type { MigrationLedgerState } from '../migrations/migration-ledger.ts';
import type { CheckProblem, CheckResult, Finding } from './finding.ts';

export type { RuleSettings } from '../rules/rule-settings.ts';

export interface EvaluateOptions {
  readonly expected: MergedSchema;
  /** The database as read; it may hold more than the scope (schemas that foreign keys point into). */
  readonly actual: SchemaModel;
  /** Per-rule severities and options, validated first (`RuleSettingsError` when a rule or option is wrong). */
  readonly rules?: RuleSettings;
  /** The schemas checked; by default every schema the models use. Nothing outside them is reported. */
  readonly schemas?: readonly string[];
  /** Table globs never reported (see `Scope`). */
  readonly ignore?: TableGlobs;
  /** Table globs owned without a model: never orphans (see `Scope`). */
  readonly owns?: TableGlobs;
  /** When not empty, the only tables checked, as drizzle-kit's `tablesFilter` (see `Scope`). */
  readonly tables?: TableGlobs;
  /** What the adapters could read only in part; passed through to the result. */
  readonly problems?: readonly CheckProblem[];
  /** The database's migration ledger against the migrations on disk: `unapplied-migration` and `unknown-migration` findings. */
  readonly migrations?: MigrationLedgerState;
}

/**
 * The pure half of a check: two schema models in, findings out. No I/O. The one place that scopes
 * both sides, diffs them, dispatches each change to the handlers of the rules that are on, applies
 * severities (configured, else the message's default, one lower for an ORM default the model did not
 * declare), keys and sorts the findings and counts them.
 */
export function evaluate(options: EvaluateOptions): CheckResult {
  const settings = resolveRuleSettings(options.rules);
  const scope = resolveScope(options.expected.schema, options);
  const expected = scopeMerged(options.expected, scope);
  const changes = [
    ...ledgerChanges(options.migrations),
    ...diffSchemas(expected, scopeActual(options.actual, scope, expected.schema), { referenced: options.actual }),
  ];

  const order = Object.keys(rules);
  const findings: Finding[] = [];
  const visitors = new Map<SchemaChangeKind, ((change: SchemaChange) => void)[]>();
  const off: RuleCode[] = [];
  let current: SchemaChange | undefined;
  for (const [code, rule] of Object.entries(rules) as [RuleCode, Rule<string, string, unknown>][]) {
    const { severity: setting, options: ruleOptions } = settings.get(code) ?? { options: rule.meta.schema?.parse({}) ?? {} };
    if (setting === 'off') {
      off.push(code);
      continue;
    }
    const handlers: RuleHandlers = rule.create({
      options: ruleOptions,
      report(report: Report) {
        const byDefault: Severity = rule.meta.messages[report.messageId]!;
        const severity: Severity = setting === 'warn' ? 'warning' : setting === 'error' ? 'error' : report.inherited ? lower(byDefault) : byDefault;
        const { messageId: _, object, ...rest } = report;
        const key = findingKey({ code, ...rest, ...(object === undefined ? {} : { object }) });
        if (!current) throw new Error(`rule ${code} reported outside a change handler`);
        // the rule's code types its sides and its change kind (`FindingSides`); the registry is keyed by the same code
        findings.push({ code, severity, key, ...rest, change: current } as Finding);
      },
    });
    for (const [kind, handler] of Object.entries(handlers) as [SchemaChangeKind, (change: SchemaChange) => void][]) {
      visitors.set(kind, [...(visitors.get(kind) ?? []), handler]);
    }
  }
  for (const change of changes) {
    current = change;
    const declared = declaredByItsModels(change);
    for (const handler of visitors.get(change.kind) ?? []) handler(declared);
  }
  current = undefined;

  findings.sort(
    (a, b) =>
      compare(a.schema, b.schema) ||
      compare(a.table ?? '', b.table ?? '') ||
      order.indexOf(a.code) - order.indexOf(b.code) ||
      compare(a.column ?? '', b.column ?? ''),
  );
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const declaredSequences = (expected.schema.sequences ?? []).filter((sequence) => !sequence.ownedBy).length;
  return {
    findings,
    changes,
    summary: {
      errors,
      warnings: findings.length - errors,
      tables: expected.schema.tables.length,
      // sequences a column owns are compared through their column
      ...(declaredSequences > 0 ? { sequences: declaredSequences } : {}),
    },
    problems: options.problems ?? [],
    expected: expected.schema,
    off,
  };
}

/** The ledger's differences as changes: no scope applies to them (the ledger is the migrations' tool's, not a model's). */
function ledgerChanges(state: MigrationLedgerState | undefined): SchemaChange[] {
  if (!state) return [];
  const { ledger } = state;
  return [
    ...state.unapplied.map((name): SchemaChange => ({ kind: 'unapplied-migration', ledger, expected: { name }, actual: null })),
    ...state.unknown.map((name): SchemaChange => ({ kind: 'unknown-migration', ledger, expected: null, actual: { name } })),
  ];
}

/** One severity lower: an error becomes a warning; a warning stays one, the lowest level that still reports. */
function lower(_severity: Severity): Severity {
  return 'warning';
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A change about a column or constraint that only some of its table's models declare, with the table's sources
 * narrowed to those models: its finding names them, not every model of the table.
 */
function declaredByItsModels(change: SchemaChange): SchemaChange {
  if (!('table' in change) || change.table === null || typeof change.table !== 'object') return change;
  const expected = 'expected' in change ? (change.expected as { declaredBy?: readonly Provenance[] } | null) : null;
  const declaredBy = expected !== null && typeof expected === 'object' ? expected.declaredBy : undefined;
  if (declaredBy === undefined || declaredBy.length === 0) return change;
  return { ...change, table: { ...change.table, sources: declaredBy } } as SchemaChange;
}
