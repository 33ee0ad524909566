import { createHash } from 'node:crypto';
import type { SchemaChange } from '../diff/schema-change.ts';
import type { ColumnModel, Deferrable, QualifiedName, SequenceOptions } from '../model/schema-model.ts';
import type { FixOperation, NamedForeignKey, NamedIndex, NamedUnique } from '../plan/fix-operation.ts';
import type { FixNote, FixPlan } from '../plan/fix-plan.ts';
import {
  columnListAsPrinted,
  identifierAsPrinted,
  qualifiedAsPrinted,
  quoteIdentifier as id,
  quoteLiteral as literal,
  quoteQualified as qualified,
} from './quote.ts';
import { escapeText } from '../report/escape-text.ts';

/** The SQL of a fix, ready to write to files or to run. */
export interface FixScripts {
  /** `up.sql`: one transaction (two when new enum values must be committed before use), idempotent. */
  readonly up: string;
  /** `down.sql`: one transaction that removes what `up` adds, in reverse order. */
  readonly down: string;
  /**
   * With `concurrently`: the `CREATE INDEX CONCURRENTLY` statements, which must run one at a time
   * outside any transaction, after `up`; null when there are none.
   */
  readonly concurrent: { readonly text: string; readonly statements: readonly string[] } | null;
  /** What to run, in order, each as one simple query: the transactions of `up`, then each concurrent statement. */
  readonly batches: readonly string[];
}

/**
 * Spells a fix plan as PostgreSQL SQL: the only place where fix SQL is written. Every object is
 * schema-qualified and every name goes through `quoteIdentifier`; each adding statement reads the
 * catalog first and raises a NOTICE saying whether it added or skipped its object, so `up` can
 * run any number of times.
 */
export function renderFix(plan: FixPlan): FixScripts {
  const first = plan.up.filter((step) => step.operation.op === 'add-enum-values' && step.operation.commitFirst);
  const concurrent = plan.up.filter((step) => step.operation.op === 'create-index' && step.operation.concurrently);
  const main = plan.up.filter((step) => !first.includes(step) && !concurrent.includes(step));

  const up: string[] = [
    header(
      'up',
      'adds what the database lacks and changes in place the sequence options, identity kinds, collations and deferrals that differ; it never drops anything. Each statement is a DO block that raises a NOTICE saying what it did; one that can fail on what the database holds (duplicate rows, a sequence value out of range) raises a WARNING saying why instead, and the rest goes on',
    ),
  ];
  if (plan.notes.length > 0) {
    up.push(['-- Not fixed automatically: no automatic fix is safe for these, a person has to decide.', ...plan.notes.map(renderNote)].join('\n'));
  }
  if (plan.up.length === 0) up.push('-- Nothing to add.');
  const transactions: string[] = [];
  if (first.length > 0) {
    up.push(comment('New enum values first, in a transaction of their own: PostgreSQL lets a value be used only once it is committed.'));
    transactions.push(transaction(first.map(renderStep)));
    up.push(transactions[0]!);
  }
  if (main.length > 0) {
    transactions.push(transaction(main.map(renderStep)));
    up.push(transactions.at(-1)!);
  }
  if (concurrent.length > 0) up.push(comment(`${concurrent.length} index(es) are created CONCURRENTLY by the separate file, after this one.`));

  const down = [header('down', 'removes exactly what the matching up.sql adds, in reverse order, and nothing that existed before')];
  if (plan.down.length === 0) down.push('-- Nothing to remove.');
  else down.push(transaction(plan.down.map(renderStep)));

  const statements = concurrent.map((step) => `${renderOperation(step.operation)};`);
  return {
    up: `${up.join('\n\n')}\n`,
    down: `${down.join('\n\n')}\n`,
    concurrent:
      statements.length === 0
        ? null
        : {
            text: `${[header('concurrent', 'creates indexes with CREATE INDEX CONCURRENTLY: run it after up.sql, outside a transaction (psql runs each statement on its own); an index whose build failed is left INVALID: drop it and run this again'), ...concurrent.map((step, i) => `${comment(describeChange(step.source))}\n${statements[i]}`)].join('\n\n')}\n`,
            statements,
          },
    batches: [...transactions, ...statements],
  };
}

function header(file: string, what: string): string {
  return [`-- ormdrift fix: ${file} script. It ${what}.`, '-- Review it, run it on a copy first: psql -v ON_ERROR_STOP=1 -f <file>'].join('\n');
}

/**
 * The session settings of each transaction: names in defaults resolve as the check read them, and
 * a statement waits at most 5 s for a lock instead of queueing every other query behind it.
 */
function transaction(statements: readonly string[]): string {
  return ['BEGIN;', 'SET LOCAL search_path = pg_catalog, public;', "SET LOCAL lock_timeout = '5s';", '', statements.join('\n\n'), '', 'COMMIT;'].join('\n');
}

function renderStep(step: { readonly operation: FixOperation; readonly source: SchemaChange }): string {
  return `${comment(describeStep(step))}\n${renderOperation(step.operation)};`;
}

/**
 * What a statement's comment names: the finding it fixes, or for a schema the plan creates (or drops) so that
 * objects can go in it, the schema itself and the first finding that needs it.
 */
function describeStep(step: { readonly operation: FixOperation; readonly source: SchemaChange }): string {
  const { operation } = step;
  if (operation.op === 'create-schema' || operation.op === 'drop-schema')
    return `schema ${identifierAsPrinted(operation.schema)}, needed by ${describeChange(step.source)}`;
  return describeChange(step.source);
}

