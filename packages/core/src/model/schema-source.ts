import type { SchemaModel } from './schema-model.ts';

/**
 * Something that declares tables: an adapter wraps one ORM registry in it. It is a single
 * verb on purpose, so that any ORM can be added without a base class.
 */
export interface SchemaSource {
  /** Shown in reports: `typeorm:AppDataSource`, `sequelize:default`. */
  readonly name: string;
  load(): Promise<LoadedSource>;
  /**
   * The schemas the source's tables, enum types and sequences live in and its foreign keys point into, when the
   * ORM already knows them without `load()` (metadata built when the app started): a check then reads the
   * database while the models are read. A guess that proves wrong after `load()` costs a second read, never a
   * wrong result. Undefined when not known cheaply; must not throw.
   */
  schemas?(): readonly string[] | undefined;
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
