import { checkMismatch } from './check-mismatch.ts';
import { collationMismatch } from './collation-mismatch.ts';
import { columnTypeMismatch } from './column-type-mismatch.ts';
import { defaultMismatch } from './default-mismatch.ts';
import { enumValuesMismatch } from './enum-values-mismatch.ts';
import { extraColumn } from './extra-column.ts';
import { exclusionMismatch } from './exclusion-mismatch.ts';
import { extraConstraint } from './extra-constraint.ts';
import { generatedMismatch } from './generated-mismatch.ts';
import { fkTypeMismatch } from './fk-type-mismatch.ts';
import { foreignKeyMismatch } from './foreign-key-mismatch.ts';
import { indexMismatch } from './index-mismatch.ts';
import { missingCheck } from './missing-check.ts';
import { missingColumn } from './missing-column.ts';
import { missingEnum } from './missing-enum.ts';
import { missingExclusion } from './missing-exclusion.ts';
import { missingForeignKey } from './missing-foreign-key.ts';
import { missingIndex } from './missing-index.ts';
import { missingTable } from './missing-table.ts';
import { missingUnique } from './missing-unique.ts';
import { nullabilityMismatch } from './nullability-mismatch.ts';
import { orphanTable } from './orphan-table.ts';
import { registryConflict } from './registry-conflict.ts';
import type { Rule, RuleMeta } from './rule.ts';
import { uniqueMismatch } from './unique-mismatch.ts';
import { unappliedMigration } from './unapplied-migration.ts';
import { unknownMigration } from './unknown-migration.ts';

/** Every rule by its stable finding code; the order is the order findings are reported in. */
export const rules = {
  'registry-conflict': registryConflict,
  'missing-table': missingTable,
  'missing-column': missingColumn,
  'column-type-mismatch': columnTypeMismatch,
  'fk-type-mismatch': fkTypeMismatch,
  'nullability-mismatch': nullabilityMismatch,
  'default-mismatch': defaultMismatch,
  'generated-mismatch': generatedMismatch,
  'collation-mismatch': collationMismatch,
  'missing-enum': missingEnum,
  'enum-values-mismatch': enumValuesMismatch,
  'missing-unique': missingUnique,
  'unique-mismatch': uniqueMismatch,
  'missing-foreign-key': missingForeignKey,
  'foreign-key-mismatch': foreignKeyMismatch,
  'missing-index': missingIndex,
  'index-mismatch': indexMismatch,
  'missing-check': missingCheck,
  'check-mismatch': checkMismatch,
  'missing-exclusion': missingExclusion,
  'exclusion-mismatch': exclusionMismatch,
  'extra-column': extraColumn,
  'extra-constraint': extraConstraint,
  'orphan-table': orphanTable,
  // findings about the migration ledger, not a table: reported only when the migrations are known
  'unapplied-migration': unappliedMigration,
  'unknown-migration': unknownMigration,
  // biome-ignore lint/suspicious/noExplicitAny: each rule has its own message ids and options; the registry only needs a Rule
} as const satisfies Record<string, Rule<any, string, any>>;

export type RuleCode = keyof typeof rules;

export function isRuleCode(code: string): code is RuleCode {
  return Object.hasOwn(rules, code);
}

/** Every rule's metadata by code, in report order: what reporters receive as context. */
export const rulesMeta: Readonly<Record<RuleCode, RuleMeta>> = Object.fromEntries(Object.entries(rules).map(([code, rule]) => [code, rule.meta])) as Record<
  RuleCode,
  RuleMeta
>;