/** A note as comment lines, with the statement a person would run where one is known. */
function renderNote(note: FixNote): string {
  const lines = [comment(`  ${note.subject}: ${note.reason}`)];
  const { change } = note;
  if (note.topic === 'nullability' && change.kind === 'modify-column') {
    const action = change.expected.nullable ? 'DROP NOT NULL' : 'SET NOT NULL';
    lines.push(comment(`    ALTER TABLE ${qualified(change.table)} ALTER COLUMN ${id(change.expected.name)} ${action};`));
  }
  // an index to replace: drop the database's, create the declared one (in one transaction, so no reader sees neither)
  const replace = (table: QualifiedName, dropped: string, index: NamedIndex) => {
    lines.push(comment(`    DROP INDEX ${qualified({ schema: table.schema, name: dropped })};`));
    lines.push(comment(`    ${createIndex(table, index, { concurrently: false })};`));
  };
  if (note.topic === 'unique-index' && change.kind === 'missing-unique' && change.notUnique?.name !== undefined) {
    const { expected } = change;
    const where = expected.where !== undefined ? { where: expected.where } : {};
    const index = { name: change.notUnique.name, columns: expected.columns, ...where, unique: true, nullsNotDistinct: expected.nullsNotDistinct };
    replace(change.table, change.notUnique.name, index);
  }
  // the declared name held on other keys: the database's object dropped (a constraint's index goes with it), then
  // the declared unique built as the fix builds a missing one: a partial one as an index, else a constraint
  if (note.topic === 'unique-name-taken' && change.kind === 'missing-unique' && change.replacedBy?.name !== undefined) {
    const { expected, replacedBy } = change;
    const name = replacedBy.name!;
    lines.push(
      comment(
        replacedBy.constraint
          ? `    ALTER TABLE ${qualified(change.table)} DROP CONSTRAINT ${id(name)};`
          : `    DROP INDEX ${qualified({ schema: change.table.schema, name })};`,
      ),
    );
    lines.push(
      comment(
        expected.where !== undefined
          ? `    ${createIndex(change.table, { name, columns: expected.columns, where: expected.where, unique: true, nullsNotDistinct: expected.nullsNotDistinct }, { concurrently: false })};`
          : `    ALTER TABLE ${qualified(change.table)} ADD ${uniqueConstraint({ name, columns: expected.columns, nullsNotDistinct: expected.nullsNotDistinct, ...(expected.deferrable ? { deferrable: expected.deferrable } : {}) })};`,
      ),
    );
  }
  // an INVALID index under the declared name: dropped and built again, each CONCURRENTLY (no lock on writes)
  if (note.topic === 'invalid-index' && (change.kind === 'missing-index' || change.kind === 'missing-unique') && change.invalid?.name !== undefined) {
    const { name } = change.invalid;
    const index: NamedIndex =
      change.kind === 'missing-index'
        ? { ...change.expected, name, unique: change.expected.unique === true, nullsNotDistinct: false }
        : {
            name,
            columns: change.expected.columns,
            ...(change.expected.where !== undefined ? { where: change.expected.where } : {}),
            unique: true,
            nullsNotDistinct: change.expected.nullsNotDistinct,
          };
    lines.push(comment(`    DROP INDEX CONCURRENTLY ${qualified({ schema: change.table.schema, name })};`));
    lines.push(comment(`    ${createIndex(change.table, index, { concurrently: true })};`));
  }
  // an expression index is found by name, never a constraint's: the declared one can replace it as written
  if (change.kind === 'modify-index' && change.expected.columns.length === 0 && change.expected.expressions !== undefined && change.actual.name !== undefined) {
    const name = change.expected.name ?? change.actual.name;
    replace(change.table, change.actual.name, { ...change.expected, name, unique: change.expected.unique === true, nullsNotDistinct: false });
  }
  // an index of the declared name on other columns: the declared one takes its name back
  if (
    change.kind === 'modify-index' &&
    change.changed.includes('columns') &&
    change.expected.name !== undefined &&
    change.actual.name === change.expected.name
  ) {
    replace(change.table, change.actual.name, { ...change.expected, name: change.expected.name, unique: false, nullsNotDistinct: false });
  }
  return lines.join('\n');
}

/**
 * A comment line: newlines in a name must not end the comment and start a statement, and control characters
 * in a name must not reach the terminal of whoever reads the script (`escapeText`).
 */
function comment(text: string): string {
  return `-- ${escapeText(text.replace(/[\r\n]+/g, ' '))}`;
}

