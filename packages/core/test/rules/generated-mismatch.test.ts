/** The `generated-mismatch` rule: a generated column that is plain in the database, or the other way round, or computed otherwise. */
import { column, dbTable, schema, table } from '../support/models.ts';
import { ruleTester } from '../support/rule-tester.ts';

const lines = (total: Parameters<typeof column>[2]) =>
  schema([table('order_lines', [column('id', 'integer'), column('quantity', 'integer'), column('total', 'numeric(12,2)', total)], { primaryKey: ['id'] })]);
const linesDb = (total: Parameters<typeof column>[2]) =>
  schema([dbTable('order_lines', [column('id', 'integer'), column('quantity', 'integer'), column('total', 'numeric(12,2)', total)], { primaryKey: ['id'] })]);

ruleTester('generated-mismatch', {
  valid: [
    {
      name: 'generated alike, spelled with other parentheses',
      expected: lines({ generated: 'quantity * 2' }),
      actual: linesDb({ generated: '(quantity * 2)' }),
    },
    { name: 'plain on both sides', expected: lines({}), actual: linesDb({}) },
  ],
  invalid: [
    {
      name: 'the expression dropped: no longer generated',
      expected: lines({ generated: '"quantity" * 2' }),
      actual: linesDb({}),
      findings: [
        {
          severity: 'error',
          table: 'order_lines',
          column: 'total',
          message:
            'order_lines.total is no longer a generated column: User (typeorm) declares it GENERATED ALWAYS AS ("quantity" * 2), so the ORM never writes it and inserts fail: the NOT NULL column gets no value',
          expected: { generated: '"quantity" * 2' },
          actual: { generated: null, default: null },
        },
      ],
    },
    {
      name: 'the expression dropped from a nullable column: new rows keep NULL',
      expected: lines({ generated: '"quantity" * 2', nullable: true }),
      actual: linesDb({ nullable: true }),
      findings: [
        {
          severity: 'error',
          table: 'order_lines',
          column: 'total',
          message:
            'order_lines.total is no longer a generated column: User (typeorm) declares it GENERATED ALWAYS AS ("quantity" * 2), so the ORM never writes it and it stays NULL in new rows',
          expected: { generated: '"quantity" * 2' },
          actual: { generated: null, default: null },
        },
      ],
    },
    {
      name: 'a plain column of the model generated in the database',
      expected: lines({}),
      actual: linesDb({ generated: '(quantity * 2)' }),
      findings: [
        {
          severity: 'error',
          table: 'order_lines',
          column: 'total',
          message:
            'order_lines.total is generated in the database, as ((quantity * 2)), but User (typeorm) declares a plain column: inserts and updates through the ORM that write it fail',
        },
      ],
    },
    {
      name: 'another expression',
      expected: lines({ generated: 'quantity * 2' }),
      actual: linesDb({ generated: '(quantity * 3)' }),
      findings: [{ severity: 'error', table: 'order_lines', column: 'total', actual: { generated: '(quantity * 3)' } }],
    },
  ],
});
