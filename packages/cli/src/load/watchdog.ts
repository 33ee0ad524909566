import { writeSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { escapeText } from '@ormdrift/core';

/**
 * The watchdog's own thread. It keeps one timer per armed deadline on its own event loop; when one expires it records
 * which in shared memory and stops the JavaScript the main thread is running through the inspector protocol
 * (`Runtime.terminateExecution`, which V8 accepts from another thread).
 * Plain CommonJS, evaluated as is: it must not depend on the loader it watches.
 */
const watchdogSource = `
const { parentPort, workerData } = require('node:worker_threads');
const { Session } = require('node:inspector');
const state = new Int32Array(workerData.state);
const timers = new Map();
parentPort.on('message', (message) => {
  if (message.type === 'arm') {
    timers.set(message.id, setTimeout(() => {
      if (Atomics.compareExchange(state, 0, 0, message.id) !== 0) return;
      const session = new Session();
      session.connectToMainThread();
      session.post('Runtime.terminateExecution');
      // disconnected at once, queued behind the command: a session still open when the main thread exits makes Node
      // print "Waiting for the debugger to disconnect..." (waiting for the command's answer left that race open)
      session.disconnect();
    }, message.ms));
  } else {
    clearTimeout(timers.get(message.id));
    timers.delete(message.id);
  }
});
`;

/** Disarms a deadline; safe to call twice. */
export type Disarm = () => void;

export interface Watchdog {
  /**
   * Arms a deadline of `ms` milliseconds. When it expires before it is disarmed, the main thread's JavaScript is
   * stopped, even when it is stuck in synchronous code that never yields (a busy loop at a module's top level),
   * and the run ends with exit code 2 and `message` as its one line of error (see {@link Watchdog.takeExpired}).
   */
  arm(ms: number, message: string): Disarm;
  /**
   * The message of the deadline that expired, if one did; the caller reports it (as the run's error, instead of
   * whatever the stopped code threw) and it is not printed again at exit.
   */
  takeExpired(): string | undefined;
}

let installed: Watchdog | undefined;

/**
 * Installs the process's watchdog: a worker thread, started on the first `arm`. A timer on the main thread cannot
 * end a synchronous loop that blocks it, and a child process could only kill this one by a signal (exit code 137,
 * not 2, and no 'exit' handlers to remove the embedded server); a worker thread has its own event loop, shares the
 * process, and can stop the main thread's JavaScript (V8's TerminateExecution through the inspector protocol, which
 * needs no debugger). Node then either resumes the event loop (the CLI reports the expired deadline as its error) or
 * ends the process; at exit, an expired deadline nobody reported is written to standard error and the exit code
 * becomes 2. Only the CLI installs it: a library caller's process is not ours to stop.
 */
export function installWatchdog(): Watchdog {
  if (installed) return installed;
  let worker: Worker | undefined;
  // 0 while no deadline expired, else the id of the one that did (written by the worker)
  const state = new Int32Array(new SharedArrayBuffer(4));
  const messages = new Map<number, string>();
  let reported = false;
  let next = 0;
  const takeExpired = (): string | undefined => {
    const id = Atomics.load(state, 0);
    if (id === 0 || reported) return undefined;
    reported = true;
    return messages.get(id);
  };
  const start = (): Worker => {
    if (worker) return worker;
    worker = new Worker(watchdogSource, { eval: true, workerData: { state: state.buffer }, stdout: false, stderr: false });
    worker.unref();
    process.on('exit', () => {
      if (Atomics.load(state, 0) === 0) return;
      const message = takeExpired();
      if (message !== undefined) writeSync(2, `ormdrift: ${escapeText(message)}\n`);
      process.exitCode = 2;
    });
    return worker;
  };
  installed = {
    arm(ms, message) {
      const id = ++next;
      messages.set(id, message);
      start().postMessage({ type: 'arm', id, ms });
      let armed = true;
      return () => {
        if (!armed) return;
        armed = false;
        worker?.postMessage({ type: 'disarm', id });
      };
    },
    takeExpired,
  };
  return installed;
}

/** The watchdog the CLI installed, if any. */
export function currentWatchdog(): Watchdog | undefined {
  return installed;
}