function describeChange(change: SchemaChange): string {
  switch (change.kind) {
    case 'missing-table':
      return `missing-table ${qualifiedAsPrinted(change.table)}`;
    case 'missing-column':
      return `missing-column ${qualifiedAsPrinted(change.table)}.${identifierAsPrinted(change.expected.name)}`;
    case 'modify-column': {
      const codes = change.changed.flatMap((aspect) => (aspect === 'default' ? ['default-mismatch'] : aspect === 'collation' ? ['collation-mismatch'] : []));
      return `${codes.join(', ')} ${qualifiedAsPrinted(change.table)}.${identifierAsPrinted(change.expected.name)}`;
    }
    case 'missing-enum':
      return `missing-enum ${qualifiedAsPrinted(change.expected)}`;
    case 'modify-enum':
      return `enum-values-mismatch ${qualifiedAsPrinted(change.expected)}: ${change.missingValues.join(', ')}`;
    case 'missing-unique':
      return `missing-unique ${qualifiedAsPrinted(change.table)} ${columnListAsPrinted(change.expected.columns)}${change.primaryKey ? ', the primary key' : ''}`;
    case 'missing-index':
      return `missing-index ${qualifiedAsPrinted(change.table)} ${columnListAsPrinted(change.expected.columns)}`;
    case 'missing-foreign-key':
      return `missing-foreign-key ${qualifiedAsPrinted(change.table)} ${columnListAsPrinted(change.expected.columns)} -> ${qualifiedAsPrinted(change.expected.references)}`;
    case 'registry-conflict':
      return `registry-conflict ${qualifiedAsPrinted(change.conflict)}`;
    case 'missing-check':
      return `missing-check ${qualifiedAsPrinted(change.table)} ${change.expected.name ?? change.expected.expression}`;
    case 'missing-exclusion':
      return `missing-exclusion ${qualifiedAsPrinted(change.table)} ${change.expected.name ?? change.expected.expression}`;
    case 'modify-generated':
      return `generated-mismatch ${qualifiedAsPrinted(change.table)}.${identifierAsPrinted(change.expected.name)}`;
    case 'missing-sequence':
      return `missing-sequence ${qualifiedAsPrinted(change.expected)}`;
    case 'modify-sequence':
      return `sequence-mismatch ${qualifiedAsPrinted(change.actual)}: ${[...change.changed, ...(change.renamed ? ['name'] : [])].join(', ')}`;
    case 'modify-identity':
      return `identity-mismatch ${qualifiedAsPrinted(change.table)}.${identifierAsPrinted(change.expected.name)}`;
    case 'modify-check':
    case 'modify-exclusion':
    case 'extra-constraint':
    case 'modify-foreign-key':
    case 'foreign-key-type':
    case 'modify-unique':
    case 'modify-index':
    case 'extra-column':
    case 'extra-table':
      return `${change.kind} ${qualifiedAsPrinted(change.table)}`;
    case 'unapplied-migration':
      return `unapplied-migration ${change.expected.name}`;
    case 'unknown-migration':
      return `unknown-migration ${change.actual.name}`;
  }
}

