/**
 * The tools the benchmark times, each as `prepare(app)` (imports, builds metadata, connects: what
 * a whole process pays once) returning `iteration()` (the work measured in process) and `close()`.
 * `DATABASE_URL` names the database; the generated apps read it too.
 */
import { createRequire } from 'node:module';
import { buildMetadata, drizzleTables, importApp } from '../support/app.mjs';

const url = () => process.env.DATABASE_URL;
const postgres = () => import('../../packages/postgres/dist/index.js');

/** ormdrift's own check through its library API, on one open connection. */
function ormdrift(orm) {
  return async (app) => {
    const exports = await importApp(app);
    // metadata is built once, as TypeORM's initialize() builds it before its own diff
    await buildMetadata(orm, exports);
    const { check } = await import('../../packages/core/dist/index.js');
    const { connectPostgres, PostgresIntrospector } = await postgres();
    const source = await adapterSource(orm, exports);
    const connection = await connectPostgres(url());
    return {
      iteration: () => check({ sources: [source()], introspector: new PostgresIntrospector(connection.client) }),
      close: () => connection.close(),
    };
  };
}

async function adapterSource(orm, exports) {
  switch (orm) {
    case 'typeorm': {
      const { typeormSource } = await import('../../packages/typeorm/dist/index.js');
      return () => typeormSource(exports.AppDataSource, { name: 'AppDataSource' });
    }
    case 'sequelize': {
      const { sequelizeSource } = await import('../../packages/sequelize/dist/index.js');
      return () => sequelizeSource(exports.sequelize, { name: 'sequelize' });
    }
    case 'drizzle': {
      const { drizzleSource } = await import('../../packages/drizzle/dist/index.js');
      return () => drizzleSource(exports, { name: 'schema' });
    }
  }
  throw new Error(`unknown ORM ${orm}`);
}

/** The floor: the ORM's metadata built, then only the catalog queries ormdrift needs, with no model or diff. */
function floor(orm) {
  return async (app) => {
    const exports = await importApp(app);
    await buildMetadata(orm, exports);
    const { default: pg } = await import('pg');
    const { tablesQuery, columnsQuery, constraintsQuery, indexesQuery, enumsQuery } = await import(
      '../../packages/postgres/dist/introspect/catalog-queries.js'
    );
    const client = new pg.Client({ connectionString: url() });
    await client.connect();
    return {
      async iteration() {
        for (const sql of [tablesQuery, columnsQuery, constraintsQuery, indexesQuery]) await client.query(sql, [['public']]);
        await client.query(enumsQuery);
      },
      close: () => client.end(),
    };
  };
}

/** TypeORM's own diff: what `typeorm schema:log` (and `synchronize`) computes. */
async function typeormLog(app) {
  const { AppDataSource } = await importApp(app);
  await AppDataSource.initialize();
  return {
    iteration: () => AppDataSource.driver.createSchemaBuilder().log(),
    close: () => AppDataSource.destroy(),
  };
}

/** drizzle-kit's `push` diff through its programmatic API, without applying it. */
async function drizzleKitPush(app) {
  const exports = await importApp(app);
  const { pushSchema } = await import('drizzle-kit/api');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const db = drizzle(url());
  const schema = Object.fromEntries(Object.entries(exports).filter(([, value]) => drizzleTables([value]).length > 0 || value?.enumName));
  return {
    iteration: () => pushSchema(schema, db),
    close: () => db.$client.end(),
  };
}

/** What Sequelize users run to check a database today: `describeTable` for every model. */
async function sequelizeDescribe(app) {
  const { sequelize } = await importApp(app);
  await sequelize.authenticate();
  const queryInterface = sequelize.getQueryInterface();
  return {
    async iteration() {
      for (const model of Object.values(sequelize.models)) await queryInterface.describeTable(model.getTableName());
    },
    close: () => sequelize.close(),
  };
}

/**
 * The startup guard as an app runs it: the app's own connection already open (an initialized DataSource, an
 * authenticated Sequelize instance, a Drizzle database over a pool), then per start the models' metadata read and
 * the database introspected through that connection. Drift is logged to a silent logger (`warn` mode).
 */
