import { writeSync } from 'node:fs';
import { constants } from 'node:os';
import { escapeText, type Introspector } from '@ormdrift/core';
import { stopEphemeralServers } from '@ormdrift/postgres';
import { currentWatchdog } from './load/watchdog.ts';

const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let received: (typeof signals)[number] | undefined;
const interruption = new AbortController();
/** The database reads in flight, each settled once its query is cancelled on the server (see {@link interruptible}). */
const reads = new Set<Promise<void>>();
/** How long an interrupted run waits for its catalog queries to be cancelled on the server before it exits. */
const cancelGraceMs = 1_000;

/**
 * Ends the run on Ctrl-C (SIGINT), SIGTERM or SIGHUP the way a shell expects: one line saying it was interrupted
 * (and while loading what, when a module was loading), every embedded PostgreSQL stopped and its directory removed,
 * then exit code 128 + the signal number (130, 143, 129). Whatever fails afterwards because of the interruption (a
 * terminal's Ctrl-C also reaches the embedded server, whose connections then break) is not reported: see
 * {@link interruptedBy}. A second signal exits at once (the 'exit' handlers still remove the servers). A catalog read
 * in flight (see {@link interruptible}) is cancelled on the server first, waiting for that at most 1 s. A module that
 * blocks the main thread (a loop at its top level) never lets this handler run: the watchdog's thread hears the
 * signal, stops the module's code, and the run ends the same way. `exit` is the real `process.exit`. The CLI's, not a
 * library's.
 */
export function handleInterrupts(exit: (code: number) => never): void {
  for (const signal of signals) {
    process.on(signal, () => {
      currentWatchdog()?.signalTaken();
      const code = 128 + constants.signals[signal];
      if (received) exit(code);
      received = signal;
      writeSync(2, interruptionLine(signal));
      // a catalog query left running would hold its locks and a connection until its statement_timeout
      interruption.abort(new Error(`interrupted by ${signal}`));
      void Promise.all([stopEphemeralServers(), withinGrace(Promise.all(reads))]).finally(() => exit(code));
    });
  }
  // the watchdog stopped a stuck module on a signal and Node ended the process before this thread's handler ran
  process.on('exit', () => {
    const stopped = currentWatchdog()?.stoppedBy();
    if (stopped === undefined || received) return;
    writeSync(2, interruptionLine(stopped));
    process.exitCode = 128 + constants.signals[stopped];
  });
}

/** "ormdrift: interrupted by SIGINT while loading models/user.mjs", or "... before the run finished". */
function interruptionLine(signal: NodeJS.Signals): string {
  const activity = currentWatchdog()?.activity();
  return `ormdrift: interrupted by ${signal} ${activity === undefined ? 'before the run finished' : `while ${escapeText(activity)}`}\n`;
}

/** The signal that interrupted the run, if one did (whether this thread's handler or the watchdog took it). */
export function interruptedBy(): string | undefined {
  return received ?? currentWatchdog()?.stoppedBy();
}

/**
 * Runs one database read with the run's interruption as its signal (with `own` too, when given), and counts it among
 * the reads in flight: on Ctrl-C or SIGTERM the signal aborts, `read` cancels its running query on the server
 * (`pg_cancel_backend`), and the signal handler waits for the read to settle (at most 1 s) before it exits. Outside
 * the CLI's bin, where no handler is installed, the signal never aborts.
 */
export function interruptibleRead<T>(read: (signal: AbortSignal) => Promise<T>, own?: AbortSignal): Promise<T> {
  const work = read(own ? AbortSignal.any([own, interruption.signal]) : interruption.signal);
  const settled = work.then(
    () => {},
    () => {},
  );
  reads.add(settled);
  void settled.then(() => reads.delete(settled));
  return work;
}

/** The introspector with every read an {@link interruptibleRead}: the introspector cancels its own running query. */
export function interruptible(introspector: Introspector): Introspector {
  const { compareLiterals, comparePredicates, indexKeyClasses } = introspector;
  return {
    introspect: (options = {}) => interruptibleRead((signal) => introspector.introspect({ ...options, signal }), options.signal),
    ...(compareLiterals
      ? {
          compareLiterals: (pairs, options = {}) =>
            interruptibleRead((signal) => compareLiterals.call(introspector, pairs, { ...options, signal }), options.signal),
        }
      : {}),
    ...(comparePredicates
      ? {
          comparePredicates: (pairs, options = {}) =>
            interruptibleRead((signal) => comparePredicates.call(introspector, pairs, { ...options, signal }), options.signal),
        }
      : {}),
    ...(indexKeyClasses
      ? {
          indexKeyClasses: (indexes, options = {}) =>
            interruptibleRead((signal) => indexKeyClasses.call(introspector, indexes, { ...options, signal }), options.signal),
        }
      : {}),
  };
}

/** `work`, or nothing once the grace for cancelling has passed: an interrupted run never waits long to exit. */
function withinGrace(work: Promise<unknown>): Promise<unknown> {
  return new Promise((done) => {
    const timer = setTimeout(done, cancelGraceMs);
    timer.unref();
    void work.finally(() => {
      clearTimeout(timer);
      done(undefined);
    });
  });
}