/** One operation as SQL, without the final semicolon. */
export function renderOperation(operation: FixOperation): string {
  switch (operation.op) {
    case 'create-schema':
      return guarded(
        `EXISTS (SELECT FROM pg_namespace WHERE nspname = ${literal(operation.schema)})`,
        `schema ${identifierAsPrinted(operation.schema)}`,
        `CREATE SCHEMA ${id(operation.schema)}`,
      );
    case 'drop-schema':
      return `DROP SCHEMA IF EXISTS ${id(operation.schema)}`;
    case 'create-extension':
      // in public: the transaction's search_path (pg_catalog, public) is where the default's function is looked up
      return guarded(
        `EXISTS (SELECT FROM pg_extension WHERE extname = ${literal(operation.extension)})`,
        `extension ${operation.extension}`,
        `CREATE EXTENSION IF NOT EXISTS ${id(operation.extension)} SCHEMA public`,
      );
    case 'create-enum':
      return guarded(
        typeTaken(operation.enum),
        `type ${qualifiedAsPrinted(operation.enum)}`,
        `CREATE TYPE ${qualified(operation.enum)} AS ENUM (${operation.values.map(literal).join(', ')})`,
      );
    case 'drop-enum':
      return droppedIfKind(
        `EXISTS (SELECT FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = ${literal(operation.enum.schema)} AND t.typname = ${literal(operation.enum.name)} AND t.typtype = 'e')`,
        `enum type ${qualifiedAsPrinted(operation.enum)}`,
        `DROP TYPE ${qualified(operation.enum)}`,
      );
    case 'add-enum-values':
      return operation.values
        .map((placement) => {
          const position =
            placement.after !== undefined ? ` AFTER ${literal(placement.after)}` : placement.before !== undefined ? ` BEFORE ${literal(placement.before)}` : '';
          return guarded(
            `EXISTS (SELECT FROM pg_enum WHERE enumtypid = ${regtype(operation.enum)} AND enumlabel = ${literal(placement.value)})`,
            `value ${placement.value} of type ${qualifiedAsPrinted(operation.enum)}`,
            `ALTER TYPE ${qualified(operation.enum)} ADD VALUE ${literal(placement.value)}${position}`,
          );
        })
        .join(';\n\n');
    case 'remove-enum-values':
      return removeEnumValues(operation.enum, operation.values, operation.keep);
    case 'create-table':
      return guarded(relationTaken(operation.table, 'rp'), `table ${qualifiedAsPrinted(operation.table)}`, createTable(operation.table.schema, operation));
    case 'drop-table':
      return droppedIfKind(relationOfKind(operation.table, 'rp'), `table ${qualifiedAsPrinted(operation.table)}`, `DROP TABLE ${qualified(operation.table)}`);
    case 'add-column':
      return addColumn(operation.table, operation.column);
    case 'drop-column':
      return `ALTER TABLE IF EXISTS ${qualified(operation.table)} DROP COLUMN IF EXISTS ${id(operation.column)}`;
    case 'set-default':
      return setDefault(operation.table, operation.column, operation.default);
    case 'drop-default':
      return `ALTER TABLE IF EXISTS ${qualified(operation.table)} ALTER COLUMN ${id(operation.column)} DROP DEFAULT`;
    case 'add-primary-key':
      return guarded(
        `EXISTS (SELECT FROM pg_constraint WHERE conrelid = ${regclass(operation.table)} AND contype = 'p')`,
        `primary key of ${qualifiedAsPrinted(operation.table)}`,
        `ALTER TABLE ${qualified(operation.table)} ADD CONSTRAINT ${id(operation.name)} PRIMARY KEY (${columnList(operation.columns)})`,
        { catch: ['unique_violation', 'not_null_violation'], advice: 'rows break it: remove the duplicates or NULLs, then run this again' },
      );
    case 'add-unique':
      return guarded(
        constraintExists(operation.table, operation.unique.name),
        `unique constraint ${operation.unique.name} on ${qualifiedAsPrinted(operation.table)}`,
        `ALTER TABLE ${qualified(operation.table)} ADD ${uniqueConstraint(operation.unique)}`,
        { catch: ['unique_violation'], advice: 'rows hold duplicates: remove them, then run this again' },
      );
    case 'drop-constraint':
      return `ALTER TABLE IF EXISTS ${qualified(operation.table)} DROP CONSTRAINT IF EXISTS ${id(operation.name)}`;
    case 'create-index':
      if (operation.concurrently) return createIndex(operation.table, operation.index, { concurrently: true });
      return guarded(
        relationTaken({ schema: operation.table.schema, name: operation.index.name }, 'iI'),
        `index ${operation.index.name} on ${qualifiedAsPrinted(operation.table)}`,
        createIndex(operation.table, operation.index, { concurrently: false }),
        operation.index.unique ? { catch: ['unique_violation'], advice: 'rows hold duplicates: remove them, then run this again' } : undefined,
      );
    case 'drop-index':
      return droppedIfKind(relationOfKind(operation.index, 'iI'), `index ${qualifiedAsPrinted(operation.index)}`, `DROP INDEX ${qualified(operation.index)}`);
    case 'add-foreign-key':
      return guarded(
        constraintExists(operation.table, operation.foreignKey.name),
        `foreign key ${operation.foreignKey.name} on ${qualifiedAsPrinted(operation.table)}`,
        `ALTER TABLE ${qualified(operation.table)} ADD ${foreignKeyConstraint(operation.foreignKey)}${operation.notValid ? ' NOT VALID' : ''}`,
        // no unique key to reference, or columns of other types: report it and add the rest
        { catch: ['invalid_foreign_key', 'datatype_mismatch'], advice: 'fix the referenced key or the column types first' },
      );
    case 'validate-foreign-key':
      return validateForeignKey(operation.table, operation.name);
    case 'add-check':
      return guarded(
        constraintExists(operation.table, operation.name),
        `check ${operation.name} on ${qualifiedAsPrinted(operation.table)}`,
        `ALTER TABLE ${qualified(operation.table)} ADD CONSTRAINT ${id(operation.name)} CHECK (${operation.expression})${operation.notValid ? ' NOT VALID' : ''}`,
      );
    case 'validate-check':
      return validateConstraint(operation.table, operation.name, {
        what: `check ${operation.name} on ${qualifiedAsPrinted(operation.table)}`,
        violation: 'check_violation',
        find: `find them with SELECT * FROM ${qualified(operation.table)} WHERE NOT (<the check>), fix or delete them`,
      });
    case 'add-exclusion':
      return guarded(
        constraintExists(operation.table, operation.name),
        `exclusion ${operation.name} on ${qualifiedAsPrinted(operation.table)}`,
        `ALTER TABLE ${qualified(operation.table)} ADD CONSTRAINT ${id(operation.name)} EXCLUDE ${operation.expression}${operation.deferrable ? ` ${deferral(operation.deferrable)}` : ''}`,
        {
          catch: ['exclusion_violation', 'undefined_object'],
          // undefined_object: no GiST operator class for a scalar column (=), which the btree_gist extension provides
          advice:
            'rows that conflict under it: fix or delete them; a missing operator class for = on a scalar column: run CREATE EXTENSION IF NOT EXISTS btree_gist; then run this again',
        },
      );
    case 'set-collation':
      return changing(
        `collation of ${qualifiedAsPrinted(operation.table)}.${identifierAsPrinted(operation.column)}`,
        `ALTER TABLE IF EXISTS ${qualified(operation.table)} ALTER COLUMN ${id(operation.column)} TYPE ${operation.type}${collate(operation.collation ?? 'default', operation.collationSchema)}`,
        'an index, a constraint or a view on the column may not allow the change: adjust them, then run this again',
      );
    case 'set-deferrable':
      return changing(
        `deferral of constraint ${operation.name} on ${qualifiedAsPrinted(operation.table)}`,
        `ALTER TABLE IF EXISTS ${qualified(operation.table)} ALTER CONSTRAINT ${id(operation.name)} ${deferral(operation.deferrable ?? undefined)}`,
        'change it by hand, then run this again',
      );
    case 'drop-not-null':
      return `ALTER TABLE IF EXISTS ${qualified(operation.table)} ALTER COLUMN ${id(operation.column)} DROP NOT NULL`;
    case 'create-sequence':
      return guarded(
        relationTaken(operation.sequence, 'S'),
        `sequence ${qualifiedAsPrinted(operation.sequence)}`,
        `CREATE SEQUENCE ${qualified(operation.sequence)} ${sequenceOptions(operation.options)}`,
      );
    case 'drop-sequence':
      return droppedIfKind(
        relationOfKind(operation.sequence, 'S'),
        `sequence ${qualifiedAsPrinted(operation.sequence)}`,
        `DROP SEQUENCE ${qualified(operation.sequence)}`,
      );
    case 'alter-sequence':
      return changing(
        `options of sequence ${qualifiedAsPrinted(operation.sequence)}`,
        `ALTER SEQUENCE IF EXISTS ${qualified(operation.sequence)} ${sequenceOptions(operation.options)}`,
        // the usual cause: the sequence's current value lies outside the declared bounds or direction
        'its current value may lie outside the declared range: decide the value (SELECT setval(...)), then run this again',
      );
    case 'rename-sequence':
      return changing(
        `name of sequence ${qualifiedAsPrinted(operation.sequence)}`,
        `ALTER SEQUENCE IF EXISTS ${qualified(operation.sequence)} RENAME TO ${id(operation.to)}`,
        // the usual cause: another relation of the schema already has the name
        'another relation may have the name: rename or drop it, then run this again',
      );
    case 'set-identity':
      return changing(
        `identity of ${qualifiedAsPrinted(operation.table)}.${identifierAsPrinted(operation.column)}`,
        `ALTER TABLE IF EXISTS ${qualified(operation.table)} ALTER COLUMN ${id(operation.column)} SET GENERATED ${operation.identity === 'always' ? 'ALWAYS' : 'BY DEFAULT'}`,
        'change it by hand, then run this again',
      );
  }
}

