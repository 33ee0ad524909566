/** Scope: one filter on both models before the diff; nothing outside it reaches a finding, a change or the summary. */
import { describe, expect, it } from 'vitest';
import { evaluate, mergeRegistries, resolveScope, scopeSchema, tableGlobError } from '@ormdrift/core';
import { column, dbTable, enumColumn, enumType, foreignKey, schema, source, table } from './support/models.ts';

const id = column('id', 'integer');
/** public.users is fine; schema audit has a table two registries declare differently and an enum type the database lacks. */
const registries = [
  schema(
    [
      table('users', [id], { primaryKey: ['id'] }),
      table('events', [id, column('kind', 'text')], { schema: 'audit', sources: [source('Event', 'typeorm', 'AuditSource')] }),
      table('logins', [id, enumColumn('outcome', 'audit.login_outcome')], { schema: 'audit', sources: [source('Login')] }),
    ],
    [enumType('audit.login_outcome', ['ok', 'failed'])],
  ),
  schema([table('events', [id, column('kind', 'integer')], { schema: 'audit', sources: [source('Event', 'sequelize')] })]),
];
const database = schema([
  dbTable('users', [id], { primaryKey: ['id'] }),
  dbTable('logins', [id, column('outcome', 'text')], { schema: 'audit' }),
  dbTable('stray', [id], { schema: 'audit' }),
]);

describe('scope', () => {
  it('by default covers every schema the models use', () => {
    const result = evaluate({ expected: mergeRegistries(registries), actual: database });
    expect(result.findings.map((finding) => `${finding.schema}.${finding.table} ${finding.code}`).sort()).toEqual(
      [
        'audit.events registry-conflict',
        'audit.events missing-table',
        'audit.logins column-type-mismatch',
        'audit.logins missing-enum',
        'audit.stray orphan-table',
      ].sort(),
    );
    expect(result.summary.errors).toBeGreaterThan(0);
  });

  it("with schemas ['public'], a conflict, a missing enum and an orphan in audit are not reported nor counted", () => {
    const result = evaluate({ expected: mergeRegistries(registries), actual: database, schemas: ['public'] });
    expect(result.findings).toEqual([]);
    expect(result.changes).toEqual([]);
    expect(result.summary).toEqual({ errors: 0, warnings: 0, tables: 1 });
  });

  it('still reads a referenced column outside the scope for a foreign key inside it', () => {
    const result = evaluate({
      expected: mergeRegistries([schema([table('posts', [id, column('user_id', 'uuid')], { foreignKeys: [foreignKey(['user_id'], 'audit.users(id)')] })])]),
      actual: schema([
        dbTable('posts', [id, column('user_id', 'uuid')], { foreignKeys: [] }),
        dbTable('users', [column('id', 'integer')], { schema: 'audit' }),
      ]),
      schemas: ['public'],
    });
    expect(result.findings.map((finding) => finding.code)).toEqual(['fk-type-mismatch', 'missing-foreign-key']);
  });

  it('is a pure filter on a model', () => {
    const model = schema([table('a', [id]), table('b', [id], { schema: 'audit' })], [enumType('audit.e', ['x'])]);
    expect(scopeSchema(model, resolveScope(model, ['audit']))).toEqual({ tables: [model.tables[1]], enums: model.enums });
    expect(resolveScope(model).schemas).toEqual(['public', 'audit']);
  });
});

