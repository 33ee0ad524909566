export type {
  CheckModel,
  ColumnModel,
  ColumnType,
  Deferrable,
  EnumModel,
  ExclusionModel,
  ForeignKeyModel,
  IdentityKind,
  InheritableColumnProperty,
  InheritableForeignKeyProperty,
  IndexKeyOptions,
  IndexModel,
  PrimaryKeyModel,
  Provenance,
  QualifiedName,
  ReferentialAction,
  SchemaModel,
  IdentitySequence,
  SequenceDataType,
  SequenceModel,
  SequenceOptions,
  TableKind,
  TableModel,
  UniqueModel,
} from './model/schema-model.ts';
export { emptySchema } from './model/schema-model.ts';
export type { LoadedSource, SchemaSource, SourceProblem } from './model/schema-source.ts';
export { readingPause } from './model/reading-pause.ts';
export { moduleFormat } from './model/module-format.ts';
export type { DiscoveredSource, DiscoverSources, DiscoveryContext, ExportedValue } from './model/source-discovery.ts';
export type { IntrospectOptions, Introspector } from './model/introspector.ts';
export { displayName, qualifiedKey } from './model/qualified-name.ts';
export { postgresIdentifier, postgresObjectName } from './sql/postgres-identifier.ts';
export { serialDefault } from './sql/serial-default.ts';
export { indexKeyText, type IndexKeyText } from './sql/index-key-text.ts';
export { columnListAsPrinted, identifierAsPrinted, qualifiedAsPrinted, quoteIdentifier, quoteLiteral, quoteQualified } from './sql/quote.ts';
export { referentialAction } from './model/referential-action.ts';
export { assertSupportedOrmVersion, installedPackageVersion, UnsupportedOrmVersionError, type SupportedOrm } from './model/orm-version.ts';
export { packageLocation, resolvesPackage } from './model/package-location.ts';
export { SchemaIndex } from './model/schema-index.ts';

export { enumColumnType, formatColumnType, parseColumnType, sameColumnType } from './normalize/column-type.ts';
export { canonicalDefault } from './normalize/default-expression.ts';
export { readsClock } from './normalize/reads-clock.ts';
export {
  resolveSequenceOptions,
  sequenceAspects,
  sequenceDataType,
  type ResolvedSequenceOptions,
  type SequenceAspect,
} from './normalize/sequence-options.ts';
export { parseInterval, type IntervalValue } from './normalize/interval-literal.ts';

export type { CompareLiterals, LiteralPair } from './literal/literal-comparison.ts';
export { constantLiteral } from './literal/constant-literal.ts';
export { settleLiteralDefaults } from './literal/settle-literal-defaults.ts';
export type { ComparePredicates, PredicatePair } from './predicate/predicate-comparison.ts';
export { predicateText, samePredicate } from './predicate/predicate-text.ts';
export { constantLast } from './predicate/constant-last.ts';
export { orderedOperands } from './predicate/operand-order.ts';
export { type CheckRelation, checkRelation, wholeNumberType } from './predicate/check-bounds.ts';
export { settlePredicates } from './predicate/settle-predicates.ts';
export { operatorClassName, operatorClassParameters, type ReadIndexKeyClasses } from './opclass/operator-class.ts';
export { sameOperatorClass, settleOperatorClasses } from './opclass/settle-operator-classes.ts';

export { mergeRegistries, type MergedSchema, type RegistryConflict } from './merge/merge-registries.ts';
export { diffSchemas, type DiffOptions } from './diff/diff-schemas.ts';
export {
  schemaChangeKinds,
  type ColumnAspect,
  type EnumUser,
  type ExtraConstraint,
  type ForeignKeyReference,
  type IndexAspect,
  type MigrationEntry,
  type SchemaChange,
  type SchemaChangeKind,
  type SchemaChangeOf,
} from './diff/schema-change.ts';
export {
  inScope,
  resolveScope,
  scopeActual,
  scopeMerged,
  scopeSchema,
  tableGlobError,
  tableInScope,
  tableMatcher,
  type Scope,
  type ScopeOptions,
  type TableGlobs,
} from './scope/index.ts';

export { rules, rulesMeta, isRuleCode, type RuleCode } from './rules/index.ts';
export type { Report, Rule, RuleContext, RuleHandlers, RuleMeta, Severity, SeveritySetting } from './rules/rule.ts';
export { migrationLedgers } from './rules/orphan-table.ts';

export { check, type CheckOptions } from './check/check.ts';
export { evaluate, type EvaluateOptions } from './check/evaluate.ts';
export {
  resolveRuleSettings,
  RuleSettingsError,
  validateRuleSettings,
  type ResolvedRuleSetting,
  type RuleOptions,
  type RuleSetting,
  type RuleSettings,
} from './rules/rule-settings.ts';
export type { BaselineOutcome, CheckProblem, CheckResult, CheckSummary, Finding, FindingCause, FindingFields, FindingOf } from './check/finding.ts';
export type { ColumnShape, EnumShape, FindingSides, IndexShape, MigrationShape, SequenceShape, UniqueShape } from './check/finding-sides.ts';
export { findingKey, type FindingKeyParts } from './check/finding-key.ts';

export { planFix, type FixInput, type PlanFixOptions } from './plan/plan-fix.ts';
export type { EnumValuePlacement, FixOperation, FixOperationKind, NamedForeignKey, NamedIndex, NamedUnique } from './plan/fix-operation.ts';
export type { FixNote, FixNoteTopic, FixPlan, FixStep } from './plan/fix-plan.ts';
export { renderFix, type FixScripts } from './sql/render-fix.ts';

export {
  applyBaseline,
  baselineVersion,
  BaselineFormatError,
  createBaseline,
  parseBaseline,
  pruneBaseline,
  serializeBaseline,
  type Baseline,
  type BaselineEntry,
} from './baseline/index.ts';

export type { Reporter, ReporterContext } from './report/reporter.ts';
export { reporters, isReporterName, type ReporterName, type ReporterOptions } from './report/reporters.ts';
export type { TextReporterOptions } from './report/text-reporter.ts';
export { githubCommentLimit, type MarkdownReporterOptions } from './report/markdown-reporter.ts';
export { markdownText, mermaidString, mermaidWord, workflowCommandData, workflowCommandProperty, xmlAttribute, xmlText } from './report/escape.ts';
export { escapeText } from './report/escape-text.ts';
export { describeCause } from './report/describe-cause.ts';
export { plural, summaryLine } from './report/finding-groups.ts';

export { MigrationFailedError } from './migrations/migration-failed-error.ts';
export type { MigrationLedgerState } from './migrations/migration-ledger.ts';