function guard(orm) {
  return async (app) => {
    const exports = await importApp(app);
    const { guardDataSource, guardDrizzle, guardSequelize } = await import('../../packages/guard/dist/index.js');
    const options = { mode: 'warn', logger: { warn() {} } };
    const expectDrift = async (outcome) => {
      const found = await outcome;
      if (found.status !== 'drift') throw new Error(`the guard said ${found.status}: ${found.error?.message ?? 'no drift'}`);
    };
    switch (orm) {
      case 'typeorm':
        await exports.AppDataSource.initialize();
        return { iteration: () => expectDrift(guardDataSource(exports.AppDataSource, options)), close: () => exports.AppDataSource.destroy() };
      case 'sequelize':
        await exports.sequelize.authenticate();
        return { iteration: () => expectDrift(guardSequelize(exports.sequelize, options)), close: () => exports.sequelize.close() };
      case 'drizzle': {
        const { drizzle } = await import('drizzle-orm/node-postgres');
        const db = drizzle(url());
        await db.$client.query('select 1');
        const schema = Object.fromEntries(Object.entries(exports).filter(([, value]) => drizzleTables([value]).length > 0 || value?.enumName));
        return { iteration: () => expectDrift(guardDrizzle(db, schema, options)), close: () => db.$client.end() };
      }
    }
    throw new Error(`unknown ORM ${orm}`);
  };
}

/** Every tool, by id. `app` is the generated app it reads; `ormdrift` tools also run whole-process as the CLI. */
export const tools = {
  'ormdrift:typeorm-classes': { label: 'ormdrift check', app: 'typeorm-classes', orm: 'typeorm', prepare: ormdrift('typeorm') },
  'ormdrift:typeorm-classes.ts': { label: 'ormdrift check, .ts source', app: 'typeorm-classes', ts: true, orm: 'typeorm', prepare: ormdrift('typeorm') },
  'ormdrift:typeorm-schemas': { label: 'ormdrift check, EntitySchemas', app: 'typeorm-schemas', orm: 'typeorm', prepare: ormdrift('typeorm') },
  'typeorm:log': { label: 'TypeORM createSchemaBuilder().log()', app: 'typeorm-classes', orm: 'typeorm', competitor: true, prepare: typeormLog },
  'guard:typeorm': { label: 'guardDataSource, app connection open', app: 'typeorm-classes', orm: 'typeorm', guard: true, prepare: guard('typeorm') },
  'floor:typeorm': { label: 'floor', app: 'typeorm-classes', orm: 'typeorm', floor: true, prepare: floor('typeorm') },
  'ormdrift:sequelize': { label: 'ormdrift check', app: 'sequelize', orm: 'sequelize', prepare: ormdrift('sequelize') },
  'ormdrift:sequelize.ts': { label: 'ormdrift check, .ts source', app: 'sequelize', ts: true, orm: 'sequelize', prepare: ormdrift('sequelize') },
  'sequelize:describe': { label: 'Sequelize describeTable per model', app: 'sequelize', orm: 'sequelize', competitor: true, prepare: sequelizeDescribe },
  'guard:sequelize': { label: 'guardSequelize, app connection open', app: 'sequelize', orm: 'sequelize', guard: true, prepare: guard('sequelize') },
  'floor:sequelize': { label: 'floor', app: 'sequelize', orm: 'sequelize', floor: true, prepare: floor('sequelize') },
  'ormdrift:drizzle': { label: 'ormdrift check', app: 'drizzle', orm: 'drizzle', prepare: ormdrift('drizzle') },
  'ormdrift:drizzle.ts': { label: 'ormdrift check, .ts source', app: 'drizzle', ts: true, orm: 'drizzle', prepare: ormdrift('drizzle') },
  'drizzle-kit:push': { label: 'drizzle-kit pushSchema', app: 'drizzle', orm: 'drizzle', competitor: true, prepare: drizzleKitPush },
  'guard:drizzle': { label: 'guardDrizzle, app connection open', app: 'drizzle', orm: 'drizzle', guard: true, prepare: guard('drizzle') },
  'floor:drizzle': { label: 'floor', app: 'drizzle', orm: 'drizzle', floor: true, prepare: floor('drizzle') },
};

/** Files from which each ORM resolves its own copy of `pg`, for counting statements. */
export function pgResolvers() {
  const require = createRequire(import.meta.url);
  const from = [import.meta.filename ?? new URL(import.meta.url).pathname, new URL('../../packages/postgres/package.json', import.meta.url).pathname];
  for (const name of ['typeorm', 'sequelize', 'drizzle-orm']) {
    try {
      from.push(require.resolve(name));
    } catch {}
  }
  return from;
}
