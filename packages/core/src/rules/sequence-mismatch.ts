import { displayName } from '../model/qualified-name.ts';
import { qualifiedAsPrinted, quoteLiteral } from '../sql/quote.ts';
import { narrowerRange, resolveSequenceOptions } from '../normalize/sequence-options.ts';
import { columnRef, declaredBy } from './describe.ts';
import { defineRule, docsPath } from './rule.ts';
import { sequenceAspects, sequenceClauses } from './sequence-shape.ts';

export const sequenceMismatch = defineRule({
  meta: {
    code: 'sequence-mismatch',
    description:
      "A declared sequence, or an identity column's sequence, exists with other options (type, increment, range, start, cache, cycle) than the models declare, or an identity's sequence under another name than the model gives it.",
    docs: docsPath('sequence-mismatch'),
    messages: { narrower: 'error', options: 'warning', renamed: 'warning' },
    nextStep: 'bring the sequences to the declared options (ALTER SEQUENCE ...) in a migration, or change the models to match',
  },
  create(context) {
    return {
      'modify-sequence'({ expected, actual, changed, identityOf, renamed }) {
        const narrower = narrowerRange(resolveSequenceOptions(expected), resolveSequenceOptions(actual));
        const name = displayName(expected);
        // an identity's sequence is named as the database names it: a model's other name is one of its differences
        const subject = identityOf
          ? `the identity sequence ${qualifiedAsPrinted(actual)} of ${columnRef(identityOf.table, identityOf.column)}`
          : `sequence ${qualifiedAsPrinted(expected)}`;
        const models = identityOf
          ? declaredBy(identityOf.table)
          : [...new Set(expected.sources.map((source) => `${source.model ?? name} (${source.orm})`))].join(', ') || 'the models';
        const consequence = narrower
          ? `nextval() fails ("reached ${BigInt(resolveSequenceOptions(actual).increment) < 0n ? 'minimum' : 'maximum'} value of sequence") before the values the model expects run out`
          : changed.length > 0
            ? 'it hands out other numbers than the model expects'
            : `SQL that names the sequence (setval(${quoteLiteral(qualifiedAsPrinted(expected))}, ...), a later migration) does not find it`;
        const options =
          changed.length > 0 ? `has ${sequenceClauses(actual, changed)} in the database but ${sequenceClauses(expected, changed)} in ${models}` : '';
        const naming = renamed ? `is named ${qualifiedAsPrinted(expected)} in ${models}` : '';
        context.report({
          messageId: narrower ? 'narrower' : changed.length > 0 ? 'options' : 'renamed',
          schema: identityOf?.table.schema ?? expected.schema,
          ...(identityOf ? { table: identityOf.table.name, column: identityOf.column } : {}),
          object: identityOf ? displayName(actual) : name,
          message: `${subject} ${[options, naming].filter(Boolean).join(', and ')}: ${consequence}`,
          expected: { ...sequenceAspects(expected, changed), ...(identityOf ? { column: columnRef(identityOf.table, identityOf.column) } : {}) },
          actual: sequenceAspects(actual, changed),
          sources: identityOf?.table.sources ?? expected.sources,
        });
      },
    };
  },
});
