import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { runCli as runCliInProcess } from 'ormdrift';

const cliPackage = dirname(createRequire(import.meta.url).resolve('ormdrift/package.json'));

/** The built bin, run as a user runs it. */
export const cliBin = join(cliPackage, 'bundle/bin.js');

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

export function runCli(args: readonly string[], options: { cwd: string; env?: Record<string, string | undefined> }): Promise<CliRun> {
  const started = performance.now();
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, DATABASE_URL: undefined, ...options.env };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliBin, ...args], { cwd: options.cwd, env: env as NodeJS.ProcessEnv });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: performance.now() - started }));
  });
}

/**
 * The CLI's own entry (`runCli` of the `ormdrift` package) in this process, with `cwd` and `env` (default: none of the
 * test's variables) as its process surface: for tests about what a command prints, not about the process that prints
 * it (signals, exit, the bin's loader threads). It spawns nothing, so it costs no Node start-up nor module loading.
 */
export async function runCliHere(args: readonly string[], options: { cwd: string; env?: Record<string, string | undefined> }): Promise<CliRun> {
  const started = performance.now();
  let stdout = '';
  let stderr = '';
  const code = await runCliInProcess(args, {
    cwd: options.cwd,
    env: options.env ?? {},
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr, ms: performance.now() - started };
}

/** Exit 2, nothing on stdout, exactly one line on stderr matching `pattern`, no stack trace. */
export function expectOneLineError(run: CliRun, pattern: RegExp): void {
  expect(run.stderr.trimEnd()).toMatch(pattern);
  expect(run.stdout).toBe('');
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.code).toBe(2);
}