/**
 * A DO block that adds an object unless the catalog already has it, and says which it did.
 * With `onError`, the listed errors (rows that break a new key) become a WARNING and the rest of
 * the fix goes on; the re-check still reports what was not added.
 */
function guarded(exists: string | Taken, what: string, statement: string, onError?: { catch: readonly string[]; advice: string }): string {
  const add = onError
    ? [
        '    BEGIN',
        `      ${statement};`,
        `      RAISE NOTICE 'ormdrift: added %', ${literal(what)};`,
        `    EXCEPTION WHEN ${onError.catch.join(' OR ')} THEN`,
        `      RAISE WARNING 'ormdrift: could not add %: %; %', ${literal(what)}, SQLERRM, ${literal(onError.advice)};`,
        '    END;',
      ]
    : [`    ${statement};`, `    RAISE NOTICE 'ormdrift: added %', ${literal(what)};`];
  if (typeof exists === 'string') {
    return doBlock([`  IF ${exists} THEN`, `    RAISE NOTICE 'ormdrift: skipped %: it exists', ${literal(what)};`, '  ELSE', ...add, '  END IF;']);
  }
  // the name is taken by an object of another kind (a table where a sequence is declared): PostgreSQL would refuse
  // the CREATE with "already exists", and "skipped: it exists" would be false; say what holds the name instead
  return doBlock(
    [
      `  ${exists.select} INTO holder;`,
      '  IF holder IS NULL THEN',
      ...add,
      `  ELSIF holder = ${literal(exists.sameKind)} THEN`,
      `    RAISE NOTICE 'ormdrift: skipped %: it exists', ${literal(what)};`,
      '  ELSE',
      `    RAISE WARNING 'ormdrift: could not add %: a % of that name exists; rename or drop that %, or give the declared object another name in the models, then run this again', ${literal(what)}, holder, holder;`,
      '  END IF;',
    ],
    ['  holder text;'],
  );
}

/**
 * A DO block of `down.sql` that drops an object only when the catalog holds one of the kind `up.sql` creates
 * (`exists`). When `up.sql` skipped its CREATE because an object of another kind held the name (a view where a table
 * is declared), that object is left alone: a plain `DROP TABLE IF EXISTS` would fail on it ("is not a table") and
 * stop the rest of the rollback.
 */
function droppedIfKind(exists: string, what: string, statement: string): string {
  return doBlock([
    `  IF ${exists} THEN`,
    `    ${statement};`,
    `    RAISE NOTICE 'ormdrift: dropped %', ${literal(what)};`,
    '  ELSE',
    `    RAISE NOTICE 'ormdrift: skipped dropping %: there is none', ${literal(what)};`,
    '  END IF;',
  ]);
}

/** Whether a relation of one of `kinds` (`pg_class.relkind`) holds `name`. */
function relationOfKind(name: QualifiedName, kinds: 'rp' | 'iI' | 'S'): string {
  const relkinds = [...kinds].map((kind) => literal(kind)).join(', ');
  return `EXISTS (SELECT FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ${literal(name.schema)} AND c.relname = ${literal(name.name)} AND c.relkind IN (${relkinds}))`;
}

/**
 * How a CREATE learns whether its name is free: `select` reads the kind of object that holds the name (NULL when
 * none does) in words, `sameKind` is the word for the object the CREATE would make.
 */
interface Taken {
  readonly select: string;
  readonly sameKind: string;
}

/** The words for `pg_class.relkind`, as PostgreSQL's documentation names the kinds. */
const relkindWords = `CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'table' WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view'
    WHEN 'i' THEN 'index' WHEN 'I' THEN 'index' WHEN 'S' THEN 'sequence' WHEN 'f' THEN 'foreign table' WHEN 'c' THEN 'composite type'
    ELSE 'relation' END`;

const relkindWord: Record<string, string> = { rp: 'table', iI: 'index', S: 'sequence' };

/** Tables, views, indexes and sequences share one namespace per schema (`pg_class`): which kind holds `name`. */
function relationTaken(name: QualifiedName, kinds: 'rp' | 'iI' | 'S'): Taken {
  return {
    select: `SELECT ${relkindWords} FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ${literal(name.schema)} AND c.relname = ${literal(name.name)}`,
    sameKind: relkindWord[kinds]!,
  };
}

/** Types share one namespace per schema with the row types of tables, views and sequences: which kind holds `name`. */
function typeTaken(name: QualifiedName): Taken {
  return {
    select: `SELECT CASE t.typtype WHEN 'e' THEN 'enum type' WHEN 'd' THEN 'domain' WHEN 'r' THEN 'range type' WHEN 'm' THEN 'multirange type'
    WHEN 'c' THEN COALESCE((SELECT ${relkindWords} FROM pg_class c WHERE c.oid = t.typrelid AND c.relkind <> 'c'), 'composite type') ELSE 'type' END
    FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = ${literal(name.schema)} AND t.typname = ${literal(name.name)}`,
    sameKind: 'enum type',
  };
}

/**
 * A DO block that changes something that exists (sequence options, identity kind, collation, deferral) and says
 * so with a NOTICE. Any error of the statement (a current value outside the new bounds, an index that forbids a
 * collation) becomes a WARNING naming the object, the server's reason and `advice`, and the rest of the fix goes
 * on: the re-check still reports what was not changed.
 */
