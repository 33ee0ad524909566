import { postgresIdentifier, referentialAction } from '@ormdrift/core';
import type {
  ColumnModel,
  EnumModel,
  ForeignKeyModel,
  Provenance,
  QualifiedName,
  SourceProblem,
  TableModel,
  UniqueModel,
} from '@ormdrift/core';
import { sequelizeDefault } from './column-default.ts';
import { enumTypeName, sequelizeColumnType } from './column-type.ts';
import { modelIndexes } from './model-indexes.ts';
import type { AttributeLike, InitializedModel, ModelLike, SequelizeLike, UniqueKeyLike } from './sequelize-shapes.ts';
import { modelTableName, referencedTableName } from './table-name.ts';

export interface ModelTable {
  readonly table: TableModel;
  readonly enums: readonly EnumModel[];
  readonly problems: readonly SourceProblem[];
}

/**
 * Maps one Sequelize model into the table `Model.sync()` would create, following
 * `QueryInterface.createTable()`: the model's table attributes (timestamps, paranoid's
 * `deletedAt`, association foreign keys and the default `id` are already among them),
 * normalized as `createTable()` normalizes them, then rendered as `attributeToSQL()` does.
 */
export function modelTable(model: InitializedModel, provenance: Omit<Provenance, 'model'>): ModelTable {
  const source: Provenance = { ...provenance, model: model.name };
  // the name as Sequelize sends it, and as PostgreSQL stores it (cut to 63 bytes)
  const sentName = modelTableName(model);
  const storedName: QualifiedName = { schema: sentName.schema, name: postgresIdentifier(sentName.name) };
  const queryGenerator = model.sequelize.getQueryInterface().queryGenerator;
  const problems: SourceProblem[] = [];
  const enums: EnumModel[] = [];
  const columns: ColumnModel[] = [];
  const primaryKey: string[] = [];
  const uniques: UniqueModel[] = [];
  const foreignKeys: ForeignKeyModel[] = [];

  for (const [key, declared] of Object.entries(tableAttributes(model))) {
    const attribute = normalize(model.sequelize, declared);
    const field = attribute.field ?? key;
    const column = postgresIdentifier(field);
    const ref = `${model.name}.${key}`;
    // generated names (`enum_<table>_<field>`, `<table>_<field>_seq`) are built from the names Sequelize sends, then cut
    const place = { table: sentName, column: field };

    const type = sequelizeColumnType(attribute, place);
    if (!type.ok) {
      problems.push({ type: 'unsupported-type', ref, message: `${type.reason}; the column is not checked` });
      continue;
    }
    if (type.enumValues) enums.push({ ...enumTypeName(place), values: type.enumValues, sources: [source] });

    const resolvedDefault = sequelizeDefault(attribute, place, queryGenerator);
    if (!resolvedDefault.ok) problems.push({ type: 'unsupported-type', ref, message: `${resolvedDefault.reason}; the default is not checked` });

    columns.push({
      name: column,
      type: type.type,
      // `allowNull` is tested as `attributeToSQL()` tests it; a primary key, serial or identity column is NOT NULL anyway
      nullable: !(attribute.primaryKey || attribute.autoIncrement || (Object.hasOwn(attribute, 'allowNull') && !attribute.allowNull)),
      default: resolvedDefault.ok ? resolvedDefault.default : null,
      identity: attribute.autoIncrement && attribute.autoIncrementIdentity ? 'by-default' : null,
      generated: null,
    });
    if (attribute.primaryKey) primaryKey.push(column);
    if (attribute.unique === true) uniques.push({ columns: [column], nullsNotDistinct: false });

    if (attribute.references && !model.options.withoutForeignKeyConstraints) {
      const target = referencedTableName(attribute.references.model, sentName);
      if (!target) {
        problems.push({ type: 'unresolved-reference', ref, message: `references.model ${String(attribute.references.model)} names no table; the foreign key is not checked` });
        continue;
      }
      foreignKeys.push({
        columns: [column],
        // PostgreSQL cuts the names in REFERENCES as it cut them in the target's CREATE TABLE
        references: { schema: target.schema, name: postgresIdentifier(target.name), columns: [postgresIdentifier(attribute.references.key ?? 'id')] },
        onDelete: referentialAction(attribute.onDelete),
        onUpdate: referentialAction(attribute.onUpdate),
      });
    }
  }

  for (const unique of customUniqueKeys(model)) uniques.push({ columns: unique.fields.map(postgresIdentifier), nullsNotDistinct: false });
  const indexed = modelIndexes(model, queryGenerator);
  problems.push(...indexed.problems);

  return {
    table: {
      ...storedName,
      kind: 'table',
      columns,
      primaryKey: primaryKey.length > 0 ? { columns: primaryKey } : null,
      foreignKeys,
      uniques: distinctUniques([...uniques, ...indexed.uniques]),
      indexes: indexed.indexes,
      sources: [source],
    },
    enums,
    problems,
  };
}

/** What `sync()` creates columns for: `tableAttributes` leaves out VIRTUAL attributes. */
function tableAttributes(model: ModelLike): Readonly<Record<string, AttributeLike>> {
  if (model.tableAttributes) return model.tableAttributes;
  return Object.fromEntries(Object.entries(model.getAttributes()).filter(([, attribute]) => typeof attribute.type === 'string' || attribute.type.key !== 'VIRTUAL'));
}

/** `createTable()` runs every attribute through `sequelize.normalizeAttribute()` first; it mutates, so on a copy. */
function normalize(sequelize: SequelizeLike, attribute: AttributeLike): AttributeLike {
  return sequelize.normalizeAttribute ? sequelize.normalizeAttribute({ ...attribute }) : attribute;
}

/**
 * The `UNIQUE (...)` clauses `createTable()` appends: the model option `uniqueKeys` when set
 * (each one unless `customIndex: false`), else the named uniques collected from attributes
 * (`unique: 'name'`, `unique: { name }`); `unique: true` is rendered inline instead. Sequelize
 * gives these constraints no name (PostgreSQL names them `<table>_<column>_key`).
 */
function customUniqueKeys(model: ModelLike): UniqueKeyLike[] {
  const fromOptions = model.options.uniqueKeys;
  if (fromOptions) return Object.values(fromOptions).filter((unique) => unique.customIndex !== false);
  return Object.values(model.uniqueKeys ?? {}).filter((unique) => unique.customIndex === true);
}

function distinctUniques(uniques: readonly UniqueModel[]): UniqueModel[] {
  const seen = new Set<string>();
  return uniques.filter((unique) => {
    const key = `${[...unique.columns].sort().join('\u0000')}\u0001${unique.where ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
