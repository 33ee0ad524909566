import type { ColumnShape } from '../check/finding-sides.ts';
import type { ColumnModel, Deferrable, TableModel } from '../model/schema-model.ts';
import { formatColumnType } from '../normalize/column-type.ts';
import { canonicalDefault } from '../normalize/default-expression.ts';
import { displayName } from '../model/qualified-name.ts';

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

/** "User (typeorm)" or "User (typeorm), Account (sequelize)": who declared a table. */
export function declaredBy(table: TableModel): string {
  const names = table.sources.map((source) => `${source.model ?? displayName(table)} (${source.orm})`);
  return [...new Set(names)].join(', ') || 'the models';
}

export function columnRef(table: TableModel, column: string): string {
  return `${displayName(table)}.${column}`;
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
