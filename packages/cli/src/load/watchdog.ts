import { writeSync } from 'node:fs';
import { constants } from 'node:os';
import { Worker } from 'node:worker_threads';
import { escapeText } from '@ormdrift/core';

/**
 * The watchdog's own thread. It keeps one timer per armed deadline on its own event loop; when one expires it records
 * which in shared memory and stops the JavaScript the main thread is running through the inspector protocol
 * (`Runtime.terminateExecution`, which V8 accepts from another thread).
 * It also hears SIGINT, SIGTERM and SIGHUP: a signal handler registered with `process.on` runs on the main thread's
 * event loop, which a module looping at its top level never lets turn. Node delivers signals to worker threads' own
 * `process.on` listeners not at all, but libuv wakes every event loop that holds a signal handle, and Node's
 * `signal_wrap` binding (the one `process.on` uses, reached through `process.binding`) gives this thread one. When a
 * signal arrives while a deadline is armed and the main thread does not take it within `ackMs` (its handler sets
 * `state[1]`), the main thread is stopped the same way and `state[0]` holds minus the signal's number.
 * Plain CommonJS, evaluated as is: it must not depend on the loader it watches.
 */
const watchdogSource = `
const { parentPort, workerData } = require('node:worker_threads');
const { Session } = require('node:inspector');
const state = new Int32Array(workerData.state);
const timers = new Map();
const stop = (reason) => {
  if (Atomics.compareExchange(state, 0, 0, reason) !== 0) return;
  const session = new Session();
  session.connectToMainThread();
  session.post('Runtime.terminateExecution');
  // disconnected at once, queued behind the command: a session still open when the main thread exits makes Node
  // print "Waiting for the debugger to disconnect..." (waiting for the command's answer left that race open)
  session.disconnect();
};
let Signal;
try {
  // process.binding is deprecated in favour of public APIs, none of which hears a signal off the main thread; its
  // warning (DEP0111) is silenced for this thread only (each thread has its own process object)
  process.noDeprecation = true;
  Signal = process.binding('signal_wrap').Signal;
} catch {
  // without it, a signal waits for the main thread (or for the deadline), as it did before
}
for (const number of Signal ? workerData.signals : []) {
  const handle = new Signal();
  handle.onsignal = () => {
    if (timers.size === 0) return;
    setTimeout(() => {
      if (timers.size > 0 && Atomics.load(state, 1) === 0) stop(-number);
    }, workerData.ackMs);
  };
  if (handle.start(number) === 0) handle.unref();
  else handle.close();
}
parentPort.postMessage({ type: 'ready' });
parentPort.on('message', (message) => {
  if (message.type === 'arm') {
    timers.set(message.id, setTimeout(() => stop(message.id), message.ms));
  } else {
    clearTimeout(timers.get(message.id));
    timers.delete(message.id);
  }
});
`;

/** The signals the watchdog hears for a main thread that is stuck, by name and number. */
const watchedSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** How long a signal is left to the main thread's own handler before the watchdog takes the main thread to be stuck. */
const signalAckMs = 200;

/** Disarms a deadline; safe to call twice. */
export type Disarm = () => void;

export interface Watchdog {
  /**
   * Arms a deadline of `ms` milliseconds, for `activity` when given (what the main thread is doing, as the line of an
   * interruption says it: "loading src/models/user.mjs"). When it expires before it is disarmed, the main thread's JavaScript is stopped,
   * even when it is stuck in synchronous code that never yields (a busy loop at a module's top level), and the run
   * ends with exit code 2 and `message` as its one line of error (see {@link Watchdog.takeExpired}). While it is
   * armed, a SIGINT, SIGTERM or SIGHUP that the main thread does not take at once stops it too (see
   * {@link Watchdog.stoppedBy}).
   */
  arm(ms: number, message: string, activity?: string): Disarm;
  /**
   * The message of the deadline that expired, if one did; the caller reports it (as the run's error, instead of
   * whatever the stopped code threw) and it is not printed again at exit.
   */
  takeExpired(): string | undefined;
  /**
   * Starts the watchdog's thread if it is not running and resolves once it listens (for signals, and for deadlines):
   * a thread takes a few hundred milliseconds to start on a busy machine, and a Ctrl-C sent before it listens would
   * wait for the main thread. Awaited before a module loads; started early by the CLI so that the wait is short.
   */
  ready(): Promise<void>;
  /** The activity of the most recently armed deadline that is still armed and has one, if any. */
  activity(): string | undefined;
  /**
   * Said by the main thread's own signal handler as soon as it runs: the main thread is not stuck, and the watchdog
   * leaves the signal to it.
   */
  signalTaken(): void;
  /** The signal on which the watchdog stopped a main thread that did not take it, if it did. */
  stoppedBy(): NodeJS.Signals | undefined;
}

