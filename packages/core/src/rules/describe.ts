import type { ColumnShape } from '../check/finding-sides.ts';
import type { ColumnModel, ColumnType, Deferrable, QualifiedName, TableModel } from '../model/schema-model.ts';
import { formatColumnType } from '../normalize/column-type.ts';
import { canonicalDefault } from '../normalize/default-expression.ts';
import { displayName } from '../model/qualified-name.ts';
import { columnListAsPrinted, identifierAsPrinted, qualifiedAsPrinted } from '../sql/quote.ts';

/** The column shape findings carry in `expected` / `actual`. */
export function columnShape(column: ColumnModel): ColumnShape {
  return {
    type: formatColumnType(column.type),
    nullable: column.nullable,
    default:
      column.generated !== null
        ? `generated always as (${column.generated}) stored`
        : column.identity
          ? `generated ${column.identity === 'always' ? 'always' : 'by default'} as identity`
          : displayDefault(column),
  };
}

/** How messages name an expected side that is a database (`ormdrift diff`); undefined when it is models. */
function expectedDatabase(table: Pick<TableModel, 'sources'>): string | undefined {
  const first = table.sources[0]?.database;
  return first !== undefined && table.sources.every((source) => source.database === first) ? first : undefined;
}

/** Who writes the rows: "the ORM" when the expected side is models, "the application" when it is a database. */
export function writer(table: TableModel): string {
  return expectedDatabase(table) === undefined ? 'the ORM' : 'the application';
}

/**
 * The verb for what the expected side holds: "declares" for models; "has" for a database (`ormdrift diff`),
 * or "does not declare" / "does not have" when `holds` is false.
 */
export function declares(table: Pick<TableModel, 'sources'>, holds = true): string {
  if (expectedDatabase(table) === undefined) return holds ? 'declares' : 'does not declare';
  return holds ? 'has' : 'does not have';
}

/**
 * "declared by User (typeorm)", "implied by Post.tags (@ManyToMany, @JoinTable)" for a junction table no model
 * declares, or for a database "in the database at db/app": where an expected object comes from.
 */
export function declaredIn(table: Pick<TableModel, 'sources' | 'impliedBy'> & QualifiedName, models?: string): string {
  const database = expectedDatabase(table);
  if (database !== undefined) return `in ${database}`;
  if (models === undefined && implying(table)) return `implied by ${implying(table)}`;
  return `declared by ${models ?? declaredBy(table)}`;
}

/** The associations that imply a table no model declares, joined: `A and B`; undefined for a declared table. */
function implying(table: Pick<TableModel, 'impliedBy'>): string | undefined {
  return table.impliedBy && table.impliedBy.length > 0 ? table.impliedBy.join(' and ') : undefined;
}

/**
 * "User (typeorm)" or "User (typeorm), Account (sequelize)": who declared a table; for a junction table no model
 * declares, the associations that imply it: "the junction table of Post.tags (@ManyToMany, @JoinTable)".
 */
export function declaredBy(table: Pick<TableModel, 'sources' | 'impliedBy'> & QualifiedName): string {
  const database = expectedDatabase(table);
  if (database !== undefined) return database;
  const associations = implying(table);
  if (associations) return `the junction table of ${associations}`;
  const names = table.sources.map((source) => `${source.model ?? displayName(table)} (${source.orm})`);
  return [...new Set(names)].join(', ') || 'the models';
}

/**
 * How a message names a table: as PostgreSQL prints it, so it pastes into SQL (`users`, `"Users"`,
 * `audit."order"`). Findings' `table` / `schema` fields and keys keep the raw names.
 */
export function tableRef(table: QualifiedName): string {
  return qualifiedAsPrinted(table);
}

/** How a message names a column: `users.email`, `"Users"."userId"`. */
export function columnRef(table: QualifiedName, column: string): string {
  return `${qualifiedAsPrinted(table)}.${identifierAsPrinted(column)}`;
}

/** A column list as a message prints it: `(id, "userId")`. */
export function columnList(columns: readonly string[]): string {
  return columnListAsPrinted(columns);
}

/** A constraint's, index's or sequence's name as a message prints it: `users_email_key`, `"UQ_users_email"`. */
export function objectName(name: string): string {
  return identifierAsPrinted(name);
}

/**
 * A column type as a message prints it: `format_type()`'s spelling, with an enum type schema-qualified
 * outside `public` and quoted where PostgreSQL would quote it (`audit.status`, `"enum_Users_role"[]`).
 * The finding's `expected` / `actual` keep `formatColumnType`'s spelling, which keys are made of.
 */
export function typeText(type: ColumnType): string {
  if (!type.enum) return formatColumnType(type);
  return `${qualifiedAsPrinted(type.enum)}${type.arrayDims > 0 ? '[]' : ''}`;
}

/** A default as a user reads it: `0` rather than an ORM's `'0'`; other expressions as written. */
function displayDefault(column: ColumnModel): string | null {
  const canonical = canonicalDefault(column.default, column.type);
  if (canonical === null) return null;
  return /^(-?\d+(\.\d+)?|true|false)$/.test(canonical) ? canonical : column.default;
}

/** ORM names as their projects spell them. */
const ormNames: Readonly<Record<string, string>> = { typeorm: 'TypeORM', sequelize: 'Sequelize', drizzle: 'Drizzle' };

/** An ORM as its project spells it: `Sequelize` for `sequelize`. */
export function ormName(orm: string): string {
  return ormNames[orm] ?? orm;
}

/** The ORM whose default a table's inherited properties are: the first source's. */
export function inheritedFrom(table: TableModel): string {
  return table.sources[0]?.orm ?? 'the ORM';
}

/** "nullable by Sequelize's default; the model does not say": appended to a finding on an inherited property. */
export function inheritedNote(what: string, orm: string): string {
  return `${what} by ${ormNames[orm] ?? orm}'s default; the model does not say`;
}

/** `DEFERRABLE INITIALLY DEFERRED`, as the constraint's DDL spells it. */
export function deferralText(deferrable: Deferrable | undefined): string {
  if (deferrable === undefined) return 'NOT DEFERRABLE';
  return deferrable === 'deferred' ? 'DEFERRABLE INITIALLY DEFERRED' : 'DEFERRABLE INITIALLY IMMEDIATE';
}

/** The predicate of a database index or unique as the database holds it (`pg_get_expr`), not as a model re-spelled it. */
export function heldPredicate(object: { readonly where?: string; readonly heldWhere?: string }): string | undefined {
  return object.heldWhere ?? object.where;
}
