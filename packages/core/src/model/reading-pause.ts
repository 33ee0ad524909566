import { setImmediate } from 'node:timers/promises';

/**
 * How many tables an adapter maps between two pauses: about a millisecond of work at a time, so that a catalog read
 * started before the models (see `SchemaSource.schemas`) moves on while they are read.
 */
const tablesPerPause = 16;

/**
 * Pauses an adapter's reading after every {@link tablesPerPause} tables (`index` counts from 0) until the event loop
 * has handled pending I/O: node-postgres sends a check's next catalog query only when the answer to the previous one
 * is handled, which a synchronous loop over hundreds of models would hold back until it ends.
 */
export async function readingPause(index: number): Promise<void> {
  if (index % tablesPerPause === tablesPerPause - 1) await setImmediate();
}
