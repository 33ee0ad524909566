/**
 * The synthetic schemas of the benchmark: N tables declared as TypeORM entity classes, TypeORM
 * EntitySchemas, Sequelize models and Drizzle tables (each app as a `.ts` source and a `.js` one),
 * plus the DDL of a database that holds exactly those tables with a little known drift.
 *
 * Every table has 14 columns (a serial key, varchar, text, integer, numeric, boolean, timestamptz,
 * text[], uuid, jsonb), a unique constraint, an index and one or two foreign keys; every 50th table has an
 * enum column. The four apps declare one schema: on a database built from `ddl()` without drift,
 * `ormdrift check` finds nothing whichever app it reads.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/** The apps a generated directory holds: `<dir>/<name>.ts` and `<dir>/<name>.js` each. */
export const apps = {
  'typeorm-classes': { orm: 'typeorm', description: 'TypeORM entity classes' },
  'typeorm-schemas': { orm: 'typeorm', description: 'TypeORM EntitySchemas' },
  sequelize: { orm: 'sequelize', description: 'Sequelize models' },
  drizzle: { orm: 'drizzle', description: 'Drizzle tables' },
};

const pad = (i) => String(i).padStart(4, '0');
/** Table i (1-based) of the schema. */
export const tableName = (i) => `t${pad(i)}`;
const className = (i) => `T${pad(i)}`;
/** Every table but the first references its predecessor; every other one also the table seven before it. */
const ownerOf = (i) => (i % 2 === 0 && i > 7 ? i - 7 : undefined);
const hasEnum = (i) => i % 50 === 0;
const enumValues = ['draft', 'live', 'gone'];

/**
 * The drift the DDL carries, with the findings `ormdrift check` must report for it (code and where),
 * whatever the ORM. Chosen so that no ORM's own diff tool has to ask a question (no table or column is both
 * added and dropped).
 */
export function knownDrift(n) {
  const drift = [
    { code: 'missing-column', table: 't0003', column: 'score' },
    { code: 'column-type-mismatch', table: 't0005', column: 'title' },
    { code: 'missing-index', table: 't0007', column: 'title' },
    { code: 'extra-column', table: 't0009', column: 'legacy_flag' },
    { code: 'nullability-mismatch', table: 't0011', column: 'body' },
    { code: 'orphan-table', table: 'legacy_audit', column: undefined },
  ];
  if (n >= 50) drift.push({ code: 'enum-values-mismatch', table: 't0050', column: 'status' });
  return drift;
}

/** The DDL of the drifted database for N tables, as one script. */
export function ddl(n) {
  const lines = [];
  for (let i = 1; i <= n; i++) {
    const t = tableName(i);
    if (hasEnum(i)) {
      // the database lacks the enum's last value
      const values = i === 50 ? enumValues.slice(0, -1) : enumValues;
      lines.push(`create type "enum_${t}_status" as enum (${values.map((v) => `'${v}'`).join(', ')});`);
    }
    const columns = [
      'id serial primary key',
      'code varchar(40) not null unique',
      `title varchar(${i === 5 ? 100 : 200}) not null`,
      `body text${i === 11 ? ' not null' : ''}`,
      'qty integer not null default 0',
      'price numeric(12,2) not null default 0',
      'active boolean not null default true',
      'created_at timestamptz not null default now()',
      'tags text[]',
      ...(i === 3 ? [] : ['score integer']),
      'ext_id uuid',
      'data jsonb',
    ];
    if (i > 1) columns.push(`parent_id integer references ${tableName(i - 1)} (id) on delete cascade`);
    if (ownerOf(i)) columns.push(`owner_id integer references ${tableName(ownerOf(i))} (id) on delete cascade`);
    if (hasEnum(i)) columns.push(`status "enum_${t}_status" not null default 'draft'`);
    if (i === 9) columns.push('legacy_flag integer not null');
    lines.push(`create table ${t} (\n  ${columns.join(',\n  ')}\n);`);
    if (i !== 7) lines.push(`create index ${t}_title_idx on ${t} (title);`);
  }
  lines.push('create table legacy_audit (id serial primary key, note text);');
  return `${lines.join('\n')}\n`;
}

