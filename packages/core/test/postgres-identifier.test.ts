import { describe, expect, it } from 'vitest';
import { postgresIdentifier, postgresObjectName } from '@ormdrift/core';

describe('postgresIdentifier: names as PostgreSQL stores them', () => {
  it('keeps a name of 63 bytes or fewer', () => {
    expect(postgresIdentifier('users')).toBe('users');
    expect(postgresIdentifier('a'.repeat(63))).toBe('a'.repeat(63));
  });

  it('cuts a longer name to its first 63 bytes', () => {
    expect(postgresIdentifier('quarterly_regional_distribution_center_inventory_reconciliation_items')).toBe(
      'quarterly_regional_distribution_center_inventory_reconciliation',
    );
  });

  it('counts bytes, not characters, and never cuts a character in half', () => {
    // é is 2 bytes: 31 of them are 62 bytes, a 32nd would be 64
    expect(postgresIdentifier('é'.repeat(40))).toBe('é'.repeat(31));
    // a 4-byte character straddling byte 63 is dropped whole
    expect(postgresIdentifier(`${'a'.repeat(61)}😀b`)).toBe('a'.repeat(61));
    expect(postgresIdentifier(`${'a'.repeat(59)}😀b`)).toBe(`${'a'.repeat(59)}😀`);
  });
});

describe('postgresObjectName: names PostgreSQL chooses itself (makeObjectName)', () => {
  it('joins the parts when they fit', () => {
    expect(postgresObjectName('users', 'id', 'seq')).toBe('users_id_seq');
  });

  it('shortens the longer part so the label survives', () => {
    const table = 'quarterly_regional_distribution_center_inventory_reconciliation_items';
    const name = postgresObjectName(table, 'id', 'seq');
    expect(name).toBe(`${table.slice(0, 63 - '_id_seq'.length)}_id_seq`);
    expect(Buffer.byteLength(name)).toBe(63);
  });

  it('shortens both parts evenly when both are long', () => {
    const name = postgresObjectName('t'.repeat(50), 'c'.repeat(50), 'key');
    expect(name).toBe(`${'t'.repeat(29)}_${'c'.repeat(29)}_key`);
  });
});
