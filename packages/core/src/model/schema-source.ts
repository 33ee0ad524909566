import type { SchemaModel } from './schema-model.ts';

/**
 * Something that declares tables: an adapter wraps one ORM registry in it. It is a single
 * verb on purpose, so that any ORM can be added without a base class.
 */
export interface SchemaSource {
  /** Shown in reports: `typeorm:AppDataSource`, `sequelize:default`. */
  readonly name: string;
  load(): Promise<LoadedSource>;
}

export interface LoadedSource {
  readonly schema: SchemaModel;
  /** What the adapter could read only in part; it throws only when it can produce nothing. */
  readonly problems: readonly SourceProblem[];
}

export interface SourceProblem {
  readonly type: 'unsupported-type' | 'unresolved-reference' | 'ignored-declaration';
  /** Where: `User.name`, `public.users`. */
  readonly ref: string;
  readonly message: string;
}