describe('table globs in the scope', () => {
  const declared = mergeRegistries([schema([table('users', [id], { primaryKey: ['id'] }), table('user_sessions', [id], { primaryKey: ['id'] })])]);
  const database = schema([
    dbTable('users', [id, column('legacy', 'text')], { primaryKey: ['id'] }),
    dbTable('auth_users', [id]),
    dbTable('auth_sessions', [id]),
    dbTable('pg_partman_template_events', [id]),
    dbTable('SequelizeMeta', [column('name', 'character varying(255)')]),
  ]);
  const codes = (options: { ignore?: string[]; owns?: string[]; tables?: string[] }) =>
    evaluate({ expected: declared, actual: database, ...options })
      .findings.map((finding) => `${finding.table} ${finding.code}`)
      .sort();

  it('without globs, every undeclared table but the ledger is an orphan', () => {
    expect(codes({})).toEqual([
      'auth_sessions orphan-table',
      'auth_users orphan-table',
      'pg_partman_template_events orphan-table',
      'user_sessions missing-table',
      'users extra-column',
    ]);
  });

  it('owns: an owned table no model declares is never an orphan; a declared one is still compared', () => {
    expect(codes({ owns: ['auth_*', 'users'] })).toEqual(['pg_partman_template_events orphan-table', 'user_sessions missing-table', 'users extra-column']);
  });

  it('ignore: an ignored table is never reported, declared or not; a dotted glob matches schema.table', () => {
    expect(codes({ ignore: ['pg_partman_*', 'public.user*'] })).toEqual(['auth_sessions orphan-table', 'auth_users orphan-table']);
    const result = evaluate({ expected: declared, actual: database, ignore: ['public.*'] });
    expect(result.findings).toEqual([]);
    expect(result.summary.tables).toBe(0);
  });

  it("tables: only what drizzle-kit's tablesFilter admits is checked", () => {
    expect(codes({ tables: ['user*'] })).toEqual(['user_sessions missing-table', 'users extra-column']);
    expect(codes({ tables: ['!auth_*', '!pg_partman_*'] })).toEqual(['user_sessions missing-table', 'users extra-column']);
  });

  it('a glob that cannot be parsed is refused before anything is compared', () => {
    expect(tableGlobError('auth_[users')).toMatch(/closing/);
    expect(tableGlobError('')).toMatch(/empty/);
    expect(tableGlobError('auth.*')).toBeUndefined();
    expect(() => evaluate({ expected: declared, actual: database, owns: ['auth_[users'] })).toThrow(/bad table glob "auth_\[users"/);
  });
});

describe('finding keys', () => {
  const expected = mergeRegistries([
    schema([
      table('users', [id, column('email', 'varchar(255)')], { primaryKey: ['id'] }),
      table('posts', [id, column('user_id', 'integer')], { foreignKeys: [foreignKey(['user_id'], 'users(id)', { onDelete: 'CASCADE' })] }),
    ]),
  ]);
  const database = (fkName: string) =>
    schema([
      dbTable('users', [id, column('email', 'varchar(50)')], { primaryKey: ['id'] }),
      dbTable('posts', [id, column('user_id', 'integer')], { foreignKeys: [foreignKey(['user_id'], 'users(id)', { name: fkName })] }),
    ]);

  it('are the same on two runs and on two databases whose constraints are named otherwise', () => {
    const first = evaluate({ expected, actual: database('posts_user_id_fkey') }).findings.map((finding) => finding.key);
    const again = evaluate({ expected, actual: database('posts_user_id_fkey') }).findings.map((finding) => finding.key);
    const elsewhere = evaluate({ expected, actual: database('fk_1234') }).findings.map((finding) => finding.key);
    expect(first).toHaveLength(2);
    expect(again).toEqual(first);
    expect(elsewhere).toEqual(first);
  });

  it('differ when the drift differs', () => {
    const other = schema([dbTable('users', [id, column('email', 'varchar(80)')], { primaryKey: ['id'] })]);
    const a = evaluate({ expected, actual: database('x') }).findings.find((finding) => finding.code === 'column-type-mismatch')!;
    const b = evaluate({ expected, actual: { ...other, tables: [...other.tables, database('x').tables[1]!] } }).findings.find(
      (finding) => finding.code === 'column-type-mismatch',
    )!;
    expect(a.key).not.toBe(b.key);
    expect(a.key.startsWith('column-type-mismatch:public.users.email:')).toBe(true);
  });

  it('carry the change they came from', () => {
    const finding = evaluate({ expected, actual: database('x') }).findings.find((candidate) => candidate.code === 'foreign-key-mismatch');
    expect(finding?.change?.kind).toBe('modify-foreign-key');
  });
});
