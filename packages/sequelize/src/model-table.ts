import { postgresIdentifier, referentialAction } from '@ormdrift/core';
import type {
  ColumnModel,
  Deferrable,
  InheritableColumnProperty,
  InheritableForeignKeyProperty,
  EnumModel,
  ForeignKeyModel,
  Provenance,
  QualifiedName,
  SourceProblem,
  TableModel,
  UniqueModel,
} from '@ormdrift/core';
import { clientSideDefault, sequelizeDefault } from './column-default.ts';
import { InboundAssociations } from './inbound-associations.ts';
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
 * `inbound` indexes the other models' associations; share one across the models of one read.
 */
export function modelTable(
  model: InitializedModel,
  provenance: Omit<Provenance, 'model'>,
  inbound: InboundAssociations = new InboundAssociations(),
): ModelTable {
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
    // generated names (`enum_<table>_<field>`, `<table>_<field>_seq`) are built from the names Sequelize sends, then cut
    const place = { table: sentName, column: field };

    const type = sequelizeColumnType(attribute, place);
    if (!type.ok) {
      problems.push({ type: 'unsupported-type', ref: `${model.name}.${key}`, message: `${type.reason}; the column is not checked` });
      continue;
    }
    if (type.enumValues) enums.push({ ...enumTypeName(place), values: type.enumValues, sources: [source] });

    const resolvedDefault = sequelizeDefault(attribute, place, queryGenerator);
    if (!resolvedDefault.ok)
      problems.push({ type: 'unsupported-type', ref: `${model.name}.${key}`, message: `${resolvedDefault.reason}; the default is not checked` });

    const inherited = inheritedProperties(model, key, attribute, inbound);
    // built in place, not by spreading optional parts: this runs for every attribute of every model
    const built: { -readonly [K in keyof ColumnModel]: ColumnModel[K] } = {
      name: column,
      type: type.type,
      // `allowNull` is tested as `attributeToSQL()` tests it; a primary key, serial or identity column is NOT NULL anyway
      nullable: !(attribute.primaryKey || attribute.autoIncrement || (Object.hasOwn(attribute, 'allowNull') && !attribute.allowNull)),
      default: resolvedDefault.ok ? resolvedDefault.default : null,
      identity: attribute.autoIncrement && attribute.autoIncrementIdentity ? 'by-default' : null,
      generated: null,
    };
    // Sequelize's build() fills `defaultValue` into the instance, so create() sends it itself
    if (resolvedDefault.ok && resolvedDefault.default !== null && attribute.defaultValue !== undefined) built.ormSendsDefault = true;
    // DataTypes.NOW, UUIDV4 or a function: Sequelize computes the value on insert, the database never sees it
    const computed = clientSideDefault(attribute.defaultValue);
    if (computed !== undefined) built.ormComputesDefault = computed;
    if (inherited.length > 0) built.inherited = inherited;
    columns.push(built);
    if (attribute.primaryKey) primaryKey.push(column);
    if (attribute.unique === true) uniques.push({ columns: [column], nullsNotDistinct: false });

    if (attribute.references && !model.options.withoutForeignKeyConstraints) {
      const target = referencedTableName(attribute.references.model, sentName);
      if (!target) {
        problems.push({
          type: 'unresolved-reference',
          ref: `${model.name}.${key}`,
          message: `references.model ${String(attribute.references.model)} names no table; the foreign key is not checked`,
        });
        continue;
      }
      foreignKeys.push({
        columns: [column],
        // PostgreSQL cuts the names in REFERENCES as it cut them in the target's CREATE TABLE
        references: { schema: target.schema, name: postgresIdentifier(target.name), columns: [postgresIdentifier(attribute.references.key ?? 'id')] },
        onDelete: referentialAction(attribute.onDelete),
        onUpdate: referentialAction(attribute.onUpdate),
        ...inheritedActions(model, key, attribute, inbound),
        ...deferral(attribute.references.deferrable),
      });
    }
  }

  for (const unique of customUniqueKeys(model)) {
    const impliedBy = impliedByAssociation(model, unique.fields, inbound);
    uniques.push({ columns: unique.fields.map(postgresIdentifier), nullsNotDistinct: false, ...(impliedBy ? { impliedBy } : {}) });
  }
  // the junction model Sequelize makes for `through: 'name'` has both keys as its primary key: the association implies it
  const keyImpliedBy = primaryKey.length > 0 ? impliedByAssociation(model, primaryKeyFields(model), inbound) : undefined;
  const indexed = modelIndexes(
    model,
    queryGenerator,
    columns.map((column) => column.name),
  );
  problems.push(...indexed.problems);
  // a junction made of the association's keys alone (`through: 'name'`, or a through model that adds nothing) is the
  // association's, not a model's: its table, foreign keys and indexes name the association
  const junctionImpliedBy = keyOnlyJunction(model, inbound) ? impliedByAssociation(model, [], inbound) : undefined;

  return {
    table: {
      ...storedName,
      kind: 'table',
      columns,
      primaryKey: primaryKey.length > 0 ? { columns: primaryKey, ...(keyImpliedBy ? { impliedBy: keyImpliedBy } : {}) } : null,
      foreignKeys,
      uniques: distinctUniques([...uniques, ...indexed.uniques]),
      indexes: indexed.indexes,
      sources: [source],
      ...(junctionImpliedBy ? { impliedBy: junctionImpliedBy } : {}),
    },
    enums,
    problems,
  };
}

