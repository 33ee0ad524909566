/** The `registry-conflict` rule: which differences it reports, and how. */
import { describe, expect, it } from 'vitest';
import { column, dbSequence, dbTable, enumType, schema, sequence, source, table, unique } from '../support/models.ts';
import { User, id, email, roleColumn, AppUser, ReportUser, Account, usersDeclaredBy } from '../support/rule-fixtures.ts';
import { ruleTester, run } from '../support/rule-tester.ts';

ruleTester('registry-conflict', {
  valid: [
    {
      name: 'two registries declare the table identically',
      expected: [schema([usersDeclaredBy(AppUser)]), schema([usersDeclaredBy(Account)])],
      actual: schema([dbTable('users', [id, email], { primaryKey: ['id'] })]),
    },
    {
      name: 'the same declaration in other spellings and with other constraint names',
      expected: [
        schema([usersDeclaredBy(AppUser, column('email', 'varchar(255)', { default: `''` }), { uniques: [unique(['email'], { name: 'UQ_users_email' })] })]),
        schema([
          usersDeclaredBy(Account, column('email', 'character varying(255)', { default: `''::character varying` }), {
            uniques: [unique(['email'], { name: 'users_email_key' })],
          }),
        ]),
      ],
      actual: schema([]),
    },
    {
      name: 'a serial in one registry, an identity column in the other',
      expected: [
        schema([table('users', [column('id', 'serial', { default: `nextval('users_id_seq'::regclass)` })], { primaryKey: ['id'], sources: [AppUser] })]),
        schema([table('users', [column('id', 'integer', { identity: 'by-default' })], { primaryKey: ['id'], sources: [Account] })]),
      ],
      actual: schema([]),
    },
    {
      name: 'the same enum type in two registries',
      expected: [
        schema([], [enumType('user_role_enum', ['admin', 'member'], [AppUser])]),
        schema([], [enumType('user_role_enum', ['admin', 'member'], [Account])]),
      ],
      actual: schema([]),
    },
    {
      name: 'a narrower declaration of the table (a projection model) adds nothing that contradicts: the union is checked',
      expected: [
        schema([usersDeclaredBy(AppUser)]),
        schema([table('users', [id, email, column('nickname', 'text', { nullable: true })], { primaryKey: ['id'], sources: [Account] })]),
      ],
      actual: schema([dbTable('users', [id, email, column('nickname', 'text', { nullable: true })], { primaryKey: ['id'] })]),
    },
    {
      name: 'a database default one declaration relies on and the other leaves to the model',
      expected: [schema([usersDeclaredBy(AppUser)]), schema([usersDeclaredBy(Account, column('email', 'varchar(255)', { default: `'x'` }))])],
      actual: schema([dbTable('users', [id, column('email', 'varchar(255)', { default: `'x'::character varying` })], { primaryKey: ['id'] })]),
    },
    {
      name: 'both sides of a many-to-many name the junction key in their own order',
      expected: [
        schema([table('post_tags', [column('post_id', 'integer'), column('tag_id', 'integer')], { primaryKey: ['post_id', 'tag_id'], sources: [AppUser] })]),
        schema([table('post_tags', [column('tag_id', 'integer'), column('post_id', 'integer')], { primaryKey: ['tag_id', 'post_id'], sources: [Account] })]),
      ],
      actual: schema([dbTable('post_tags', [column('post_id', 'integer'), column('tag_id', 'integer')], { primaryKey: ['post_id', 'tag_id'] })]),
    },
    {
      name: 'a sequence declared alike by two schema modules, one spelling out a default option',
      expected: [
        schema([], [], [sequence('order_no', { start: '1' }, [source('orderNo', 'drizzle', 'src/orders.ts')])]),
        schema([], [], [sequence('order_no', {}, [source('orderNo', 'drizzle', 'src/billing.ts')])]),
      ],
      actual: schema([], [], [dbSequence('order_no')]),
    },
    {
      name: 'sequences of one name in two schemas',
      expected: [
        schema([], [], [sequence('order_no', { start: '1000' }, [source('orderNo', 'drizzle', 'src/orders.ts')])]),
        schema([], [], [sequence('billing.order_no', { start: '1' }, [source('orderNo', 'drizzle', 'src/billing.ts')])]),
      ],
      actual: schema([], [], []),
    },
    {
      name: 'tables of one name in two schemas',
      expected: [schema([usersDeclaredBy(AppUser)]), schema([usersDeclaredBy(Account, column('email', 'text'), { schema: 'auth' })])],
      actual: schema([]),
    },
  ],
  invalid: [
    {
      name: 'two registries declare one table differently',
      expected: [
        schema([usersDeclaredBy(AppUser, column('email', 'varchar(320)'), { uniques: [unique(['email'])] })]),
        schema([usersDeclaredBy(ReportUser, column('email', 'varchar', { nullable: true }))]),
      ],
      actual: schema([dbTable('users', [id, column('email', 'varchar(320)')], { primaryKey: ['id'], uniques: [unique(['email'])] })]),
      findings: [
        {
          severity: 'error',
          table: 'users',
          message:
            'users is declared differently by User (typeorm AppDataSource) and ReportUser (typeorm ReportingDataSource): column email: character varying(320) not null vs character varying null',
          expected: { declaredBy: 'User (typeorm AppDataSource)' },
          actual: {
            declaredBy: 'ReportUser (typeorm ReportingDataSource)',
            differences: ['column email: character varying(320) not null vs character varying null'],
          },
          sources: [AppUser, ReportUser],
        },
      ],
    },
    {
      name: 'a table outside public is named with its schema',
      expected: [
        schema([usersDeclaredBy(AppUser, email, { schema: 'auth' })]),
        schema([usersDeclaredBy(Account, column('email', 'varchar(100)'), { schema: 'auth' })]),
      ],
      actual: schema([]),
      findings: [
        {
          severity: 'error',
          schema: 'auth',
          table: 'users',
          message: `auth.users is declared differently by User (typeorm AppDataSource) and Account (sequelize default): column email: character varying(255) not null vs character varying(100) not null`,
        },
      ],
    },
    {
      name: 'an enum type declared with other values',
      expected: [
        schema([table('users', [id, roleColumn], { sources: [AppUser] })], [enumType('user_role_enum', ['admin', 'member'], [AppUser])]),
        schema([table('users', [id, roleColumn], { sources: [Account] })], [enumType('user_role_enum', ['admin', 'member', 'owner'], [Account])]),
      ],
      actual: schema([]),
      findings: [
        {
          severity: 'error',
          table: 'user_role_enum',
          message:
            'enum type user_role_enum is declared differently by User (typeorm AppDataSource) and Account (sequelize default): values (admin, member) vs (admin, member, owner)',
          expected: { declaredBy: 'User (typeorm AppDataSource)' },
          actual: { declaredBy: 'Account (sequelize default)', differences: ['values (admin, member) vs (admin, member, owner)'] },
          sources: [AppUser, Account],
        },
      ],
    },
    {
      name: 'an enum type declared with its values in another order',
      expected: [
        schema([], [enumType('user_role_enum', ['admin', 'member'], [AppUser])]),
        schema([], [enumType('user_role_enum', ['member', 'admin'], [Account])]),
      ],
      actual: schema([]),
      findings: [
        {
          severity: 'error',
          table: 'user_role_enum',
          message:
            'enum type user_role_enum is declared differently by User (typeorm AppDataSource) and Account (sequelize default): values (admin, member) vs (member, admin)',
        },
      ],
    },
    {
      name: 'a sequence declared with other options by two schema modules',
      expected: [
        schema([], [], [sequence('order_no', { start: '1000' }, [source('orderNo', 'drizzle', 'src/orders.ts')])]),
        schema([], [], [sequence('order_no', { start: '1' }, [source('orderNo', 'drizzle', 'src/billing.ts')])]),
      ],
      actual: schema([], [], [dbSequence('order_no', { start: '1000' })]),
      findings: [
        {
          severity: 'error',
          message:
            'sequence order_no is declared differently by orderNo (drizzle src/billing.ts) and orderNo (drizzle src/orders.ts): START WITH 1 vs START WITH 1000',
          expected: { declaredBy: 'orderNo (drizzle src/billing.ts)' },
          actual: { declaredBy: 'orderNo (drizzle src/orders.ts)', differences: ['START WITH 1 vs START WITH 1000'] },
          sources: [source('orderNo', 'drizzle', 'src/billing.ts'), source('orderNo', 'drizzle', 'src/orders.ts')],
        },
      ],
    },
    {
      name: 'a sequence declared alike twice and otherwise once: the alike declarations are one side',
      expected: [
        schema([], [], [sequence('audit.event_no', { increment: '10', cache: '20' }, [source('eventNo', 'drizzle', 'a.ts')])]),
        schema([], [], [sequence('audit.event_no', { increment: '10', cache: '20' }, [source('eventNo', 'drizzle', 'b.ts')])]),
        schema([], [], [sequence('audit.event_no', { increment: '1', cache: '20' }, [source('eventNo', 'drizzle', 'c.ts')])]),
      ],
      actual: schema([], [], []),
      findings: [
        {
          severity: 'error',
          schema: 'audit',
          message:
            'sequence audit.event_no is declared differently by eventNo (drizzle a.ts), eventNo (drizzle b.ts) and eventNo (drizzle c.ts): INCREMENT BY 10 vs INCREMENT BY 1',
        },
      ],
    },
  ],
});

