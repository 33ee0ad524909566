import { tableRef } from './describe.ts';
import { defineRule, docsPath } from './rule.ts';
import type { Provenance } from '../model/schema-model.ts';

export const registryConflict = defineRule({
  meta: {
    code: 'registry-conflict',
    description: 'Two registries declare the same table differently.',
    docs: docsPath('registry-conflict'),
    messages: { conflict: 'error' },
    nextStep: 'make the registries agree on one declaration of each table (or give one of them another table)',
  },
  create(context) {
    return {
      'registry-conflict'({ conflict }) {
        const name = tableRef(conflict);
        context.report({
          messageId: 'conflict',
          schema: conflict.schema,
          table: conflict.name,
          object: conflict.object,
          message: `${conflict.object === 'enum' ? 'enum type ' : ''}${name} is declared differently by ${describe(conflict.first)} and ${describe(conflict.second)}: ${conflict.differences.join('; ')}`,
          expected: { declaredBy: describe(conflict.first) },
          actual: { declaredBy: describe(conflict.second), differences: conflict.differences },
          sources: [...conflict.first, ...conflict.second],
        });
      },
    };
  },
});

function describe(sources: readonly Provenance[]): string {
  return sources.map((source) => `${source.model ?? '?'} (${source.orm} ${source.registry})`).join(', ');
}
