import { displayName } from '../model/qualified-name.ts';
import { qualifiedAsPrinted } from '../sql/quote.ts';
import { narrowerRange, resolveSequenceOptions } from '../normalize/sequence-options.ts';
import { columnRef, declaredBy } from './describe.ts';
import { defineRule, docsPath } from './rule.ts';
import { sequenceAspects, sequenceClauses } from './sequence-shape.ts';

export const sequenceMismatch = defineRule({
  meta: {
    code: 'sequence-mismatch',
    description:
      "A declared sequence, or an identity column's sequence, exists with other options (type, increment, range, start, cache, cycle) than the models declare.",
    docs: docsPath('sequence-mismatch'),
    messages: { narrower: 'error', options: 'warning' },
    nextStep: 'bring the sequences to the declared options (ALTER SEQUENCE ...) in a migration, or change the models to match',
  },
  create(context) {
    return {
      'modify-sequence'({ expected, actual, changed, identityOf }) {
        const narrower = narrowerRange(resolveSequenceOptions(expected), resolveSequenceOptions(actual));
        const name = displayName(expected);
        const subject = identityOf
          ? `the identity sequence ${qualifiedAsPrinted(expected)} of ${columnRef(identityOf.table, identityOf.column)}`
          : `sequence ${qualifiedAsPrinted(expected)}`;
        const models = identityOf
          ? declaredBy(identityOf.table)
          : [...new Set(expected.sources.map((source) => `${source.model ?? name} (${source.orm})`))].join(', ') || 'the models';
        const consequence = narrower
          ? `nextval() fails ("reached ${BigInt(resolveSequenceOptions(actual).increment) < 0n ? 'minimum' : 'maximum'} value of sequence") before the values the model expects run out`
          : 'it hands out other numbers than the model expects';
        context.report({
          messageId: narrower ? 'narrower' : 'options',
          schema: identityOf?.table.schema ?? expected.schema,
          ...(identityOf ? { table: identityOf.table.name, column: identityOf.column } : {}),
          object: name,
          message: `${subject} has ${sequenceClauses(actual, changed)} in the database but ${sequenceClauses(expected, changed)} in ${models}: ${consequence}`,
          expected: { ...sequenceAspects(expected, changed), ...(identityOf ? { column: columnRef(identityOf.table, identityOf.column) } : {}) },
          actual: sequenceAspects(actual, changed),
          sources: identityOf?.table.sources ?? expected.sources,
        });
      },
    };
  },
});