describe('registries merged into one expected schema', () => {
  it('a sequence declared with other options gives the same findings whichever registry comes first', () => {
    const orders = schema([], [], [sequence('order_no', { start: '1000' }, [source('orderNo', 'drizzle', 'src/orders.ts')])]);
    const billing = schema([], [], [sequence('order_no', { start: '1' }, [source('orderNo', 'drizzle', 'src/billing.ts')])]);
    for (const actual of [schema([], [], [dbSequence('order_no', { start: '1000' })]), schema([], [], [dbSequence('order_no')]), schema([], [], [])]) {
      const [one, other] = [
        [orders, billing],
        [billing, orders],
      ].map((expected) => run({ name: '', expected, actual }).findings.map(({ code, severity, message }) => ({ code, severity, message })));
      expect(one).toEqual(other);
      // the conflict is the finding; the options are not compared with the database until it is settled, presence is
      expect(one!.map((finding) => finding.code)).toEqual(actual.sequences!.length > 0 ? ['registry-conflict'] : ['registry-conflict', 'missing-sequence']);
    }
  });

  it('a table declared identically by two registries carries both sources into its findings', () => {
    const result = run({ name: '', expected: [schema([usersDeclaredBy(User)]), schema([usersDeclaredBy(Account)])], actual: schema([]) });
    expect(result.findings.map(({ code, message, sources }) => ({ code, message, sources }))).toEqual([
      {
        code: 'missing-table',
        message: 'users is declared by User (typeorm), Account (sequelize) but the database has no such table',
        sources: [User, Account],
      },
    ]);
    expect(result.summary.tables).toBe(1);
  });

  it('does not depend on the order of the models within a registry', () => {
    const full = table('articles', [id, column('title', 'text'), column('body', 'text')], { primaryKey: ['id'], sources: [source('Article', 'sequelize')] });
    const draft = table('articles', [id, column('title', 'text')], { primaryKey: ['id'], sources: [source('Draft', 'sequelize')] });
    const actual = schema([dbTable('articles', [id, column('title', 'text'), column('body', 'text')], { primaryKey: ['id'] })]);
    for (const order of [
      [full, draft],
      [draft, full],
    ]) {
      const result = run({ name: '', expected: [schema(order)], actual });
      expect(result.findings).toEqual([]);
    }
    const conflicting = table('articles', [id, column('title', 'varchar(20)')], { primaryKey: ['id'], sources: [source('Draft', 'sequelize')] });
    const messages = [
      [full, conflicting],
      [conflicting, full],
    ].map((order) => run({ name: '', expected: [schema(order)], actual }).findings.map((finding) => finding.message));
    expect(messages[0]).toEqual(messages[1]);
    expect(messages[0]).toEqual([
      'articles is declared differently by Article (sequelize default) and Draft (sequelize default): column title: text not null vs character varying(20) not null',
    ]);
  });

  it('on a conflict, the first declaration is the one checked against the database', () => {
    const result = run({
      name: '',
      expected: [
        schema([usersDeclaredBy(AppUser, column('email', 'varchar(320)'))]),
        schema([usersDeclaredBy(ReportUser, column('email', 'varchar', { nullable: true }))]),
      ],
      actual: schema([dbTable('users', [id, column('email', 'varchar(320)', { nullable: true })], { primaryKey: ['id'] })]),
    });
    expect(result.findings.map(({ code, severity, column, sources }) => ({ code, severity, column, sources }))).toEqual([
      { code: 'registry-conflict', severity: 'error', column: undefined, sources: [AppUser, ReportUser] },
      // the table is the union of both declarations; the contradicted column is the first's
      { code: 'nullability-mismatch', severity: 'warning', column: 'email', sources: [AppUser, ReportUser] },
    ]);
  });
});
