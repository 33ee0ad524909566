import { columnListAsPrinted, identifierAsPrinted, qualifiedAsPrinted } from '../sql/quote.ts';
import type { SchemaChange } from '../diff/schema-change.ts';
import { qualifiedKey } from '../model/qualified-name.ts';
import type { ColumnModel, Deferrable, ForeignKeyModel, IndexModel, QualifiedName, SequenceModel, TableModel, UniqueModel } from '../model/schema-model.ts';
import { resolveSequenceOptions } from '../normalize/sequence-options.ts';
import { formatColumnType } from '../normalize/column-type.ts';
import type { EnumValuePlacement, FixOperation, NamedForeignKey, NamedIndex, NamedUnique } from './fix-operation.ts';
import type { FixNote, FixNoteTopic, FixPlan, FixStep } from './fix-plan.ts';
import { largerIndex, parametersOnly } from '../diff/index-change-kind.ts';
import { extensionsCalledBy } from './default-extensions.ts';
import { ObjectNames } from './object-names.ts';
import { orderTables } from './table-order.ts';

export interface PlanFixOptions {
  /**
   * Create the indexes of existing tables with `CREATE INDEX CONCURRENTLY`, which cannot run in a
   * transaction: those steps are marked `concurrently` and rendered into a file of their own.
   */
  readonly concurrently?: boolean;
}

/** The part of a check result a fix is planned from. */
export interface FixInput {
  readonly changes: readonly SchemaChange[];
  /**
   * When given, only the changes some finding came from are planned, so the fix follows the report:
   * a code turned off, or a table no finding names (a migration ledger), is left alone.
   */
  readonly findings?: readonly { readonly change?: SchemaChange }[];
  /** Schemas the models use that the database lacks (`CheckResult.missingSchemas`): created before what goes in them. */
  readonly missingSchemas?: readonly string[];
}

/**
 * Plans an additive fix from the changes of a check: every missing enum, enum value, table,
 * column, unique, primary key, index and foreign key is added, and a differing default is set to
 * the model's; an extension a default calls a function of (`uuid_generate_v4()`) is created first; each step carries its reverse and the change it came from. Every other change
 * (types, nullability, extra columns and tables, foreign keys with other actions) becomes a note
 * saying why no automatic fix is safe. Pure: no SQL text and no I/O; `renderFix` writes the SQL.
 */
export function planFix(result: FixInput, options: PlanFixOptions = {}): FixPlan {
  const reported = result.findings && new Set(result.findings.flatMap((finding) => (finding.change ? [finding.change] : [])));
  const planned = reported ? result.changes.filter((change) => reported.has(change)) : result.changes;
  return new Planner(planned, result.changes, options.concurrently === true, result.missingSchemas ?? []).plan();
}

/** Phases of `up`, in the order they run: each may rely on everything before it. */
const phases = [
  'schemas',
  'extensions',
  'enums',
  'sequences',
  'tables',
  'table-indexes',
  'columns',
  'defaults',
  'keys',
  'table-foreign-keys',
  'indexes',
  'foreign-keys',
] as const;
type Phase = (typeof phases)[number];

class Planner {
  /** The changes to plan. */
  readonly #changes: readonly SchemaChange[];
  /** Every change of the check, planned or not: what the database was like before the fix. */
  readonly #all: readonly SchemaChange[];
  readonly #concurrently: boolean;
  readonly #missingSchemas: readonly string[];
  readonly #names = new ObjectNames();
  readonly #steps = new Map<Phase, FixStep[]>(phases.map((phase) => [phase, []]));
  readonly #notes: FixNote[] = [];

  constructor(changes: readonly SchemaChange[], all: readonly SchemaChange[], concurrently: boolean, missingSchemas: readonly string[]) {
    this.#changes = changes;
    this.#missingSchemas = missingSchemas;
    this.#all = all;
    this.#concurrently = concurrently;
    // names the models give are taken before any name is made up
    for (const change of changes) for (const name of declaredNames(change)) this.#names.keep(name.schema, name.name);
  }

