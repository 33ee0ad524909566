import { createHash } from 'node:crypto';

/** The parts of a finding its key is made of. */
export interface FindingKeyParts {
  readonly code: string;
  readonly schema: string;
  readonly table?: string;
  readonly column?: string;
  /** A constraint's or index's columns, an enum type: what the finding is about besides the column. */
  readonly object?: string;
  readonly expected: unknown;
  readonly actual: unknown;
}

/**
 * `code:schema.table.column[object]:hash`, the hash being the first 12 hex digits of SHA-256 over
 * `expected` and `actual` as canonical JSON (sorted keys). Names on the database side (`actual.name`)
 * are left out: the database may have made them up, and they differ between databases.
 */
export function findingKey(parts: FindingKeyParts): string {
  const where = [parts.schema, parts.table, parts.column].filter((part) => part !== undefined).join('.');
  const object = parts.object ? `[${parts.object}]` : '';
  const hash = createHash('sha256')
    .update(canonicalJson({ expected: parts.expected, actual: withoutNames(parts.actual) }))
    .digest('hex')
    .slice(0, 12);
  return `${parts.code}:${where}${object}:${hash}`;
}

function withoutNames(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const { name: _, ...rest } = value as Record<string, unknown>;
  return rest;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
