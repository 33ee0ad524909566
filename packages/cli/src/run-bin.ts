/**
 * The `ormdrift` command's process: output capture, exit trapping, the watchdog and interrupts around `runCli`.
 * Loaded by `bin.ts` once it has decided whether stack traces are source-mapped.
 */
import { runCli } from './cli.ts';
import { captureUserOutput } from './load/capture-user-output.ts';
import { trapProcessExit } from './load/trap-exit.ts';
import { installWatchdog } from './load/watchdog.ts';
import { handleInterrupts, interruptedBy } from './interrupt.ts';
import { stackFrames, thrownMessage } from './thrown-value.ts';

// Until the run has a result, any way the process ends is a failure, never a silent pass.
process.exitCode = 2;
const report = captureUserOutput();
const trap = trapProcessExit();
// Deadlines that hold even when a user module blocks the main thread in a loop.
const watchdog = installWatchdog();
// Its thread starts while the command reads its options: it must listen before a module loads.
void watchdog.ready();
handleInterrupts(trap.exit);
const debug = process.argv.includes('--debug');

// A user module's timer or callback that throws after loading must end the run in one line, not a stack trace and
// not Node's exit code 1 (which would read as "drift found").
const stray = (error: unknown) => {
  if (interruptedBy()) return; // the interruption is the run's outcome, and ends it
  const message = thrownMessage(error).replace(/\s*\n\s*/g, ' ');
  const expired = watchdog.takeExpired();
  if (expired !== undefined) process.stderr.write(`ormdrift: ${expired}\n`);
  else if (error instanceof Error && error.name === 'ModuleExitError') process.stderr.write(`ormdrift: ${message}\n`);
  else process.stderr.write(`ormdrift: a loaded module failed during the check: ${message} (run with --debug for the stack trace)\n`);
  if (debug && error instanceof Error) process.stderr.write(stackFrames(error));
  trap.exit(2);
};
process.on('uncaughtException', stray);
process.on('unhandledRejection', stray);

const code = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: report,
  stderr: process.stderr,
});
// interrupted: the signal handler exits once the embedded servers are gone
if (interruptedBy()) await new Promise(() => {});
const exitAttempt = trap.attempted();
if (exitAttempt && code !== 2) process.stderr.write(`ormdrift: ${exitAttempt.message}\n`);
await report.flush();
// End now: a loaded module may hold a timer, a socket or a pool open, which must not keep the process alive.
trap.exit(exitAttempt ? 2 : code);
