import { writeSync } from 'node:fs';
import { constants } from 'node:os';
import { stopEphemeralServers } from '@ormdrift/postgres';

const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let received: (typeof signals)[number] | undefined;

/**
 * Ends the run on Ctrl-C (SIGINT), SIGTERM or SIGHUP the way a shell expects: one line saying it was interrupted,
 * every embedded PostgreSQL stopped and its directory removed, then exit code 128 + the signal number (130, 143,
 * 129). Whatever fails afterwards because of the interruption (a terminal's Ctrl-C also reaches the embedded
 * server, whose connections then break) is not reported: see {@link interruptedBy}. A second signal exits at once
 * (the 'exit' handlers still remove the servers). `exit` is the real `process.exit`. The CLI's, not a library's.
 */
export function handleInterrupts(exit: (code: number) => never): void {
  for (const signal of signals) {
    process.on(signal, () => {
      const code = 128 + constants.signals[signal];
      if (received) exit(code);
      received = signal;
      writeSync(2, `ormdrift: interrupted by ${signal} before the run finished\n`);
      void stopEphemeralServers().finally(() => exit(code));
    });
  }
}

/** The signal that interrupted the run, if one did. */
export function interruptedBy(): string | undefined {
  return received;
}