/**
 * The column properties the model left to Sequelize: `allowNull` not written (nullable by default;
 * keys and serials are NOT NULL whatever it says; an association writes `allowNull: true` into the
 * key it adds, so there `true` counts as not written), and the length of a `STRING` or `CHAR` given
 * none (255 by default).
 */
function inheritedProperties(model: InitializedModel, key: string, attribute: AttributeLike, inbound: InboundAssociations): InheritableColumnProperty[] {
  const inherited: InheritableColumnProperty[] = [];
  const unwritten = !Object.hasOwn(attribute, 'allowNull') || (attribute.allowNull === true && associationDefaults(model, key, true, inbound) !== undefined);
  if (unwritten && !attribute.primaryKey && !attribute.autoIncrement) inherited.push('nullable');
  const type = typeof attribute.type === 'string' ? undefined : attribute.type;
  if (type && (type.key === 'STRING' || type.key === 'CHAR') && type.options?.length === undefined) inherited.push('type');
  return inherited;
}

/**
 * The foreign-key actions the model left to Sequelize. Sequelize writes its association defaults into
 * the attribute (`belongsTo`: ON DELETE SET NULL, or NO ACTION when NOT NULL; `hasOne`/`hasMany`: SET
 * NULL or CASCADE; `belongsToMany`: CASCADE; ON UPDATE CASCADE throughout), so what the user wrote is
 * lost: an action counts as inherited when it is absent or equals the default of an association that
 * owns the column.
 */
function inheritedActions(
  model: InitializedModel,
  key: string,
  attribute: AttributeLike,
  inbound: InboundAssociations,
): { inherited?: InheritableForeignKeyProperty[] } {
  const defaults = associationDefaults(model, key, attribute.allowNull !== false, inbound);
  const inherited = (['onDelete', 'onUpdate'] as const).filter(
    (action) => attribute[action] === undefined || (defaults !== undefined && attribute[action]?.toUpperCase() === defaults[action]),
  );
  return inherited.length > 0 ? { inherited } : {};
}