let installed: Watchdog | undefined;

/**
 * Installs the process's watchdog: a worker thread, started on the first `arm`. A timer on the main thread cannot
 * end a synchronous loop that blocks it, and a child process could only kill this one by a signal (exit code 137,
 * not 2, and no 'exit' handlers to remove the embedded server); a worker thread has its own event loop, shares the
 * process, and can stop the main thread's JavaScript (V8's TerminateExecution through the inspector protocol, which
 * needs no debugger). Node then either resumes the event loop (the CLI reports the expired deadline as its error, or
 * its signal handler the interruption) or ends the process; at exit, an expired deadline nobody reported is written to
 * standard error and the exit code becomes 2 (an interruption is the signal handler's to report: see
 * `handleInterrupts`). Only the CLI installs it: a library caller's process is not ours to stop.
 */
export function installWatchdog(): Watchdog {
  if (installed) return installed;
  let worker: Worker | undefined;
  // [0]: 0 while the main thread runs on, else why the worker stopped it: the id of the deadline that expired, or
  // minus the number of the signal it did not take; [1]: 1 once the main thread's signal handler ran
  const state = new Int32Array(new SharedArrayBuffer(8));
  const messages = new Map<number, string>();
  const activities = new Map<number, string>();
  let reported = false;
  let next = 0;
  const takeExpired = (): string | undefined => {
    const id = Atomics.load(state, 0);
    if (id <= 0 || reported) return undefined;
    reported = true;
    return messages.get(id);
  };
  let listening: Promise<void> | undefined;
  const start = (): Worker => {
    if (worker) return worker;
    worker = new Worker(watchdogSource, {
      eval: true,
      workerData: { state: state.buffer, signals: watchedSignals.map((name) => constants.signals[name]), ackMs: signalAckMs },
      stdout: false,
      stderr: false,
    });
    worker.unref();
    const started = worker;
    listening = new Promise<void>((resolve) => {
      started.once('message', () => resolve());
      // a thread that cannot start leaves the deadlines to the main thread's timers
      started.once('error', () => resolve());
    });
    process.on('exit', () => {
      if (Atomics.load(state, 0) <= 0) return;
      const message = takeExpired();
      if (message !== undefined) writeSync(2, `ormdrift: ${escapeText(message)}\n`);
      process.exitCode = 2;
    });
    return worker;
  };
  installed = {
    arm(ms, message, activity) {
      const id = ++next;
      messages.set(id, message);
      if (activity !== undefined) activities.set(id, activity);
      start().postMessage({ type: 'arm', id, ms });
      let armed = true;
      return () => {
        if (!armed) return;
        armed = false;
        activities.delete(id);
        worker?.postMessage({ type: 'disarm', id });
      };
    },
    takeExpired,
    ready() {
      start();
      return listening ?? Promise.resolve();
    },
    activity: () => [...activities.values()].at(-1),
    signalTaken: () => void Atomics.store(state, 1, 1),
    stoppedBy() {
      const reason = Atomics.load(state, 0);
      return reason < 0 ? watchedSignals.find((name) => constants.signals[name] === -reason) : undefined;
    },
  };
  return installed;
}

/** The watchdog the CLI installed, if any. */
export function currentWatchdog(): Watchdog | undefined {
  return installed;
}
