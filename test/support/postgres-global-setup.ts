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
  const server = await startTestServer(major);
  project.provide('postgresUrl', server.url);
  project.provide('postgresMajor', major);
  return () => server.stop();
}