function associationDefaults(
  model: InitializedModel,
  key: string,
  nullable: boolean,
  inbound: InboundAssociations,
): { onDelete: string; onUpdate: string } | undefined {
  for (const association of Object.values(model.associations ?? {})) {
    if (association.associationType === 'BelongsTo' && association.foreignKey === key)
      return { onDelete: nullable ? 'SET NULL' : 'NO ACTION', onUpdate: 'CASCADE' };
  }
  // the associations of other models that put a key on this one: hasOne/hasMany on their target, belongsToMany on its junction
  for (const association of inbound.of(model.sequelize, model)) {
    if (association.foreignKey !== key && association.otherKey !== key) continue;
    return association.associationType === 'BelongsToMany'
      ? { onDelete: 'CASCADE', onUpdate: 'CASCADE' }
      : { onDelete: nullable ? 'SET NULL' : 'CASCADE', onUpdate: 'CASCADE' };
  }
  return undefined;
}

/**
 * The `belongsToMany` associations whose junction is `model` and whose two keys cover `fields`, in the words a user
 * wrote them: `User.belongsToMany(Collection, through collection_users)`. Sequelize adds a unique on both keys of
 * a junction (unless `through.unique` is false) and makes them the primary key of a junction it defines itself:
 * constraints no model declares, which a message names by the association that implies them.
 */
function impliedByAssociation(model: InitializedModel, fields: readonly string[], inbound: InboundAssociations): string[] | undefined {
  const uses = inbound.junctionOf(model.sequelize, model);
  if (uses.length === 0) return undefined;
  const table = modelTableName(model).name;
  const implying: string[] = [];
  for (const { owner, association } of uses) {
    // unique keys list columns, a primary key attributes: either spelling of the two keys
    const keys = [association.foreignKey, association.otherKey, association.identifierField, association.foreignIdentifierField];
    if (fields.every((field) => keys.includes(field))) {
      const alias = association.isAliased ? `, as ${association.as}` : '';
      implying.push(`${owner.name}.belongsToMany(${association.target?.name ?? '?'}${alias}, through ${table})`);
    }
  }
  return implying.length > 0 ? [...new Set(implying)] : undefined;
}

/**
 * Whether `model` is a `belongsToMany` junction whose every attribute is one of its associations' keys or a timestamp:
 * the model Sequelize defines for `through: 'name'`, which no one declared.
 */
function keyOnlyJunction(model: InitializedModel, inbound: InboundAssociations): boolean {
  const keys = new Set<string>();
  for (const { association } of inbound.junctionOf(model.sequelize, model)) {
    for (const key of [association.foreignKey, association.otherKey]) if (key !== undefined) keys.add(key);
  }
  if (keys.size === 0) return false;
  const timestamps = new Set(Object.values(model._timestampAttributes ?? {}));
  return Object.keys(tableAttributes(model)).every((key) => keys.has(key) || timestamps.has(key));
}

/** The attribute keys (not column names) of a model's primary key. */
function primaryKeyFields(model: InitializedModel): string[] {
  return Object.entries(tableAttributes(model))
    .filter(([, attribute]) => attribute.primaryKey)
    .map(([key]) => key);
}

/** What `sync()` creates columns for: `tableAttributes` leaves out VIRTUAL attributes. */
function tableAttributes(model: ModelLike): Readonly<Record<string, AttributeLike>> {
  if (model.tableAttributes) return model.tableAttributes;
  return Object.fromEntries(
    Object.entries(model.getAttributes()).filter(([, attribute]) => typeof attribute.type === 'string' || attribute.type.key !== 'VIRTUAL'),
  );
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

/**
 * `references.deferrable`: one of `Sequelize.Deferrable`'s classes (or an instance), which Sequelize writes after
 * REFERENCES as its `toString()` (`DEFERRABLE INITIALLY DEFERRED`); absent, or `Deferrable.NOT`, is NOT DEFERRABLE.
 */
function deferral(deferrable: unknown): { deferrable?: Deferrable } {
  if (deferrable === undefined || deferrable === null) return {};
  let text: string;
  try {
    text = String(deferrable);
  } catch {
    return {};
  }
  if (/INITIALLY DEFERRED/i.test(text)) return { deferrable: 'deferred' };
  if (/INITIALLY IMMEDIATE/i.test(text)) return { deferrable: 'immediate' };
  return {};
}
