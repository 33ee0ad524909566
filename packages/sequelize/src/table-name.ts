import type { QualifiedName } from '@ormdrift/core';
import type { ModelLike, TableNameLike } from './sequelize-shapes.ts';

/**
 * Sequelize's own resolved table name (`getTableName()`): it has already applied `tableName`,
 * `freezeTableName`, pluralisation of the model name, `underscored` and `schema`. A model with
 * no schema lands wherever `search_path` points, `public` by default.
 */
export function modelTableName(model: ModelLike): QualifiedName {
  return qualify(model.getTableName(), 'public');
}

/**
 * The table a `references.model` points at, as `attributeToSQL()` resolves it: a table
 * object (what Sequelize stores when given a model) carries its own schema; a plain string
 * is a table name in the referencing table's schema (a model in `audit` with
 * `references: { model: 'users' }` points at `audit.users`, not `public.users`).
 */
export function referencedTableName(model: unknown, from: QualifiedName): QualifiedName | undefined {
  if (typeof model === 'string') return { schema: from.schema, name: model };
  if (typeof model === 'function' && typeof (model as Partial<ModelLike>).getTableName === 'function') return modelTableName(model as unknown as ModelLike);
  if (typeof model === 'object' && model !== null && typeof (model as { tableName?: unknown }).tableName === 'string')
    return qualify(model as TableNameLike, 'public');
  return undefined;
}

function qualify(name: TableNameLike, defaultSchema: string): QualifiedName {
  if (typeof name === 'string') return { schema: defaultSchema, name };
  return { schema: name.schema || defaultSchema, name: name.tableName };
}