  plan(): FixPlan {
    const newTables: Extract<SchemaChange, { kind: 'missing-table' }>[] = [];
    // The one place that maps a change kind to its steps (or its note).
    for (const change of this.#changes) {
      switch (change.kind) {
        case 'missing-enum':
          this.#add('enums', change, { op: 'create-enum', enum: nameOf(change.expected), values: change.expected.values }, [
            { op: 'drop-enum', enum: nameOf(change.expected) },
          ]);
          break;
        case 'modify-enum':
          this.#addEnumValues(change);
          break;
        case 'missing-table':
          newTables.push(change);
          break;
        case 'missing-column':
          this.#add('columns', change, { op: 'add-column', table: nameOf(change.table), column: change.expected }, [
            { op: 'drop-column', table: nameOf(change.table), column: change.expected.name },
          ]);
          break;
        case 'modify-column':
          this.#modifyColumn(change);
          break;
        case 'missing-unique':
          this.#addUnique(change);
          break;
        case 'missing-index':
          this.#addIndex(change);
          break;
        case 'missing-foreign-key':
          this.#addForeignKey(change);
          break;
        case 'modify-foreign-key':
          this.#modifyForeignKey(change);
          break;
        case 'extra-column':
          this.#note(
            change,
            'extra-column',
            `${qualifiedAsPrinted(change.table)}.${identifierAsPrinted(change.actual.name)}`,
            'no model declares this column: dropping it loses its data, so it is left to a person (if inserts fail on it, give it a default or make it nullable)',
          );
          break;
        case 'extra-table':
          this.#note(
            change,
            'extra-table',
            qualifiedAsPrinted(change.table),
            'no model declares this table: dropping it loses its data, so it is left to a person',
          );
          break;
        case 'foreign-key-type':
          this.#note(
            change,
            'type',
            `${qualifiedAsPrinted(change.table)}.${identifierAsPrinted(change.column)}`,
            `the column is ${formatColumnType(change.actual)} and the column it references, ${qualifiedAsPrinted(change.references)}.${identifierAsPrinted(change.references.column)}, is ${formatColumnType(change.expected)}: decide which type is right, then change the other by hand (a type change rewrites the table)`,
          );
          break;
        case 'modify-unique':
          this.#note(
            change,
            change.changed.includes('where') ? 'unique-partial' : change.changed.includes('deferrable') ? 'unique-deferral' : 'unique-nulls',
            `${qualifiedAsPrinted(change.table)} ${columnListAsPrinted(change.expected.columns)}`,
            change.changed.includes('where')
              ? 'a unique on these columns exists but covers other rows than the partial one the models declare: replacing it means dropping it, which ormdrift never does'
              : change.changed.includes('deferrable')
                ? `a ${change.primaryKey ? 'primary key' : 'unique'} on these columns exists but is deferred otherwise (DEFERRABLE): PostgreSQL cannot alter that of a ${change.primaryKey ? 'primary key' : 'unique'}, replacing it means dropping it, which ormdrift never does`
                : 'a unique on these columns exists but treats NULLs otherwise (NULLS NOT DISTINCT): replacing it means dropping it, which ormdrift never does',
          );
          break;
        case 'modify-index': {
          const { topic, reason } = indexNote(change);
          this.#note(
            change,
            topic,
            change.expected.columns.length > 0
              ? `${qualifiedAsPrinted(change.table)} ${columnListAsPrinted(change.expected.columns)}`
              : `${qualifiedAsPrinted(change.table)} index ${change.expected.name ?? ''}`,
            reason,
          );
          break;
        }
        case 'modify-generated':
          this.#note(
            change,
            'identity',
            `${qualifiedAsPrinted(change.table)}.${identifierAsPrinted(change.expected.name)}`,
            'a generated column differs from the models: turning a column into a generated one or back, or changing its expression, rewrites it; write that migration by hand',
          );
          break;
        case 'missing-sequence':
          this.#add('sequences', change, { op: 'create-sequence', sequence: nameOf(change.expected), options: resolveSequenceOptions(change.expected) }, [
            { op: 'drop-sequence', sequence: nameOf(change.expected) },
          ]);
          break;
        case 'modify-sequence': {
          const pick = (sequence: SequenceModel) => Object.fromEntries(change.changed.map((aspect) => [aspect, resolveSequenceOptions(sequence)[aspect]]));
          // the database's sequence: an identity's is named by the database, not the model
          const sequence = nameOf(change.actual);
          const phase = change.identityOf ? 'defaults' : 'sequences';
          if (change.changed.length > 0) {
            this.#add(phase, change, { op: 'alter-sequence', sequence, options: pick(change.expected) }, [
              { op: 'alter-sequence', sequence, options: pick(change.actual) },
            ]);
          }
          // the options first, under the name the database knows; then the name the model gives
          if (change.renamed) {
            this.#add(phase, change, { op: 'rename-sequence', sequence, to: change.expected.name }, [
              { op: 'rename-sequence', sequence: { schema: sequence.schema, name: change.expected.name }, to: sequence.name },
            ]);
          }
          break;
        }
        case 'modify-identity': {
          const table = nameOf(change.table);
          const column = change.expected.name;
          if (change.expected.identity !== null && change.actual.identity !== null) {
            this.#add('defaults', change, { op: 'set-identity', table, column, identity: change.expected.identity }, [
              { op: 'set-identity', table, column, identity: change.actual.identity },
            ]);
          } else {
            this.#note(
              change,
              'identity',
              `${qualifiedAsPrinted(change.table)}.${identifierAsPrinted(column)}`,
              'a serial column and an identity column number rows from different sequences: switching one for the other means carrying the current value over to a new sequence; write that migration by hand',
            );
          }
          break;
        }
        case 'missing-check':
          this.#addCheck(change);
          break;
        case 'modify-check':
          // the declared check, NOT VALID: validating it checks the old rows without blocking writes
          if (!change.changed.includes('expression') && change.actual.name !== undefined) {
            this.#add('keys', change, { op: 'validate-check', table: nameOf(change.table), name: change.actual.name }, []);
            break;
          }
          this.#note(
            change,
            'check',
            `${qualifiedAsPrinted(change.table)} check ${change.expected.name ?? change.expected.expression}`,
            'a check of this name exists with another expression: replacing it means dropping it, which ormdrift never does; write that migration by hand (ADD CONSTRAINT ... NOT VALID, then VALIDATE)',
          );
          break;
        case 'missing-exclusion': {
          const table = nameOf(change.table);
          const name = change.expected.name ?? this.#names.choose(table, [], 'excl');
          this.#add('keys', change, { op: 'add-exclusion', table, name, expression: change.expected.expression, ...deferralOf(change.expected) }, [
            { op: 'drop-constraint', table, name },
          ]);
          break;
        }
        case 'modify-exclusion':
          this.#note(
            change,
            'exclusion',
            `${qualifiedAsPrinted(change.table)} exclusion ${change.expected.name ?? change.expected.expression}`,
            'an exclusion of this name exists with another definition: replacing it means dropping it, which ormdrift never does; write that migration by hand',
          );
          break;
        case 'extra-constraint':
          this.#note(
            change,
            'extra-constraint',
            qualifiedAsPrinted(change.table),
            'no model declares this constraint: dropping it removes a guarantee the database gives, so it is left to a person (declare it in the models if it is meant)',
          );
          break;
        case 'registry-conflict':
          this.#note(
            change,
            'registry-conflict',
            qualifiedAsPrinted(change.conflict),
            `two registries declare this ${change.conflict.object} differently: decide which declaration is right before changing the database`,
          );
          break;
        case 'unapplied-migration':
        case 'unknown-migration':
          // the fix is running (or restoring) the migration with the tool that owns it: no SQL of ormdrift's
          break;
        default:
          return assertNever(change);
      }
    }
    this.#createTables(newTables);
    for (const step of this.#steps.get('enums')!) this.#markEnumValuesUsed(step);
    this.#createExtensions();
    this.#createSchemas();

    const up = phases.flatMap((phase) => this.#steps.get(phase)!);
    return { up, down: reverseOf(up), notes: this.#notes };
  }

  /** A missing schema the plan creates something in is created first (and dropped last by `down`, once empty). */
  #createSchemas(): void {
    for (const schema of this.#missingSchemas) {
      const first = phases.flatMap((phase) => this.#steps.get(phase)!).find(({ operation }) => createdIn(operation) === schema);
      if (first) this.#add('schemas', first.source, { op: 'create-schema', schema }, [{ op: 'drop-schema', schema }]);
    }
  }

  #add(phase: Phase, source: SchemaChange, operation: FixOperation, reverse: readonly FixOperation[]): void {
    this.#steps.get(phase)!.push({ operation, reverse, source });
  }

  /**
   * An extension a default of this fix calls a function of is created before anything: a table whose default is
   * `uuid_generate_v4()` cannot be created without `uuid-ossp`. Its source is the first change that needs it.
   */
  #createExtensions(): void {
    const needed = new Map<string, SchemaChange>();
    for (const phase of phases) {
      for (const step of this.#steps.get(phase)!) {
        for (const expression of defaultsOf(step.operation)) {
          for (const extension of extensionsCalledBy(expression)) if (!needed.has(extension)) needed.set(extension, step.source);
        }
      }
    }
    // no reverse: other objects may use the extension, and down.sql removes only what nothing else can rely on
    for (const [extension, source] of needed) this.#add('extensions', source, { op: 'create-extension', extension }, []);
  }

  #note(change: SchemaChange, topic: FixNoteTopic, subject: string, reason: string): void {
    this.#notes.push({ change, topic, subject, reason });
  }

  #addEnumValues(change: Extract<SchemaChange, { kind: 'modify-enum' }>): void {
    const present = new Set(change.actual.values);
    const placements: EnumValuePlacement[] = [];
    change.expected.values.forEach((value, index) => {
      if (present.has(value)) return;
      const previous = change.expected.values[index - 1];
      const next = change.expected.values.slice(index + 1).find((candidate) => present.has(candidate));
      placements.push(previous !== undefined ? { value, after: previous } : next !== undefined ? { value, before: next } : { value });
      present.add(value);
    });
    this.#add('enums', change, { op: 'add-enum-values', enum: nameOf(change.expected), values: placements, commitFirst: false }, [
      { op: 'remove-enum-values', enum: nameOf(change.expected), values: placements.map((placement) => placement.value), keep: change.actual.values },
    ]);
  }

  /**
   * PostgreSQL refuses to use an enum value added in the same transaction ("unsafe use of new
   * value"): when a default of a column this fix adds or sets may use one, the values are
   * committed first, in a transaction of their own.
   */
  #markEnumValuesUsed(step: FixStep): void {
    if (step.operation.op !== 'add-enum-values') return;
    const target = qualifiedKey(step.operation.enum);
    const usesEnum = (column: ColumnModel) => column.type.enum !== undefined && qualifiedKey(column.type.enum) === target && column.default !== null;
    const used = phases.some((phase) =>
      this.#steps.get(phase)!.some(({ operation }) => {
        if (operation.op === 'create-table') return operation.table.columns.some(usesEnum);
        if (operation.op === 'add-column') return usesEnum(operation.column);
        if (operation.op === 'set-default' && operation.enum) return qualifiedKey(operation.enum) === target;
        return false;
      }),
    );
    if (used) (step as { operation: FixOperation }).operation = { ...step.operation, commitFirst: true };
  }

  #modifyColumn(change: Extract<SchemaChange, { kind: 'modify-column' }>): void {
    const where = `${qualifiedAsPrinted(change.table)}.${identifierAsPrinted(change.expected.name)}`;
    const table = nameOf(change.table);
    const column = change.expected.name;
    if (change.changed.includes('type')) {
      this.#note(
        change,
        'type',
        where,
        `the column is ${formatColumnType(change.actual.type)} and the models expect ${formatColumnType(change.expected.type)}: changing a type rewrites the table under an exclusive lock and can fail on, or silently change, existing values; write that migration by hand`,
      );
    }
    if (change.changed.includes('nullable')) {
      this.#note(
        change,
        'nullability',
        where,
        change.expected.nullable
          ? 'the column is NOT NULL and the models allow NULL: inserts without it fail; if the models are right, drop the NOT NULL by hand'
          : 'the models expect NOT NULL: SET NOT NULL fails while any row holds NULL and scans the table under an exclusive lock; backfill the NULLs, then set it by hand',
      );
    }
    if (change.changed.includes('collation') && !change.changed.includes('type')) {
      // same type, other collation: no table rewrite, but the column's indexes are rebuilt
      const type = formatColumnType(change.expected.type);
      const schemaOf = (side: ColumnModel) =>
        side.collation !== undefined && side.collationSchema !== undefined ? { collationSchema: side.collationSchema } : {};
      this.#add('columns', change, { op: 'set-collation', table, column, type, collation: change.expected.collation ?? null, ...schemaOf(change.expected) }, [
        { op: 'set-collation', table, column, type, collation: change.actual.collation ?? null, ...schemaOf(change.actual) },
      ]);
    }
    if (!change.changed.includes('default')) return;
    const { expected, actual } = change;
    if (change.changed.includes('type')) {
      this.#note(change, 'default', where, "the default differs too, but the model's default is of another type than the column: fix the type first");
    } else if (expected.identity !== null || actual.identity !== null || expected.generated !== null || actual.generated !== null) {
      this.#note(
        change,
        'identity',
        where,
        'an identity or generated column differs from the models: turning one into the other changes how every row is numbered or computed; write that migration by hand',
      );
    } else if (expected.default === null) {
      this.#note(
        change,
        'default',
        where,
        `the database has the default ${actual.default ?? ''} that the models do not declare: ormdrift never drops anything; drop it by hand if nothing relies on it`,
      );
    } else {
      const enumType = expected.type.enum ? { enum: expected.type.enum } : {};
      this.#add('defaults', change, { op: 'set-default', table, column, default: expected.default, ...enumType }, [
        actual.default === null ? { op: 'drop-default', table, column } : { op: 'set-default', table, column, default: actual.default },
      ]);
    }
  }

  #addUnique(change: Extract<SchemaChange, { kind: 'missing-unique' }>): void {
    const table = nameOf(change.table);
    const { expected: unique } = change;
    if (change.primaryKey) {
      const name = change.table.primaryKey?.name ?? this.#names.choose(table, [], 'pkey');
      // adding a primary key sets NOT NULL on its columns; undo that where the column allowed NULL
      const nullable = unique.columns.filter((column) => this.#wasNullable(change.table, column));
      this.#add('keys', change, { op: 'add-primary-key', table, name, columns: unique.columns }, [
        { op: 'drop-constraint', table, name },
        ...nullable.map((column): FixOperation => ({ op: 'drop-not-null', table, column })),
      ]);
      return;
    }
    // the declared unique index exists under its name without UNIQUE: PostgreSQL cannot make an index unique in place
    if (change.notUnique && unique.name !== undefined && change.notUnique.name === unique.name) {
      this.#note(
        change,
        'unique-index',
        `${qualifiedAsPrinted(change.table)} index ${identifierAsPrinted(unique.name)}`,
        'the index exists under the declared name without UNIQUE: PostgreSQL cannot make an index unique in place, and replacing it means dropping it, which ormdrift never does; find the duplicates it would reject, then replace it by hand',
      );
      return;
    }
    // the declared name holds a unique or an index on other keys: creating the declared one fails on the name
    const replaced = change.replacedBy;
    if (replaced?.name !== undefined && unique.name === replaced.name) {
      this.#note(
        change,
        'unique-name-taken',
        `${qualifiedAsPrinted(change.table)} ${replaced.constraint ? 'constraint' : 'index'} ${identifierAsPrinted(unique.name)}`,
        `the declared name is held by ${replaced.unique ? `a unique ${replaced.constraint ? 'constraint' : 'index'}` : 'an index'} on other keys: creating the declared unique fails on the name, and replacing it means dropping it, which ormdrift never does; find the duplicates of ${columnListAsPrinted(unique.columns)}, then replace it by hand`,
      );
      return;
    }
    // the declared unique index exists INVALID under its name: creating it again fails on the name
    if (change.invalid?.name !== undefined && change.invalid.name === unique.name) {
      this.#invalidIndexNote(change, change.invalid.name);
      return;
    }
    const name = unique.name ?? this.#names.choose(table, unique.columns, 'key');
    if (unique.where !== undefined) {
      const index: NamedIndex = { name, columns: unique.columns, where: unique.where, unique: true, nullsNotDistinct: unique.nullsNotDistinct };
      this.#add('indexes', change, { op: 'create-index', table, index, concurrently: this.#concurrently }, [
        { op: 'drop-index', index: { schema: table.schema, name } },
      ]);
      return;
    }
    const deferrable = unique.deferrable ? { deferrable: unique.deferrable } : {};
    this.#add(
      'keys',
      change,
      { op: 'add-unique', table, unique: { name, columns: unique.columns, nullsNotDistinct: unique.nullsNotDistinct, ...deferrable } },
      [{ op: 'drop-constraint', table, name }],
    );
  }

  /** Whether the database column allowed NULL before the fix (a nullability change says so). */
  #wasNullable(table: TableModel, column: string): boolean {
    return this.#all.some(
      (change) =>
        change.kind === 'modify-column' &&
        change.table === table &&
        change.expected.name === column &&
        change.changed.includes('nullable') &&
        change.actual.nullable,
    );
  }

  #addCheck(change: Extract<SchemaChange, { kind: 'missing-check' }>): void {
    const table = nameOf(change.table);
    const name = change.expected.name ?? this.#names.choose(table, [], 'check');
    this.#add('keys', change, { op: 'add-check', table, name, expression: change.expected.expression, notValid: true }, [
      { op: 'drop-constraint', table, name },
    ]);
    this.#add('keys', change, { op: 'validate-check', table, name }, []);
  }

  #addIndex(change: Extract<SchemaChange, { kind: 'missing-index' }>): void {
    const table = nameOf(change.table);
    if (!renderable(change.expected)) {
      this.#note(
        change,
        'expression-index',
        `${qualifiedAsPrinted(change.table)} index ${change.expected.name ?? ''}`,
        'an expression index whose expressions the models do not give (only its name), so ormdrift cannot write it',
      );
      return;
    }
    if (change.invalid?.name !== undefined && change.invalid.name === change.expected.name) {
      this.#invalidIndexNote(change, change.invalid.name);
      return;
    }
    const index = this.#namedIndex(table, change.expected);
    this.#add('indexes', change, { op: 'create-index', table, index, concurrently: this.#concurrently }, [
      { op: 'drop-index', index: { schema: table.schema, name: index.name } },
    ]);
  }

  /**
   * The declared index exists INVALID under its name: it must be dropped before it can be built again, and
   * ormdrift never drops; the note gives both statements.
   */
  #invalidIndexNote(change: SchemaChange, name: string): void {
    if (change.kind !== 'missing-index' && change.kind !== 'missing-unique') return;
    this.#note(
      change,
      'invalid-index',
      `${qualifiedAsPrinted(change.table)} index ${identifierAsPrinted(name)}`,
      `the index exists INVALID under the declared name (a CREATE INDEX CONCURRENTLY that failed): no query uses it, and it must be dropped before it can be built again, which ormdrift never does; ${change.kind === 'missing-unique' ? 'remove the duplicate rows, then ' : ''}drop it and build it again by hand`,
    );
  }

  /** A declared index with its name; unique when the models declare it so (an index on an expression can be). */
  #namedIndex(table: QualifiedName, index: IndexModel): NamedIndex {
    return { ...index, name: index.name ?? this.#names.choose(table, index.columns, 'idx'), unique: index.unique === true, nullsNotDistinct: false };
  }

  #addForeignKey(change: Extract<SchemaChange, { kind: 'missing-foreign-key' }>): void {
    const table = nameOf(change.table);
    const foreignKey = this.#namedForeignKey(table, change.expected);
    this.#add('foreign-keys', change, { op: 'add-foreign-key', table, foreignKey, notValid: true }, [{ op: 'drop-constraint', table, name: foreignKey.name }]);
    this.#add('foreign-keys', change, { op: 'validate-foreign-key', table, name: foreignKey.name }, []);
  }

  /**
   * Deferral is the one property of a foreign key PostgreSQL alters in place (`ALTER CONSTRAINT ... DEFERRABLE`);
   * other actions mean dropping the constraint, which ormdrift never does.
   */
  #modifyForeignKey(change: Extract<SchemaChange, { kind: 'modify-foreign-key' }>): void {
    const subject = `${qualifiedAsPrinted(change.table)}.${change.expected.columns.join(', ')}`;
    const table = nameOf(change.table);
    if (change.changed.includes('deferrable') && change.actual.name !== undefined) {
      const name = change.actual.name;
      this.#add('keys', change, { op: 'set-deferrable', table, name, deferrable: change.expected.deferrable ?? null }, [
        { op: 'set-deferrable', table, name, deferrable: change.actual.deferrable ?? null },
      ]);
    }
    if (change.changed.includes('validated') && change.actual.name !== undefined)
      this.#add('foreign-keys', change, { op: 'validate-foreign-key', table, name: change.actual.name }, []);
    if (change.changed.some((aspect) => aspect !== 'deferrable' && aspect !== 'validated')) {
      this.#note(
        change,
        'foreign-key-actions',
        subject,
        'the foreign key exists with other ON DELETE / ON UPDATE actions: changing them means dropping the constraint and adding it again, which ormdrift never does; write that migration by hand',
      );
    }
  }

  #namedForeignKey(table: QualifiedName, foreignKey: ForeignKeyModel): NamedForeignKey {
    return { ...foreignKey, name: foreignKey.name ?? this.#names.choose(table, foreignKey.columns, 'fkey') };
  }

  /**
   * New tables, referenced ones first; their keys inline, their indexes right after. Foreign keys
   * that close a cycle, and those to existing tables (whose referenced key or column this fix may
   * add), are added once the existing tables have their columns and keys.
   */
  #createTables(changes: readonly Extract<SchemaChange, { kind: 'missing-table' }>[]): void {
    const sourceOf = new Map(changes.map((change) => [change.table, change]));
    const { tables, deferred } = orderTables(changes.map((change) => change.table));
    const created = new Set(tables.map((table) => qualifiedKey(table)));
    for (const table of tables) {
      const source = sourceOf.get(table)!;
      const name = nameOf(table);
      const later = new Set([...(deferred.get(table) ?? []), ...table.foreignKeys.filter((fk) => !created.has(qualifiedKey(fk.references)))]);
      const primaryKeyName = table.primaryKey ? (table.primaryKey.name ?? this.#names.choose(name, [], 'pkey')) : null;
      const uniques: NamedUnique[] = table.uniques
        .filter((unique) => unique.where === undefined)
        .map((unique) => ({
          name: unique.name ?? this.#names.choose(name, unique.columns, 'key'),
          columns: unique.columns,
          nullsNotDistinct: unique.nullsNotDistinct,
          ...(unique.deferrable ? { deferrable: unique.deferrable } : {}),
        }));
      const foreignKeys = table.foreignKeys.filter((fk) => !later.has(fk)).map((fk) => this.#namedForeignKey(name, fk));
      this.#add('tables', source, { op: 'create-table', table, primaryKeyName, uniques, foreignKeys }, [{ op: 'drop-table', table: name }]);

      // a new table is empty: its indexes never need CONCURRENTLY
      for (const unique of table.uniques.filter((candidate) => candidate.where !== undefined)) {
        const index = this.#partialUnique(name, unique);
        this.#add('table-indexes', source, { op: 'create-index', table: name, index, concurrently: false }, []);
      }
      for (const declared of table.indexes) {
        if (!renderable(declared)) {
          this.#note(
            source,
            'expression-index',
            `${qualifiedAsPrinted(table)} index ${declared.name ?? ''}`,
            'an expression index whose expressions the models do not give (only its name), so ormdrift cannot write it',
          );
          continue;
        }
        this.#add('table-indexes', source, { op: 'create-index', table: name, index: this.#namedIndex(name, declared), concurrently: false }, []);
      }
      // a new table is empty: its checks need no validation
      for (const check of table.checks ?? []) {
        const checkName = check.name ?? this.#names.choose(name, [], 'check');
        this.#add('table-indexes', source, { op: 'add-check', table: name, name: checkName, expression: check.expression, notValid: false }, []);
      }
      for (const exclusion of table.exclusions ?? []) {
        const exclusionName = exclusion.name ?? this.#names.choose(name, [], 'excl');
        this.#add(
          'table-indexes',
          source,
          { op: 'add-exclusion', table: name, name: exclusionName, expression: exclusion.expression, ...deferralOf(exclusion) },
          [],
        );
      }
      for (const fk of later) {
        const foreignKey = this.#namedForeignKey(name, fk);
        // the table is new and empty: nothing to validate
        this.#add('table-foreign-keys', source, { op: 'add-foreign-key', table: name, foreignKey, notValid: false }, [
          { op: 'drop-constraint', table: name, name: foreignKey.name },
        ]);
      }
    }
  }

  #partialUnique(table: QualifiedName, unique: UniqueModel): NamedIndex {
    const name = unique.name ?? this.#names.choose(table, unique.columns, 'key');
    return {
      name,
      columns: unique.columns,
      ...(unique.where === undefined ? {} : { where: unique.where }),
      unique: true,
      nullsNotDistinct: unique.nullsNotDistinct,
    };
  }
}

