/**
 * The typed contract a library user reads and writes: `change.kind` narrows a change's `expected` /
 * `actual` to model objects, `finding.code` narrows the plain-JSON sides, and rule settings take each
 * rule's own options, without casts. Checked twice: the compiler accepts `fixtures/typed-findings/`
 * (whose `@ts-expect-error` lines must stay errors), and that code reads real findings.
 */
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { column, dbTable, foreignKey, index, schema, table } from './support/models.ts';
import { id, usersInDb } from './support/rule-fixtures.ts';
import { run } from './support/rule-tester.ts';
import { fromChange, fromSides } from './fixtures/typed-findings/read-findings.ts';

const fixtures = ['read-findings.ts', 'configure-rules.ts'].map((file) => fileURLToPath(new URL(`./fixtures/typed-findings/${file}`, import.meta.url)));

describe('typed findings', () => {
  it('compile without casts, and the narrowing rejects what a side does not have', () => {
    const program = ts.createProgram(fixtures, {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      allowImportingTsExtensions: true,
      customConditions: ['@ormdrift/source'],
      types: ['node'],
    });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const where = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start) : undefined;
      return `${diagnostic.file?.fileName ?? ''}:${where ? where.line + 1 : ''} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
    });
    expect(diagnostics).toEqual([]);
  }, 180_000); // a TypeScript program over core: seconds alone, a minute on a busy machine

  it('read the findings of a real evaluation', () => {
    const result = run({
      name: '',
      expected: schema([
        table('users', [id, column('email', 'varchar(255)'), column('bio', 'text', { nullable: true })], { primaryKey: ['id'], indexes: [index(['bio'])] }),
        table('posts', [id, column('user_id', 'integer')], { primaryKey: ['id'], foreignKeys: [foreignKey(['user_id'], 'users(id)')] }),
      ]),
      actual: schema([
        ...usersInDb(['email', 'text'], ['legacy', 'text', { nullable: true }]).tables,
        dbTable('posts', [id, column('user_id', 'integer')], { primaryKey: ['id'] }),
      ]),
    });
    expect(result.findings.map((finding) => [finding.code, fromChange(finding), fromSides(finding)])).toEqual([
      ['missing-foreign-key', '(user_id) -> users ON DELETE NO ACTION', 'missing-foreign-key'],
      ['missing-column', 'bio text NULL', 'text default none'],
      ['column-type-mismatch', 'email: character varying(255) -> text (type)', 'character varying(255) -> text; email'],
      ['missing-index', 'missing-index', 'no index'],
      ['extra-column', 'legacy text', 'text'],
    ]);
  });
});
