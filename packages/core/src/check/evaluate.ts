import { diffSchemas } from '../diff/diff-schemas.ts';
import type { MergedSchema } from '../merge/merge-registries.ts';
import { SchemaIndex } from '../model/schema-index.ts';
import type { SchemaModel } from '../model/schema-model.ts';
import { rules, type RuleCode } from '../rules/index.ts';
import type { Report, Rule, Severity, SeveritySetting } from '../rules/rule.ts';
import type { CheckResult, Finding } from './finding.ts';

/** Per-code severity overrides, as in ESLint: `{ 'extra-column': 'off' }`. */
export type RuleSettings = Partial<Record<RuleCode, SeveritySetting>>;

export interface EvaluateOptions {
  readonly expected: MergedSchema;
  readonly actual: SchemaModel;
  readonly rules?: RuleSettings;
  /** Schemas whose undeclared tables are reported; by default every schema the models use. */
  readonly schemas?: readonly string[];
}

/** The pure half of a check: two schema models in, findings out. No I/O. */
export function evaluate(options: EvaluateOptions): Omit<CheckResult, 'problems'> {
  const expected = options.schemas ? onlySchemas(options.expected.schema, options.schemas) : options.expected.schema;
  const changes = diffSchemas(expected, options.actual, options.schemas ? { schemas: options.schemas } : {});
  const expectedIndex = new SchemaIndex(expected);
  const actualIndex = new SchemaIndex(options.actual);
  const order = Object.keys(rules);
  const findings: Finding[] = [];
  const enabled = new Set(order.filter((code) => options.rules?.[code as RuleCode] !== 'off'));

  for (const [code, rule] of Object.entries(rules) as [RuleCode, Rule<string>][]) {
    const setting = options.rules?.[code];
    if (setting === 'off') continue;
    rule.check({
      expected: expectedIndex,
      actual: actualIndex,
      changes,
      conflicts: options.expected.conflicts,
      enabled,
      report(report: Report) {
        const severity: Severity = setting === 'warn' ? 'warning' : setting === 'error' ? 'error' : rule.meta.messages[report.messageId]!;
        const { messageId: _, ...rest } = report;
        findings.push({ code, severity, ...rest });
      },
    });
  }

  findings.sort(
    (a, b) =>
      compare(a.schema, b.schema) || compare(a.table, b.table) || order.indexOf(a.code) - order.indexOf(b.code) || compare(a.column ?? '', b.column ?? ''),
  );
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  return { findings, changes, summary: { errors, warnings: findings.length - errors, tables: expected.tables.length } };
}

function onlySchemas(schema: SchemaModel, schemas: readonly string[]): SchemaModel {
  return { tables: schema.tables.filter((table) => schemas.includes(table.schema)), enums: schema.enums };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