/**
 * Whether `CREATE INDEX` can be written for a declared index: on columns, or on expressions whose SQL text the
 * model gives (an expression index the model names only cannot be).
 */
function renderable(index: IndexModel): boolean {
  return index.columns.length > 0 || (index.expressions !== undefined && index.expressions.length > 0);
}

/** The schema an operation creates an object in (a table, enum type or sequence), if any. */
function createdIn(operation: FixOperation): string | undefined {
  switch (operation.op) {
    case 'create-table':
      return operation.table.schema;
    case 'create-enum':
      return operation.enum.schema;
    case 'create-sequence':
      return operation.sequence.schema;
    default:
      return undefined;
  }
}

/** `down`: steps from last to first, each step's reverse operations in the order it gives them. */
function reverseOf(up: readonly FixStep[]): FixPlan['down'] {
  return [...up].reverse().flatMap((step) => step.reverse.map((operation) => ({ operation, source: step.source })));
}

/** An object's deferral, absent for NOT DEFERRABLE. */
function deferralOf(object: { readonly deferrable?: Deferrable }): { deferrable?: Deferrable } {
  return object.deferrable ? { deferrable: object.deferrable } : {};
}

function nameOf(name: QualifiedName): QualifiedName {
  return { schema: name.schema, name: name.name };
}

