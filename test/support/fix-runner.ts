import pg from 'pg';
import { planFix, renderFix, type CheckResult, type FixScripts } from '@ormdrift/core';

/** What the server said while a script ran: its NOTICEs and WARNINGs, in order. */
export interface ScriptRun {
  readonly notices: readonly string[];
}

/**
 * Runs SQL text the way psql -f does with ON_ERROR_STOP: as one simple query per batch,
 * collecting the server's notices. Throws on the first error.
 */
export async function runSql(url: string, batches: readonly string[]): Promise<ScriptRun> {
  const client = new pg.Client({ connectionString: url });
  const notices: string[] = [];
  client.on('notice', (notice) => notices.push(`${notice.severity ?? 'NOTICE'}: ${notice.message}`));
  await client.connect();
  try {
    for (const batch of batches) await client.query(batch);
    return { notices };
  } finally {
    await client.end();
  }
}

/** The fix a check result asks for, as the CLI writes it. */
export function fixScripts(result: CheckResult, options: { concurrently?: boolean } = {}): FixScripts {
  return renderFix(planFix(result, options));
}

/** The codes of findings about something the database lacks. */
export function missingFindings(result: CheckResult): string[] {
  return result.findings
    .filter((finding) => finding.code.startsWith('missing-'))
    .map((finding) => `${finding.code} ${finding.schema}.${finding.table}${finding.column ? `.${finding.column}` : ''}`);
}
