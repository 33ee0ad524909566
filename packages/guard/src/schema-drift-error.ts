import { reporters, type CheckResult, type Finding } from '@ormdrift/core';

/**
 * The database does not match the models: `findings` lists every difference (as in the JSON report), `result` is
 * the whole check, and the message is the text report without colours, grouped by table with what the models
 * expect and what the database has.
 */
export class SchemaDriftError extends Error {
  override readonly name = 'SchemaDriftError';
  declare readonly findings: readonly Finding[];
  declare readonly result: CheckResult;
  constructor(result: CheckResult) {
    super(`ormdrift: the database does not match the models\n\n${reporters.text({ color: false }).render(result).trimEnd()}`);
    // not enumerable: Node prints an uncaught error's own enumerable fields after its stack, and the message already
    // holds the report (the whole result would be over a thousand lines)
    Object.defineProperties(this, { result: { value: result }, findings: { value: result.findings } });
  }
}

/** The check took longer than the time allowed for it; it was stopped and its connections dropped. */
export class SchemaCheckTimeoutError extends Error {
  override readonly name = 'SchemaCheckTimeoutError';
  constructor(
    /** The time allowed, in milliseconds. */
    readonly timeoutMs: number,
    options?: { cause?: unknown },
  ) {
    super(
      `ormdrift: the schema check timed out after ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Number((timeoutMs / 1000).toFixed(1))} s`} and was stopped: ` +
        'the database did not answer in time (is it reachable and not locked?); raise timeoutMs if it is only slow',
      options,
    );
  }
}
