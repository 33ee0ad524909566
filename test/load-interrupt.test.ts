/**
 * Ctrl-C or SIGTERM while a user module is loading ends the run at once, with the shell's exit code and one line
 * naming the module, whether the module blocks the main thread in a loop (no signal handler of that thread can
 * run: the watchdog's thread hears the signal) or waits on a top-level await that never settles. The built CLI
 * runs as a user runs it.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliBin } from './support/run-cli.ts';

const fixtures = resolve(import.meta.dirname, 'fixtures/interrupt');
const exitCodes = { SIGINT: 130, SIGTERM: 143 } as const;

interface Interrupted {
  readonly code: number | null;
  readonly stderr: string;
  readonly stdout: string;
  /** From the signal to the process's end. */
  readonly ms: number;
}

/**
 * Runs `ormdrift check module` with a 60 s import timeout, waits until the module says `cue` on stderr (it is then
 * in its loop or its await), and sends `signal`.
 */
async function interruptWhileLoading(module: string, cue: string, signal: NodeJS.Signals): Promise<Interrupted> {
  // the module is loaded before any connection is made: the database is never reached
  const args = ['check', module, '--db', 'postgres://app@127.0.0.1:9/app', '--import-timeout', '60s'];
  const child = spawn(process.execPath, [cliBin, ...args], { cwd: fixtures, env: { ...process.env, DATABASE_URL: undefined } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const cued = new Promise<void>((done) =>
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes(`${cue}\n`)) done();
    }),
  );
  const closed = new Promise<number | null>((done) => child.on('close', done));
  await Promise.race([cued, closed.then((code) => Promise.reject(new Error(`ormdrift exited ${code} before the module's cue: ${stderr}`)))]);
  // a moment for the module to be well inside its loop, as a user's Ctrl-C would be
  await new Promise((done) => setTimeout(done, 300));
  const sent = performance.now();
  child.kill(signal);
  const code = await closed;
  return { code, stderr, stdout, ms: performance.now() - sent };
}

describe('interrupted while a module loads', () => {
  describe.each([
    ['busy-loop.cjs', 'looping', 'a CommonJS module looping inside require()'],
    ['busy-loop.mjs', 'looping', 'an ES module looping at its top level'],
    ['never-settles.mjs', 'waiting', 'an ES module whose top-level await never settles'],
  ])('%s (%s)', (module, cue) => {
    it.each(['SIGINT', 'SIGTERM'] as const)('%s: the signal exit code at once, one line naming the module', async (signal) => {
      const run = await interruptWhileLoading(module, cue, signal);
      expect(run.code).toBe(exitCodes[signal]);
      expect(run.ms).toBeLessThan(2_000);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(`${cue}\normdrift: interrupted by ${signal} while loading ${module}\n`);
    });
  });
});
