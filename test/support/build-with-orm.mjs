// Builds a database with an ORM's own tooling from a module loaded as `ormdrift check` loads it
// (so that tsconfig paths, #imports and workspace packages resolve): Sequelize's sync() for an
// exported instance, TypeORM's schema sync for an exported DataSource, drizzle-kit's generated SQL
// for a Drizzle schema module.
//   node build-with-orm.mjs <module> <database url>     (cwd: the app)
import { createRequire } from 'node:module';
import { importModule } from 'ormdrift';

const [module, url] = process.argv.slice(2);
const require = createRequire(import.meta.url);
// a Sequelize instance is made at import time, with the app's DATABASE_URL
process.env.DATABASE_URL = url;
const exports = await importModule(module, process.cwd());
const sequelize = Object.values(exports).find((value) => typeof value?.sync === 'function' && typeof value?.getQueryInterface === 'function');
const dataSource = Object.values(exports).find((value) => value?.['@instanceof'] === Symbol.for('DataSource'));
if (sequelize) {
  await sequelize.sync();
  await sequelize.close();
} else if (dataSource) {
  dataSource.setOptions({ url, synchronize: true, logging: false });
  await dataSource.initialize();
  await dataSource.destroy();
} else {
  const { generateDrizzleJson, generateMigration } = require('drizzle-kit/api');
  const schema = exports.schema ?? exports;
  const statements = await generateMigration(generateDrizzleJson({}), generateDrizzleJson(schema));
  const pg = require('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  for (const statement of statements) await client.query(statement);
  await client.end();
}
