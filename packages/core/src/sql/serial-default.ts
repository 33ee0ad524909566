import type { QualifiedName } from '../model/schema-model.ts';
import { postgresObjectName } from './postgres-identifier.ts';
import { qualifiedAsPrinted } from './quote.ts';

/**
 * The default PostgreSQL gives a `serial` column (`bigserial`, `smallserial`, Sequelize's `autoIncrement`, TypeORM's
 * `@PrimaryGeneratedColumn()` / `@Generated('increment')`), as `pg_get_expr()` prints it under the search path the
 * introspector pins (`pg_catalog, public`): `nextval('<sequence>'::regclass)`. The sequence is the one PostgreSQL
 * names `<table>_<column>_seq` in the table's schema, shortened to fit 63 bytes; `regclass` output prints it quoted
 * where it must be and qualified by its schema outside `public`, and the string literal doubles its single quotes:
 * `nextval('users_id_seq'::regclass)`, `nextval('inventory."widgets_serialNo_seq"'::regclass)`.
 */
export function serialDefault(table: QualifiedName, column: string): string {
  const sequence = qualifiedAsPrinted({ schema: table.schema, name: postgresObjectName(table.name, column, 'seq') });
  return `nextval('${sequence.replace(/'/g, "''")}'::regclass)`;
}
