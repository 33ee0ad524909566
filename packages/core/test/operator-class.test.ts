import { describe, expect, it } from 'vitest';
import {
  diffSchemas,
  operatorClassName,
  operatorClassParameters,
  sameOperatorClass,
  settleOperatorClasses,
  type IndexModel,
  type SchemaModel,
  type TableModel,
} from '@ormdrift/core';

function schema(indexes: IndexModel[]): SchemaModel {
  const sources = [{ orm: 'drizzle', model: 'labels' }] as unknown as TableModel['sources'];
  return {
    tables: [{ schema: 'public', name: 'labels', kind: 'table', columns: [], primaryKey: null, foreignKeys: [], uniques: [], indexes, sources }],
    enums: [],
  };
}

describe('operatorClassName', () => {
  it('names a class as pg_opclass does: without schema or parameters, a bare name folded, a quoted one as written', () => {
    expect(operatorClassName('text_ops')).toBe('text_ops');
    expect(operatorClassName('TEXT_OPS')).toBe('text_ops');
    expect(operatorClassName('public.gist_trgm_ops(siglen=32)')).toBe('gist_trgm_ops');
    expect(operatorClassName('gist_trgm_ops (siglen = 32)')).toBe('gist_trgm_ops');
    expect(operatorClassName('"My Ops"')).toBe('My Ops');
  });
});

describe('operatorClassParameters', () => {
  it('spells parameters one way: names folded, values unquoted, sorted; none is empty', () => {
    expect(operatorClassParameters("gist_trgm_ops (SIGLEN = '32')")).toBe('siglen=32');
    expect(operatorClassParameters('siglen=32')).toBe('siglen=32');
    expect(operatorClassParameters('gist__intbig_ops(siglen=8, numranges=4)')).toBe('numranges=4,siglen=8');
    expect(operatorClassParameters(undefined)).toBe('');
  });
});

describe('sameOperatorClass', () => {
  it('takes a declared class for the database key of that name, or for its default class of that name', () => {
    expect(sameOperatorClass({ opclass: 'public.GIN_TRGM_OPS' }, { opclass: 'gin_trgm_ops' })).toBe(true);
    expect(sameOperatorClass({ opclass: 'text_ops' }, { defaultOpclass: 'text_ops' })).toBe(true);
    expect(sameOperatorClass({ opclass: 'text_ops' }, {})).toBe(false);
    expect(sameOperatorClass({ opclass: 'text_ops' }, { opclass: 'text_pattern_ops' })).toBe(false);
    expect(sameOperatorClass({ opclass: 'text_pattern_ops' }, { defaultOpclass: 'text_ops' })).toBe(false);
    expect(sameOperatorClass(undefined, { defaultOpclass: 'text_ops' })).toBe(true);
    expect(sameOperatorClass(undefined, { opclass: 'text_pattern_ops' })).toBe(false);
  });

  it('compares the parameters declared after the class with those the index column holds', () => {
    expect(sameOperatorClass({ opclass: 'gist_trgm_ops(siglen=32)' }, { opclass: 'gist_trgm_ops', opclassParameters: 'siglen=32' })).toBe(true);
    expect(sameOperatorClass({ opclass: 'gist_trgm_ops(siglen=32)' }, { opclass: 'gist_trgm_ops', opclassParameters: 'siglen=64' })).toBe(false);
    expect(sameOperatorClass({ opclass: 'gist_trgm_ops(siglen=32)' }, { opclass: 'gist_trgm_ops' })).toBe(false);
    expect(sameOperatorClass({ opclass: 'gist_trgm_ops' }, { opclass: 'gist_trgm_ops', opclassParameters: 'siglen=32' })).toBe(false);
    // a default class with parameters, which the catalog read names
    expect(sameOperatorClass({ opclass: 'tsvector_ops(siglen=100)' }, { opclass: 'tsvector_ops', opclassParameters: 'siglen=100' })).toBe(true);
    expect(sameOperatorClass({ opclass: 'tsvector_ops' }, { opclass: 'tsvector_ops', opclassParameters: 'siglen=100' })).toBe(false);
    expect(sameOperatorClass(undefined, { opclass: 'tsvector_ops', opclassParameters: 'siglen=100' })).toBe(false);
  });
});

describe('settleOperatorClasses', () => {
  const declared = schema([
    { name: 'labels_name', columns: ['name', 'rank'], keys: [{ opclass: 'text_ops' }, {}] },
    { name: 'labels_lower', columns: [], expressions: ['lower(name)'], keys: [{ opclass: 'text_pattern_ops' }] },
  ]);

  it('asks only for the database indexes whose key meets a declared class with none, and names their default classes', async () => {
    const asked: unknown[] = [];
    const actual = schema([
      { name: 'labels_name', columns: ['name', 'rank'] },
      { name: 'labels_lower', columns: [], expressions: ['lower(name)'], keys: [{ opclass: 'text_pattern_ops' }] },
      { name: 'labels_other', columns: ['rank'] },
    ]);
    const settled = await settleOperatorClasses(declared, actual, async (indexes) => {
      asked.push(...indexes);
      return [['text_ops', 'int4_ops']];
    });
    expect(asked).toEqual([{ schema: 'public', name: 'labels_name' }]);
    expect(settled.tables[0]?.indexes[0]?.keys).toEqual([{ defaultOpclass: 'text_ops' }, { defaultOpclass: 'int4_ops' }]);
    expect(diffSchemas({ schema: declared, conflicts: [] }, settled)).toEqual([]);
    expect(diffSchemas({ schema: declared, conflicts: [] }, actual).map((change) => change.kind)).toEqual(['modify-index']);
  });

  it('asks nothing when no declared class meets a default key, and changes nothing when the read fails', async () => {
    const plain = schema([{ name: 'labels_lower', columns: [], expressions: ['lower(name)'], keys: [{ opclass: 'text_pattern_ops' }] }]);
    let calls = 0;
    expect(
      await settleOperatorClasses(declared, plain, async () => {
        calls++;
        return [];
      }),
    ).toBe(plain);
    expect(calls).toBe(0);
    const defaults = schema([{ name: 'labels_name', columns: ['name', 'rank'] }]);
    expect(
      await settleOperatorClasses(declared, defaults, async () => {
        throw new Error('connection lost');
      }),
    ).toBe(defaults);
  });
});