function changing(what: string, statement: string, advice: string): string {
  return doBlock([
    '  BEGIN',
    `    ${statement};`,
    `    RAISE NOTICE 'ormdrift: changed %', ${literal(what)};`,
    // the lock_timeout of the transaction expired: nothing is wrong with the change, another session holds the table
    '  EXCEPTION WHEN lock_not_available THEN',
    `    RAISE WARNING 'ormdrift: could not change %: %; %', ${literal(what)}, SQLERRM, ${literal(lockAdvice)};`,
    '  WHEN OTHERS THEN',
    `    RAISE WARNING 'ormdrift: could not change %: %; %', ${literal(what)}, SQLERRM, ${literal(advice)};`,
    '  END;',
  ]);
}

/** What to do when a change waited longer than the transaction's lock_timeout. */
const lockAdvice = 'another session holds a lock on it (see pg_locks and pg_stat_activity): run this again when that session ends, or at a quieter time';

function doBlock(body: readonly string[], declare: readonly string[] = []): string {
  const text = [...(declare.length > 0 ? ['DECLARE', ...declare] : []), 'BEGIN', ...body, 'END'].join('\n');
  let tag = '$ormdrift$';
  for (let i = 1; text.includes(tag); i++) tag = `$ormdrift${i}$`;
  return `DO ${tag}\n${text}\n${tag}`;
}

function regclass(table: QualifiedName): string {
  return `to_regclass(${literal(qualified(table))})`;
}

function regtype(type: QualifiedName): string {
  return `to_regtype(${literal(qualified(type))})`;
}

function constraintExists(table: QualifiedName, name: string): string {
  return `EXISTS (SELECT FROM pg_constraint WHERE conrelid = ${regclass(table)} AND conname = ${literal(name)})`;
}

function columnExists(table: QualifiedName, column: string): string {
  return `EXISTS (SELECT FROM pg_attribute WHERE attrelid = ${regclass(table)} AND attname = ${literal(column)} AND attnum > 0 AND NOT attisdropped)`;
}

function columnList(columns: readonly string[]): string {
  return columns.map(id).join(', ');
}

const serialTypes: Record<string, string> = { integer: 'serial', bigint: 'bigserial', smallint: 'smallserial' };