function typeormClasses(n) {
  const out = [
    `import 'reflect-metadata';`,
    `import { Column, CreateDateColumn, DataSource, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';`,
    '',
  ];
  for (let i = 1; i <= n; i++) {
    const t = tableName(i);
    out.push(`@Entity('${t}')`, `@Index('${t}_title_idx', ['title'])`, `export class ${className(i)} {`);
    out.push(
      `  @PrimaryGeneratedColumn() id!: number;`,
      `  @Column({ type: 'varchar', length: 40, unique: true }) code!: string;`,
      `  @Column({ type: 'varchar', length: 200 }) title!: string;`,
      `  @Column({ type: 'text', nullable: true }) body!: string | null;`,
      `  @Column({ type: 'integer', default: 0 }) qty!: number;`,
      `  @Column({ type: 'numeric', precision: 12, scale: 2, default: 0 }) price!: string;`,
      `  @Column({ type: 'boolean', default: true }) active!: boolean;`,
      `  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;`,
      `  @Column({ type: 'text', array: true, nullable: true }) tags!: string[] | null;`,
      `  @Column({ type: 'integer', nullable: true }) score!: number | null;`,
      `  @Column({ name: 'ext_id', type: 'uuid', nullable: true }) extId!: string | null;`,
      `  @Column({ type: 'jsonb', nullable: true }) data!: unknown;`,
    );
    if (i > 1) {
      out.push(`  @ManyToOne(() => ${className(i - 1)}, { nullable: true, onDelete: 'CASCADE' }) @JoinColumn({ name: 'parent_id' }) parent!: unknown;`);
    }
    if (ownerOf(i)) {
      out.push(`  @ManyToOne(() => ${className(ownerOf(i))}, { nullable: true, onDelete: 'CASCADE' }) @JoinColumn({ name: 'owner_id' }) owner!: unknown;`);
    }
    if (hasEnum(i)) {
      out.push(
        `  @Column({ type: 'enum', enum: ${JSON.stringify(enumValues).replaceAll('"', "'")}, enumName: 'enum_${t}_status', default: 'draft' }) status!: string;`,
      );
    }
    out.push('}', '');
  }
  out.push(...dataSourceExport(n));
  return out.join('\n');
}

/** The TypeORM DataSource both entity styles export: every generated entity, by class name. */
function dataSourceExport(n) {
  return [
    `export const AppDataSource = new DataSource({`,
    `  type: 'postgres',`,
    `  url: process.env.DATABASE_URL,`,
    `  entities: [${Array.from({ length: n }, (_, k) => className(k + 1)).join(', ')}],`,
    `});`,
  ];
}

function typeormSchemas(n) {
  const out = [`import { DataSource, EntitySchema } from 'typeorm';`, ''];
  for (let i = 1; i <= n; i++) {
    const t = tableName(i);
    const relations = [];
    if (i > 1)
      relations.push(`parent: { type: 'many-to-one', target: '${className(i - 1)}', joinColumn: { name: 'parent_id' }, nullable: true, onDelete: 'CASCADE' }`);
    if (ownerOf(i))
      relations.push(
        `owner: { type: 'many-to-one', target: '${className(ownerOf(i))}', joinColumn: { name: 'owner_id' }, nullable: true, onDelete: 'CASCADE' }`,
      );
    out.push(
      `export const ${className(i)} = new EntitySchema({`,
      `  name: '${className(i)}',`,
      `  tableName: '${t}',`,
      `  columns: {`,
      `    id: { type: 'integer', primary: true, generated: 'increment' },`,
      `    code: { type: 'varchar', length: 40, unique: true },`,
      `    title: { type: 'varchar', length: 200 },`,
      `    body: { type: 'text', nullable: true },`,
      `    qty: { type: 'integer', default: 0 },`,
      `    price: { type: 'numeric', precision: 12, scale: 2, default: 0 },`,
      `    active: { type: 'boolean', default: true },`,
      `    createdAt: { name: 'created_at', type: 'timestamptz', createDate: true },`,
      `    tags: { type: 'text', array: true, nullable: true },`,
      `    score: { type: 'integer', nullable: true },`,
      `    extId: { name: 'ext_id', type: 'uuid', nullable: true },`,
      `    data: { type: 'jsonb', nullable: true },`,
      ...(hasEnum(i)
        ? [`    status: { type: 'enum', enum: ${JSON.stringify(enumValues).replaceAll('"', "'")}, enumName: 'enum_${t}_status', default: 'draft' },`]
        : []),
      `  },`,
      `  relations: { ${relations.join(', ')} },`,
      `  indices: [{ name: '${t}_title_idx', columns: ['title'] }],`,
      `});`,
      '',
    );
  }
  out.push(...dataSourceExport(n));
  return out.join('\n');
}

