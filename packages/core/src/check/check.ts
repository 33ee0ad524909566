import { settleOperatorClasses } from '../opclass/settle-operator-classes.ts';
import { settlePredicates } from '../predicate/settle-predicates.ts';
import { settleLiteralDefaults } from '../literal/settle-literal-defaults.ts';
import { mergeRegistries } from '../merge/merge-registries.ts';
import type { Introspector } from '../model/introspector.ts';
import type { LoadedSource, SchemaSource } from '../model/schema-source.ts';
import type { SchemaModel } from '../model/schema-model.ts';
import { resolveScope } from '../scope/scope.ts';
import type { TableGlobs } from '../scope/table-glob.ts';
import { evaluate, type RuleSettings } from './evaluate.ts';
import type { CheckResult } from './finding.ts';
import type { MigrationLedgerState } from '../migrations/migration-ledger.ts';

export interface CheckOptions {
  /** Every registry of every ORM; they are merged into one expected schema. */
  readonly sources: readonly SchemaSource[];
  readonly introspector: Introspector;
  readonly rules?: RuleSettings;
  /** Check only these schemas; by default every schema the models use. */
  readonly schemas?: readonly string[];
  /** Table globs never reported (see `Scope`). */
  readonly ignore?: TableGlobs;
  /** Table globs owned without a model: never orphans (see `Scope`). */
  readonly owns?: TableGlobs;
  /** When not empty, the only tables checked, as drizzle-kit's `tablesFilter` (see `Scope`). */
  readonly tables?: TableGlobs;
  readonly signal?: AbortSignal;
  /**
   * The database's migration ledger against the migrations on disk, or a reader of it (called once the catalog
   * is read, so that a broken model or an unreachable database is reported first): its differences become
   * `unapplied-migration` and `unknown-migration` findings.
   */
  readonly migrations?: MigrationLedgerState | (() => Promise<MigrationLedgerState>);
}

/**
 * Loads every source, reads the database, and reports each difference as a finding. When every source knows its
 * schemas before loading, the database is read while the models are; a load error is still the one reported.
 */
export async function check(options: CheckOptions): Promise<CheckResult> {
  const early = earlyIntrospection(options);
  let loaded: (LoadedSource & { source: SchemaSource })[];
  try {
    loaded = await Promise.all(options.sources.map(async (source) => ({ source, ...(await source.load()) })));
  } catch (error) {
    // a broken model is reported first, and no catalog read outlives the check
    if (early) {
      early.stop.abort(error);
      await early.read.catch(() => {});
    }
    throw error;
  }
  const expected = mergeRegistries(loaded.map((entry) => entry.schema));

  // Foreign keys may point into schemas outside the scope: read those too, for the referenced columns' types only.
  const schemas = new Set(resolveScope(expected.schema, options).schemas);
  for (const table of expected.schema.tables) for (const fk of table.foreignKeys) schemas.add(fk.references.schema);

  const signal = options.signal ? { signal: options.signal } : {};
  let introspected: SchemaModel;
  if (early && sameSet(early.schemas, schemas)) introspected = await early.read;
  else {
    // a wrong guess: the early read stops before its next statement rather than reading on for nothing
    if (early) {
      early.abandon.abort(new Error('the early catalog read read other schemas than the check needs'));
      await early.read.catch(() => {});
    }
    introspected = await options.introspector.introspect({ schemas: [...schemas], ...signal });
  }
  // constant defaults whose spelling differs are compared by the server itself, when it can
  const compare = options.introspector.compareLiterals?.bind(options.introspector);
  const literals = compare ? await settleLiteralDefaults(expected.schema, introspected, compare, signal) : introspected;
  // partial-index predicates spelled otherwise are compared as the server itself deparses them
  const predicates = options.introspector.comparePredicates?.bind(options.introspector);
  const respelled = predicates ? await settlePredicates(expected.schema, literals, predicates, signal) : literals;
  // a declared operator class that the database reports as a key's default one is named by the server
  const classes = options.introspector.indexKeyClasses?.bind(options.introspector);
  const actual = classes ? await settleOperatorClasses(expected.schema, respelled, classes, signal) : respelled;
  const migrations = typeof options.migrations === 'function' ? await options.migrations() : options.migrations;
  const problems = loaded.flatMap((entry) => entry.problems.map((problem) => ({ ...problem, source: entry.source.name })));
  const existing = introspected.schemas;
  const missingSchemas = existing ? [...schemas].filter((schema) => !existing.includes(schema)).sort() : [];
  const result = evaluate({
    expected,
    actual,
    problems,
    ...(options.rules ? { rules: options.rules } : {}),
    ...(options.schemas ? { schemas: options.schemas } : {}),
    ...(options.ignore ? { ignore: options.ignore } : {}),
    ...(options.owns ? { owns: options.owns } : {}),
    ...(options.tables ? { tables: options.tables } : {}),
    ...(migrations ? { migrations } : {}),
  });
  return missingSchemas.length > 0 ? { ...result, missingSchemas } : result;
}

/**
 * The catalog read started before the models are loaded, over the schemas the sources name (see
 * `SchemaSource.schemas`) and the scope's: undefined when a source does not know its schemas.
 */
function earlyIntrospection(
  options: CheckOptions,
): { schemas: Set<string>; read: Promise<SchemaModel>; stop: AbortController; abandon: AbortController } | undefined {
  const named = new Set<string>();
  for (const source of options.sources) {
    const schemas = source.schemas?.();
    if (schemas === undefined || schemas.length === 0) return undefined;
    for (const schema of schemas) named.add(schema);
  }
  if (named.size === 0) return undefined;
  // as the scope resolves it: the schemas given, else the ones the models use; plus those foreign keys point into
  const schemas = new Set([...(options.schemas ?? []), ...named]);
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  const abandon = new AbortController();
  const read = options.introspector.introspect({ schemas: [...schemas], signal, abandon: abandon.signal });
  // awaited later, or dropped when the guess proves wrong: never an unhandled rejection meanwhile
  read.catch(() => {});
  return { schemas, read, stop, abandon };
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((value) => b.has(value));
}
