import type { ReferentialAction } from './schema-model.ts';

const actions: ReadonlySet<string> = new Set<ReferentialAction>(['NO ACTION', 'RESTRICT', 'CASCADE', 'SET NULL', 'SET DEFAULT']);

/**
 * An ORM's spelling of a foreign-key action (`cascade`, `SET NULL`, `set_null`, `no action`) as
 * PostgreSQL's. Absent, or unknown, is PostgreSQL's default: NO ACTION.
 */
export function referentialAction(text: string | null | undefined): ReferentialAction {
  const action = (text ?? '')
    .trim()
    .toUpperCase()
    .replace(/[_\s]+/g, ' ');
  return actions.has(action) ? (action as ReferentialAction) : 'NO ACTION';
}
