import { tableRef } from './describe.ts';
import { defineRule, docsPath } from './rule.ts';
import type { Provenance } from '../model/schema-model.ts';
import type { RegistryConflict } from '../merge/merge-registries.ts';

export const registryConflict = defineRule({
  meta: {
    code: 'registry-conflict',
    description: 'Two registries (or two models) declare the same table, enum type or sequence differently.',
    docs: docsPath('registry-conflict'),
    messages: { conflict: 'error' },
    nextStep: 'make the registries agree on one declaration of each table, enum type and sequence (or give one of them another name)',
  },
  create(context) {
    return {
      'registry-conflict'({ conflict }) {
        const name = tableRef(conflict);
        context.report({
          messageId: 'conflict',
          schema: conflict.schema,
          // a sequence declared on its own belongs to no table; a table's (and, as before, an enum type's) name is its table
          ...(conflict.object === 'sequence' ? {} : { table: conflict.name }),
          object: conflict.object,
          message: `${prefix[conflict.object]}${name} is declared differently by ${describe(conflict.first)} and ${describe(conflict.second)}: ${conflict.differences.join('; ')}`,
          expected: { declaredBy: describe(conflict.first) },
          actual: { declaredBy: describe(conflict.second), differences: conflict.differences },
          sources: [...conflict.first, ...conflict.second],
        });
      },
    };
  },
});

/** How the message names the object: a table by its name alone, as every other finding does. */
const prefix: Readonly<Record<RegistryConflict['object'], string>> = { table: '', enum: 'enum type ', sequence: 'sequence ' };

function describe(sources: readonly Provenance[]): string {
  return sources.map((source) => `${source.model ?? '?'} (${source.orm} ${source.registry})`).join(', ');
}
