import { displayName } from '../model/qualified-name.ts';
import { qualifiedAsPrinted, quoteLiteral } from '../sql/quote.ts';
import { defineRule, docsPath } from './rule.ts';
import { sequenceShape } from './sequence-shape.ts';

export const missingSequence = defineRule({
  meta: {
    code: 'missing-sequence',
    description: 'A sequence the models declare does not exist in the database.',
    docs: docsPath('missing-sequence'),
    messages: { missing: 'error' },
    nextStep: 'run the pending migrations: the migration that creates these sequences has not reached this database',
    migrationsNextStep: 'write a migration that creates these sequences',
  },
  create(context) {
    return {
      'missing-sequence'({ expected: declared }) {
        const name = displayName(declared);
        const printed = qualifiedAsPrinted(declared);
        const models = [...new Set(declared.sources.map((source) => `${source.model ?? name} (${source.orm})`))].join(', ') || 'the models';
        context.report({
          messageId: 'missing',
          schema: declared.schema,
          object: name,
          message: `sequence ${printed} is declared by ${models} but does not exist in the database: nextval(${quoteLiteral(printed)}) fails, and so does every insert whose default calls it`,
          expected: sequenceShape(declared),
          actual: null,
          sources: declared.sources,
        });
      },
    };
  },
});
