import type { Finding } from '../check/finding.ts';

/** The baseline file format this version writes and reads. */
export const baselineVersion = 1;

/** One accepted finding key and how many findings had it when the baseline was recorded. */
export interface BaselineEntry {
  /** A finding's stable key (`code:schema.table.column[object]:hash`), as in the JSON report. */
  readonly key: string;
  readonly count: number;
}

/**
 * A baseline: the findings a team accepts today, by key, so that a check fails only on new drift.
 * Written sorted by key with one entry per line-group, so that a change to it reads well in a diff.
 */
export interface Baseline {
  readonly version: typeof baselineVersion;
  readonly entries: readonly BaselineEntry[];
}

/** Thrown for a baseline file that is not one: bad JSON, another version, a malformed entry. */
export class BaselineFormatError extends Error {
  override readonly name = 'BaselineFormatError';
}

/** The baseline of these findings: one entry per key with its count, sorted by key. */
export function createBaseline(findings: readonly Finding[]): Baseline {
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(finding.key, (counts.get(finding.key) ?? 0) + 1);
  return { version: baselineVersion, entries: sortEntries([...counts].map(([key, count]) => ({ key, count }))) };
}

/**
 * The baseline without what no longer occurs: each entry's count lowered to how many findings still have
 * its key, entries at zero removed. Nothing is added: new findings stay new. Entries of the `off` codes (the
 * result's `off`) are kept as they are: the check did not look for them.
 */
export function pruneBaseline(baseline: Baseline, findings: readonly Finding[], off: readonly string[] = []): Baseline {
  const current = createBaseline(findings);
  const counts = new Map(current.entries.map((entry) => [entry.key, entry.count]));
  const unchecked = uncheckedEntry(off);
  const entries = baseline.entries
    .map((entry) => (unchecked(entry) ? entry : { key: entry.key, count: Math.min(entry.count, counts.get(entry.key) ?? 0) }))
    .filter((entry) => entry.count > 0);
  return { version: baselineVersion, entries: sortEntries(entries) };
}

/** The file's text: stable (sorted, two-space JSON, one trailing newline), so that rewriting an unchanged baseline changes nothing. */
export function serializeBaseline(baseline: Baseline): string {
  const document = {
    version: baseline.version,
    tool: 'ormdrift',
    description: 'Findings accepted by `ormdrift baseline`; `ormdrift check --baseline` reports only the others.',
    findings: sortEntries(baseline.entries).map((entry) => ({ key: entry.key, count: entry.count })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/**
 * Reads a baseline file's text. Throws `BaselineFormatError` with the reason and what to do when the text
 * is not JSON, its `version` is not one this ormdrift reads, or an entry lacks a key or a positive count.
 */
export function parseBaseline(text: string): Baseline {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (cause) {
    throw new BaselineFormatError(`not JSON (${(cause as Error).message}): write it again with ormdrift baseline`, { cause });
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document))
    throw new BaselineFormatError('not a baseline: expected an object with version and findings');
  const record = document as { version?: unknown; findings?: unknown };
  if (record.version !== baselineVersion) {
    throw new BaselineFormatError(
      `version ${JSON.stringify(record.version)} is not one this ormdrift reads (${baselineVersion}): write it again with ormdrift baseline`,
    );
  }
  if (!Array.isArray(record.findings)) throw new BaselineFormatError('not a baseline: findings must be a list');
  const entries = record.findings.map((entry: unknown, index) => {
    const { key, count } = (entry ?? {}) as { key?: unknown; count?: unknown };
    if (typeof key !== 'string' || key === '' || !Number.isInteger(count) || (count as number) < 1) {
      throw new BaselineFormatError(`entry ${index + 1} needs a key and a count of at least 1`);
    }
    return { key, count: count as number };
  });
  return { version: baselineVersion, entries: sortEntries(entries) };
}

function sortEntries(entries: readonly BaselineEntry[]): BaselineEntry[] {
  return [...entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Whether an entry is of one of the `off` codes (a key starts with its code): a run with the code off cannot tell it fixed. */
export function uncheckedEntry(off: readonly string[]): (entry: BaselineEntry) => boolean {
  const codes = new Set(off);
  return (entry) => codes.has(entry.key.slice(0, entry.key.indexOf(':')));
}
