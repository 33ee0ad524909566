import { describe, expect, it } from 'vitest';
import { parseColumnType } from '@ormdrift/core';
describe('smoke', () => { it('parses', () => { expect(parseColumnType('int4').name).toBe('integer'); }); });