function sequelizeModels(n) {
  const out = [
    `import { DataTypes, Sequelize } from 'sequelize';`,
    '',
    `export const sequelize = new Sequelize(process.env.DATABASE_URL ?? 'postgres://localhost/bench', { dialect: 'postgres', logging: false });`,
    '',
  ];
  const reference = (i) =>
    `{ type: DataTypes.INTEGER, allowNull: true, references: { model: '${tableName(i)}', key: 'id' }, onDelete: 'CASCADE', onUpdate: 'NO ACTION' }`;
  for (let i = 1; i <= n; i++) {
    const t = tableName(i);
    out.push(
      `sequelize.define('${className(i)}', {`,
      `  id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },`,
      `  code: { type: DataTypes.STRING(40), allowNull: false, unique: true },`,
      `  title: { type: DataTypes.STRING(200), allowNull: false },`,
      `  body: { type: DataTypes.TEXT, allowNull: true },`,
      `  qty: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },`,
      `  price: { type: DataTypes.DECIMAL(12, 2), allowNull: false, defaultValue: 0 },`,
      `  active: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },`,
      `  created_at: { type: DataTypes.DATE, allowNull: false, defaultValue: Sequelize.fn('now') },`,
      `  tags: { type: DataTypes.ARRAY(DataTypes.TEXT), allowNull: true },`,
      `  score: { type: DataTypes.INTEGER, allowNull: true },`,
      `  ext_id: { type: DataTypes.UUID, allowNull: true },`,
      `  data: { type: DataTypes.JSONB, allowNull: true },`,
      ...(i > 1 ? [`  parent_id: ${reference(i - 1)},`] : []),
      ...(ownerOf(i) ? [`  owner_id: ${reference(ownerOf(i))},`] : []),
      ...(hasEnum(i) ? [`  status: { type: DataTypes.ENUM(${enumValues.map((v) => `'${v}'`).join(', ')}), allowNull: false, defaultValue: 'draft' },`] : []),
      `}, { tableName: '${t}', timestamps: false, indexes: [{ name: '${t}_title_idx', fields: ['title'] }] });`,
      '',
    );
  }
  return out.join('\n');
}

function drizzleTables(n) {
  const out = [`import { boolean, index, integer, jsonb, numeric, pgEnum, pgTable, serial, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';`, ''];
  for (let i = 1; i <= n; i++) {
    const t = tableName(i);
    if (hasEnum(i)) out.push(`export const ${t}Status = pgEnum('enum_${t}_status', ${JSON.stringify(enumValues).replaceAll('"', "'")});`);
    out.push(
      `export const ${t} = pgTable('${t}', {`,
      `  id: serial('id').primaryKey(),`,
      `  code: varchar('code', { length: 40 }).notNull().unique(),`,
      `  title: varchar('title', { length: 200 }).notNull(),`,
      `  body: text('body'),`,
      `  qty: integer('qty').notNull().default(0),`,
      `  price: numeric('price', { precision: 12, scale: 2 }).notNull().default('0'),`,
      `  active: boolean('active').notNull().default(true),`,
      `  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),`,
      `  tags: text('tags').array(),`,
      `  score: integer('score'),`,
      `  extId: uuid('ext_id'),`,
      `  data: jsonb('data'),`,
      ...(i > 1 ? [`  parentId: integer('parent_id').references(() => ${tableName(i - 1)}.id, { onDelete: 'cascade' }),`] : []),
      ...(ownerOf(i) ? [`  ownerId: integer('owner_id').references(() => ${tableName(ownerOf(i))}.id, { onDelete: 'cascade' }),`] : []),
      ...(hasEnum(i) ? [`  status: ${t}Status('status').notNull().default('draft'),`] : []),
      `}, (table) => [index('${t}_title_idx').on(table.title)]);`,
      '',
    );
  }
  return out.join('\n');
}

const sources = { 'typeorm-classes': typeormClasses, 'typeorm-schemas': typeormSchemas, sequelize: sequelizeModels, drizzle: drizzleTables };

const compilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  useDefineForClassFields: false,
  strict: false,
};

/**
 * Writes the apps for N tables into `dir` (which must lie inside this repository, so that the ORMs
 * resolve from its node_modules) and the drifted database's DDL as `schema.sql`. The `.js` files are
 * the `.ts` ones compiled by TypeScript with decorator metadata, as a build step would emit them.
 */
export function generate(n, dir) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ type: 'module', private: true }, null, 2)}\n`);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    `${JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', experimentalDecorators: true, emitDecoratorMetadata: true, strict: false } }, null, 2)}\n`,
  );
  for (const [name, source] of Object.entries(sources)) {
    const code = source(n);
    writeFileSync(join(dir, `${name}.ts`), `${code}\n`);
    writeFileSync(join(dir, `${name}.js`), ts.transpileModule(code, { compilerOptions, fileName: `${name}.ts` }).outputText);
  }
  writeFileSync(join(dir, 'schema.sql'), ddl(n));
  return { dir, schemaSql: join(dir, 'schema.sql') };
}