/** The default expressions an operation writes. */
function defaultsOf(operation: FixOperation): string[] {
  switch (operation.op) {
    case 'create-table':
      return operation.table.columns.flatMap((column) => (column.default === null ? [] : [column.default]));
    case 'add-column':
      return operation.column.default === null ? [] : [operation.column.default];
    case 'set-default':
      return [operation.default];
    default:
      return [];
  }
}

/** Constraint and index names the models give, which generated names must not take. */
function declaredNames(change: SchemaChange): QualifiedName[] {
  const names: QualifiedName[] = [];
  const add = (schema: string, name: string | undefined) => name !== undefined && names.push({ schema, name });
  const table = 'table' in change ? change.table : undefined;
  if (!table) return names;
  add(table.schema, table.primaryKey?.name);
  for (const unique of table.uniques) add(table.schema, unique.name);
  for (const index of table.indexes) add(table.schema, index.name);
  for (const fk of table.foreignKeys) add(table.schema, fk.name);
  for (const check of table.checks ?? []) add(table.schema, check.name);
  for (const exclusion of table.exclusions ?? []) add(table.schema, exclusion.name);
  return names;
}

function assertNever(value: never): never {
  throw new TypeError(`a change of an unknown kind: ${JSON.stringify((value as { kind?: unknown }).kind)}`);
}

