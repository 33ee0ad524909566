/**
 * ESLint-RuleTester-style tables: `valid` model/database pairs must yield no finding of the rule's
 * code, `invalid` ones exactly the listed findings of that code (other codes are other tables'
 * business). Everything goes through the public `evaluate()` as `check()` does.
 */
import { describe, expect, it } from 'vitest';
import {
  evaluate,
  mergeRegistries,
  type Finding,
  type MigrationLedgerState,
  type Provenance,
  type RuleCode,
  type RuleSettings,
  type SchemaModel,
} from '@ormdrift/core';
import type { TableOptions } from './models.ts';

export type DbTableOptions = Omit<TableOptions, 'sources'>;

export interface Case {
  readonly name: string;
  /** One registry, or several to merge. */
  readonly expected: SchemaModel | readonly SchemaModel[];
  readonly actual: SchemaModel;
  readonly rules?: RuleSettings;
  /** The `schemas` option of `evaluate()`: only these schemas are checked. */
  readonly schemas?: readonly string[];
  /** The `migrations` option of `evaluate()`: the database's ledger against the migrations on disk. */
  readonly migrations?: MigrationLedgerState;
  /** A known bug in src: the case runs as `it.fails`, with a `// BUG:` comment above it saying what is wrong. */
  readonly fails?: true;
}

export interface ExpectedFinding {
  readonly severity: 'error' | 'warning';
  /** Absent for findings about a migration, and then the finding must have none. */
  readonly table?: string;
  /** The migration a finding about one names. */
  readonly migration?: string;
  /** `public` unless given. */
  readonly schema?: string;
  /** Absent for table-level findings, and then the finding must have none. */
  readonly column?: string;
  /** Compared only when given. */
  readonly message?: string;
  readonly expected?: unknown;
  readonly actual?: unknown;
  readonly sources?: readonly Provenance[];
}

export interface InvalidCase extends Case {
  readonly findings: readonly ExpectedFinding[];
}

export function run(test: Case) {
  const registries = Array.isArray(test.expected) ? test.expected : [test.expected as SchemaModel];
  return evaluate({
    expected: mergeRegistries(registries),
    actual: test.actual,
    ...(test.rules ? { rules: test.rules } : {}),
    ...(test.schemas ? { schemas: test.schemas } : {}),
    ...(test.migrations ? { migrations: test.migrations } : {}),
  });
}

/** The finding reduced to the keys the expectation names, so that only those are compared. */
function project(finding: Finding, like: ExpectedFinding | undefined): Record<string, unknown> {
  const projected: Record<string, unknown> = { code: finding.code, severity: finding.severity, schema: finding.schema };
  if (finding.table !== undefined) projected['table'] = finding.table;
  if ('column' in finding) projected['column'] = finding.column;
  if ('migration' in finding) projected['migration'] = finding.migration;
  for (const key of ['message', 'expected', 'actual', 'sources'] as const) if (like && key in like) projected[key] = finding[key];
  return projected;
}

export function ruleTester(code: RuleCode, tables: { valid: readonly Case[]; invalid: readonly InvalidCase[] }): void {
  describe(code, () => {
    for (const test of tables.valid) {
      (test.fails ? it.fails : it)(`valid: ${test.name}`, () => {
        expect(run(test).findings.filter((finding) => finding.code === code)).toEqual([]);
      });
    }
    for (const test of tables.invalid) {
      (test.fails ? it.fails : it)(`invalid: ${test.name}`, () => {
        const found = run(test).findings.filter((finding) => finding.code === code);
        expect(found.map((finding, i) => project(finding, test.findings[i]))).toStrictEqual(
          test.findings.map((finding) => ({ code, schema: 'public', ...finding })),
        );
      });
    }
  });
}
