import type { QualifiedName } from '../model/schema-model.ts';

const maxIdentifierBytes = 63;

/**
 * Names for the constraints and indexes a fix creates when the model gives none, in PostgreSQL's
 * own convention (`users_pkey`, `users_email_key`, `posts_author_id_fkey`, `posts_slug_idx`),
 * cut to 63 bytes like `makeObjectName` does, and made unique per schema with a number
 * (`_key1`) as PostgreSQL does. Explicit names are kept; both kinds are remembered.
 */
export class ObjectNames {
  readonly #taken = new Set<string>();

  /** Reserves a name the model gave. */
  keep(schema: string, name: string): string {
    this.#taken.add(`${schema}\u0000${name}`);
    return name;
  }

  /** A free name for `<table>_<columns>_<suffix>` (or `<table>_<suffix>` for a primary key). */
  choose(table: QualifiedName, columns: readonly string[], suffix: 'pkey' | 'key' | 'fkey' | 'idx' | 'check' | 'excl'): string {
    const base = [table.name, ...columns].join('_');
    for (let attempt = 0; ; attempt++) {
      const tail = `_${suffix}${attempt === 0 ? '' : attempt}`;
      const name = clip(base, maxIdentifierBytes - Buffer.byteLength(tail)) + tail;
      if (!this.#taken.has(`${table.schema}\u0000${name}`)) return this.keep(table.schema, name);
    }
  }
}

/** The first `bytes` bytes of `text`, never cutting a multi-byte character in half. */
function clip(text: string, bytes: number): string {
  const buffer = Buffer.from(text, 'utf8');
  if (buffer.length <= bytes) return text;
  let end = bytes;
  while (end > 0 && ((buffer[end] ?? 0) & 0xc0) === 0x80) end--;
  return buffer.subarray(0, end).toString('utf8');
}