/** A `nextval()` default of a scalar integer column: declared as `serial`, which creates its sequence. */
function serialType(column: ColumnModel): string | undefined {
  if (column.identity !== null || column.default === null || column.type.arrayDims > 0 || !/^nextval\(/i.test(column.default)) return undefined;
  return serialTypes[column.type.name];
}

function columnType(column: ColumnModel): string {
  const base = column.type.enum ? qualified(column.type.enum) : column.type.name;
  return column.type.arrayDims > 0 ? `${base}[]` : base;
}

/** A column definition; `nullable` forces a NOT NULL column in as nullable (to be backfilled). */
function columnDefinition(column: ColumnModel, options: { nullable?: boolean } = {}): string {
  const serial = serialType(column);
  const parts = [id(column.name), `${serial ?? columnType(column)}${collate(column.collation, column.collationSchema)}`];
  if (column.generated !== null) parts.push(`GENERATED ALWAYS AS (${column.generated}) STORED`);
  else if (column.identity !== null) {
    // the sequence name the model gives, then its options: as drizzle-kit writes them
    const sequence = column.sequence;
    const named =
      sequence?.name === undefined
        ? ''
        : `SEQUENCE NAME ${sequence.schema === undefined ? id(sequence.name) : qualified({ schema: sequence.schema, name: sequence.name })}`;
    const options = [named, sequence ? sequenceOptions(sequence) : ''].filter((part) => part !== '').join(' ');
    parts.push(`GENERATED ${column.identity === 'always' ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY${options === '' ? '' : ` (${options})`}`);
  } else if (column.default !== null && !serial) parts.push(`DEFAULT ${column.default}`);
  if (!column.nullable && !options.nullable) parts.push('NOT NULL');
  return parts.join(' ');
}

/** Whether a NOT NULL column gets no value for rows that exist: it must be backfilled. */
function needsBackfill(column: ColumnModel): boolean {
  return !column.nullable && column.default === null && column.identity === null && column.generated === null;
}

/**
 * The given sequence options as `CREATE` / `ALTER SEQUENCE` take them, in that statement's order; the values are
 * integers the model or the catalog gave as decimal strings, checked again here so that nothing else reaches SQL.
 */
function sequenceOptions(options: SequenceOptions): string {
  const integer = (value: string) => {
    if (!/^-?\d+$/.test(value)) throw new TypeError(`not an integer sequence option: ${JSON.stringify(value)}`);
    return value;
  };
  const parts: string[] = [];
  if (options.dataType !== undefined) parts.push(`AS ${options.dataType}`);
  if (options.increment !== undefined) parts.push(`INCREMENT BY ${integer(options.increment)}`);
  if (options.minValue !== undefined) parts.push(`MINVALUE ${integer(options.minValue)}`);
  if (options.maxValue !== undefined) parts.push(`MAXVALUE ${integer(options.maxValue)}`);
  if (options.start !== undefined) parts.push(`START WITH ${integer(options.start)}`);
  if (options.cache !== undefined) parts.push(`CACHE ${integer(options.cache)}`);
  if (options.cycle !== undefined) parts.push(options.cycle ? 'CYCLE' : 'NO CYCLE');
  return parts.join(' ');
}

function uniqueConstraint(unique: NamedUnique): string {
  return `CONSTRAINT ${id(unique.name)} UNIQUE${unique.nullsNotDistinct ? ' NULLS NOT DISTINCT' : ''} (${columnList(unique.columns)})${unique.deferrable ? ` ${deferral(unique.deferrable)}` : ''}`;
}

function foreignKeyConstraint(fk: NamedForeignKey): string {
  return `CONSTRAINT ${id(fk.name)} FOREIGN KEY (${columnList(fk.columns)}) REFERENCES ${qualified(fk.references)} (${columnList(fk.references.columns)}) ON DELETE ${fk.onDelete} ON UPDATE ${fk.onUpdate}${fk.deferrable ? ` ${deferral(fk.deferrable)}` : ''}`;
}

/** A constraint's deferral clause; undefined is NOT DEFERRABLE. */
function deferral(deferrable: Deferrable | undefined): string {
  if (deferrable === undefined) return 'NOT DEFERRABLE';
  return `DEFERRABLE INITIALLY ${deferrable === 'deferred' ? 'DEFERRED' : 'IMMEDIATE'}`;
}

/** ` COLLATE "C"`; `default` is the type's default collation, a keyword that is not quoted. */
function collate(collation: string | undefined, schema?: string): string {
  if (collation === undefined) return '';
  if (collation === 'default') return ' COLLATE pg_catalog."default"';
  return ` COLLATE ${schema !== undefined ? qualified({ schema, name: collation }) : id(collation)}`;
}

function createTable(schema: string, operation: Extract<FixOperation, { op: 'create-table' }>): string {
  const { table } = operation;
  const lines = table.columns.map((column) => columnDefinition(column));
  if (table.primaryKey && operation.primaryKeyName)
    lines.push(`CONSTRAINT ${id(operation.primaryKeyName)} PRIMARY KEY (${columnList(table.primaryKey.columns)})`);
  for (const unique of operation.uniques) lines.push(uniqueConstraint(unique));
  for (const fk of operation.foreignKeys) lines.push(foreignKeyConstraint(fk));
  return `CREATE TABLE ${qualified({ schema, name: table.name })} (\n${lines.map((line) => `      ${line}`).join(',\n')}\n    )`;
}

function addColumn(table: QualifiedName, column: ColumnModel): string {
  const what = `column ${qualifiedAsPrinted(table)}.${identifierAsPrinted(column.name)}`;
  const add = (options: { nullable?: boolean } = {}) => `ALTER TABLE ${qualified(table)} ADD COLUMN ${columnDefinition(column, options)}`;
  const body = [`  IF ${columnExists(table, column.name)} THEN`, `    RAISE NOTICE 'ormdrift: skipped %: it exists', ${literal(what)};`];
  if (needsBackfill(column)) {
    // NOT NULL with no default fails on a table that holds rows: add it nullable and say what to do
    const then = `fill it for every row, then run: ALTER TABLE ${qualified(table)} ALTER COLUMN ${id(column.name)} SET NOT NULL`;
    body.push(
      `  ELSIF EXISTS (SELECT FROM ${qualified(table)} LIMIT 1) THEN`,
      `    ${add({ nullable: true })};`,
      `    RAISE NOTICE 'ormdrift: added % as nullable because the table holds rows: %', ${literal(what)}, ${literal(then)};`,
    );
  }
  body.push('  ELSE', `    ${add()};`, `    RAISE NOTICE 'ormdrift: added %', ${literal(what)};`, '  END IF;');
  return doBlock(body);
}

function setDefault(table: QualifiedName, column: string, expression: string): string {
  const what = `default of ${qualifiedAsPrinted(table)}.${identifierAsPrinted(column)}`;
  const statement = `ALTER TABLE ${qualified(table)} ALTER COLUMN ${id(column)} SET DEFAULT ${expression}`;
  const sequence = /^nextval\('((?:[^']|'')+)'(?:::regclass)?\)$/i.exec(expression)?.[1];
  const body: string[] = [];
  // a serial's default needs its sequence: without it the statement would fail and undo everything
  if (sequence !== undefined) {
    body.push(
      `  IF to_regclass(${literal(sequence.replace(/''/g, "'"))}) IS NULL THEN`,
      `    RAISE WARNING 'ormdrift: skipped %: its sequence % does not exist', ${literal(what)}, ${literal(sequence.replace(/''/g, "'"))};`,
      '    RETURN;',
      '  END IF;',
    );
  }
  body.push(`  ${statement};`, `  RAISE NOTICE 'ormdrift: set %', ${literal(what)};`);
  return doBlock(body);
}

function createIndex(table: QualifiedName, index: NamedIndex, options: { concurrently: boolean }): string {
  return [
    `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${options.concurrently ? 'CONCURRENTLY IF NOT EXISTS ' : ''}${id(index.name)}`,
    ` ON ${qualified(table)}${index.method && index.method !== 'btree' ? ` USING ${index.method}` : ''} (${indexKeys(index)})`,
    index.include !== undefined && index.include.length > 0 ? ` INCLUDE (${index.include.map(id).join(', ')})` : '',
    index.nullsNotDistinct ? ' NULLS NOT DISTINCT' : '',
    index.where !== undefined ? ` WHERE ${index.where}` : '',
  ].join('');
}

/**
 * The key list of `CREATE INDEX` (columns, or expressions each in parentheses) with each key's non-default options,
 * as the model declares them: collation,
 * operator class as written (`gin_trgm_ops`), `DESC`, and a nulls order other than the direction's default (ASC puts NULLs last).
 */
function indexKeys(index: NamedIndex): string {
  // an index on expressions: each key in parentheses, as the model writes it (a plain column key reads the same)
  const keys = index.columns.length === 0 && index.expressions !== undefined ? index.expressions.map((key) => `(${key})`) : index.columns.map(id);
  return keys
    .map((text, i) => {
      const key = index.keys?.[i] ?? {};
      const nulls = key.nullsFirst === true && !key.descending ? ' NULLS FIRST' : key.nullsFirst === false && key.descending ? ' NULLS LAST' : '';
      return `${text}${key.collation ? indexCollate(key.collation, key.collationSchema) : ''}${key.opclass ? ` ${key.opclass}` : ''}${key.descending ? ' DESC' : ''}${nulls}`;
    })
    .join(', ');
}

