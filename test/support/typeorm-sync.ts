import type { DataSource } from 'typeorm';

/** Builds a database exactly as TypeORM's own schema sync does, then disconnects. */
export async function synchronize(dataSource: DataSource, url: string): Promise<void> {
  dataSource.setOptions({ url, synchronize: true, logging: false });
  await dataSource.initialize();
  await dataSource.destroy();
}
