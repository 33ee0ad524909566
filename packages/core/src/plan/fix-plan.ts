import type { SchemaChange } from '../diff/schema-change.ts';
import type { FixOperation } from './fix-operation.ts';

/**
 * One step of a fix: the operation, the operations that undo it, and the change it came from
 * (Atlas's `Change{Cmd, Reverse, Source}`). `up.sql` is every `operation` in order; `down.sql`
 * every `reverse`, in the opposite order.
 */
export interface FixStep {
  readonly operation: FixOperation;
  /** Run in this order to undo `operation`; empty when it needs no undoing of its own. */
  readonly reverse: readonly FixOperation[];
  readonly source: SchemaChange;
}

/** A change no automatic fix is safe for, and why: `up.sql` lists it as a comment. */
export interface FixNote {
  readonly change: SchemaChange;
  /** What differs: a column's `type`, `nullability`, `default`, or a whole object. */
  readonly topic: FixNoteTopic;
  /** Where, as a report names it: `users.email`, `audit.events`, `type mood`. */
  readonly subject: string;
  readonly reason: string;
}

export type FixNoteTopic =
  | 'type'
  | 'nullability'
  | 'default'
  | 'identity'
  | 'foreign-key-actions'
  | 'unique-nulls'
  | 'unique-partial'
  | 'unique-deferral'
  | 'unique-index'
  | 'unique-name-taken'
  | 'unique-in-database'
  | 'invalid-index'
  | 'partial-index'
  | 'larger-index'
  | 'index-parameters'
  | 'index-definition'
  | 'extra-column'
  | 'extra-table'
  | 'expression-index'
  | 'registry-conflict'
  | 'check'
  | 'exclusion'
  | 'extra-constraint';

/** A planned fix as data: rendered to SQL by `renderFix`. */
export interface FixPlan {
  /** In the order they must run: enums, tables (referenced ones first), columns, defaults, keys, indexes, foreign keys. */
  readonly up: readonly FixStep[];
  /** What undoes `up`, in reverse order; it removes only what `up` adds. */
  readonly down: readonly { readonly operation: FixOperation; readonly source: SchemaChange }[];
  readonly notes: readonly FixNote[];
}