/**
 * What a person is told of an index the database builds otherwise, by kind: only a partial one where a full one is
 * declared; one that serves every query the declared one does but is larger (more keys, INCLUDE columns, every row);
 * the same operator classes with other parameters; unique on one side only; else built otherwise.
 */
function indexNote(change: Extract<SchemaChange, { kind: 'modify-index' }>): { topic: FixNoteTopic; reason: string } {
  const { expected, actual, changed } = change;
  const replace = 'create the declared one by hand, then drop the old one if nothing needs it';
  if (largerIndex(expected, actual, changed))
    return {
      topic: 'larger-index',
      reason: `an index on these columns (or of this name) serves every query the declared one does, but it is larger (more keys, INCLUDE columns or every row): if its size matters, ${replace}`,
    };
  if (changed.length === 1 && changed[0] === 'keys' && parametersOnly(expected, actual))
    return {
      topic: 'index-parameters',
      reason: `an index on these columns (or of this name) uses the declared operator classes with other parameters: ${replace}`,
    };
  if (changed.includes('unique') && !changed.includes('expressions'))
    return {
      topic: expected.unique === true ? 'unique-index' : 'unique-in-database',
      reason: `an index of this name exists ${expected.unique === true ? 'without UNIQUE' : 'UNIQUE where the models declare it plain'}: PostgreSQL cannot change that in place; ${replace}`,
    };
  if (changed.length === 1 && changed[0] === 'where' && expected.where === undefined)
    return {
      topic: 'partial-index',
      reason: 'only a partial index exists where the models declare a full one: create the full index by hand, then drop the partial one if nothing needs it',
    };
  return {
    topic: 'index-definition',
    reason: `an index on these columns (or of this name) exists but is built otherwise (columns, access method, operator class, order, collation, expressions, INCLUDE columns or predicate): ${replace}`,
  };
}