/** ` COLLATE "C"` on an index key; a model may write the name quoted. `default` here is a collation like any other. */
function indexCollate(collation: string, schema: string | undefined): string {
  const name = collation.startsWith('"') && collation.endsWith('"') ? collation.slice(1, -1).replace(/""/g, '"') : collation;
  return ` COLLATE ${schema !== undefined ? qualified({ schema, name }) : id(name)}`;
}

function validateForeignKey(table: QualifiedName, name: string): string {
  return validateConstraint(table, name, {
    what: `foreign key ${name} on ${qualifiedAsPrinted(table)}`,
    violation: 'foreign_key_violation',
    find: 'find them with a LEFT JOIN on the referenced table, fix or delete them',
  });
}

/** Validates a NOT VALID constraint; rows that break it leave it NOT VALID with a warning saying how to find them. */
function validateConstraint(table: QualifiedName, name: string, how: { what: string; violation: string; find: string }): string {
  const what = how.what;
  const advice = `${how.find}, then run: ALTER TABLE ${qualified(table)} VALIDATE CONSTRAINT ${id(name)}`;
  return doBlock([
    `  IF EXISTS (SELECT FROM pg_constraint WHERE conrelid = ${regclass(table)} AND conname = ${literal(name)} AND NOT convalidated) THEN`,
    '    BEGIN',
    `      ALTER TABLE ${qualified(table)} VALIDATE CONSTRAINT ${id(name)};`,
    `      RAISE NOTICE 'ormdrift: validated %', ${literal(what)};`,
    `    EXCEPTION WHEN ${how.violation} THEN`,
    `      RAISE WARNING 'ormdrift: % stays NOT VALID, existing rows break it (%): %', ${literal(what)}, SQLERRM, ${literal(advice)};`,
    '    END;',
    '  END IF;',
  ]);
}

/**
 * PostgreSQL cannot drop an enum value. The type is renamed, created again with the values it
 * had, every table column of it (or of its array type) is converted back with its default kept,
 * and the old type dropped. Refuses, changing nothing, when a row holds one of the values.
 */
function removeEnumValues(type: QualifiedName, values: readonly string[], keep: readonly string[]): string {
  const old = `ormdrift_old_${createHash('sha256').update(`${type.schema}.${type.name}`).digest('hex').slice(0, 12)}`;
  const oldType = qualified({ schema: type.schema, name: old });
  const removed = `ARRAY[${values.map(literal).join(', ')}]::text[]`;
  // table columns of the type or of its array type; partitions follow their parent
  const users = (typeText: string) =>
    `SELECT a.attrelid::regclass AS rel, a.attname, a.attnum, a.atttypid = ${typeText}::regtype AS scalar, pg_get_expr(d.adbin, d.adrelid) AS def
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE a.atttypid IN (${typeText}::regtype, (SELECT typarray FROM pg_type WHERE oid = ${typeText}::regtype))
        AND a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p') AND NOT c.relispartition`;
  const what = literal(`values ${values.join(', ')} of type ${qualifiedAsPrinted(type)}`);
  return doBlock(
    [
      `  IF ${regtype(type)} IS NULL OR NOT EXISTS (SELECT FROM pg_enum WHERE enumtypid = ${regtype(type)} AND enumlabel = ANY (${removed})) THEN`,
      `    RAISE NOTICE 'ormdrift: skipped removing %: not there', ${what};`,
      '    RETURN;',
      '  END IF;',
      `  FOR col IN ${users(literal(qualified(type)))} LOOP`,
      `    EXECUTE format('SELECT EXISTS (SELECT FROM %s WHERE %s)', col.rel,`,
      `      CASE WHEN col.scalar THEN format('%I::text = ANY ($1)', col.attname) ELSE format('%I::text[] && $1', col.attname) END)`,
      `      INTO used USING ${removed};`,
      '    IF used THEN',
      `      RAISE EXCEPTION 'ormdrift: cannot remove %: rows of % (column %) use them', ${what}, col.rel, col.attname;`,
      '    END IF;',
      '  END LOOP;',
      `  ALTER TYPE ${qualified(type)} RENAME TO ${id(old)};`,
      `  CREATE TYPE ${qualified(type)} AS ENUM (${keep.map(literal).join(', ')});`,
      `  FOR col IN ${users(literal(oldType))} ORDER BY 1, 3 LOOP`,
      `    IF col.def IS NOT NULL THEN EXECUTE format('ALTER TABLE %s ALTER COLUMN %I DROP DEFAULT', col.rel, col.attname); END IF;`,
      `    EXECUTE format('ALTER TABLE %s ALTER COLUMN %I TYPE %s%s USING %I::text%s::%s%s', col.rel, col.attname, ${literal(qualified(type))},`,
      `      CASE WHEN col.scalar THEN '' ELSE '[]' END, col.attname, CASE WHEN col.scalar THEN '' ELSE '[]' END, ${literal(qualified(type))}, CASE WHEN col.scalar THEN '' ELSE '[]' END);`,
      // the default still names the renamed type: point it at the type again
      `    IF col.def IS NOT NULL THEN`,
      `      EXECUTE format('ALTER TABLE %s ALTER COLUMN %I SET DEFAULT %s', col.rel, col.attname, replace(col.def, ${literal(old)}, ${literal(id(type.name))}));`,
      '    END IF;',
      '  END LOOP;',
      `  DROP TYPE ${oldType};`,
      `  RAISE NOTICE 'ormdrift: removed %', ${what};`,
    ],
    ['  col record;', '  used boolean;'],
  );
}
