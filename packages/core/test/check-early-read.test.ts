/**
 * `check()` reads the database while the models load when every source names its schemas: the read starts first,
 * a guess the models prove wrong is read again over the right schemas, and a model that fails to load is the error
 * reported, with the early read stopped.
 */
import { check, type IntrospectOptions, type Introspector, type SchemaModel, type SchemaSource } from '@ormdrift/core';
import { describe, expect, it } from 'vitest';
import { column, dbTable, schema, table } from './support/models.ts';

const users = table('users', [column('id', 'integer')], { primaryKey: ['id'] });
const database = schema([dbTable('users', [column('id', 'integer')], { primaryKey: ['id'] })]);

/** An introspector over a fixed model, recording each read's schemas and when it started relative to the loads. */
function recordingIntrospector(events: string[]): Introspector & { reads: string[][] } {
  const reads: string[][] = [];
  return {
    reads,
    async introspect(options: IntrospectOptions = {}): Promise<SchemaModel> {
      reads.push([...(options.schemas ?? [])]);
      events.push(`read ${(options.schemas ?? []).join(',')}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (options.signal?.aborted) throw new Error('read stopped');
      return database;
    },
  };
}

function modelSource(events: string[], schemas: readonly string[] | undefined, load: () => SchemaModel = () => schema([users])): SchemaSource {
  return {
    name: 'typeorm:default',
    async load() {
      events.push('load');
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { schema: load(), problems: [] };
    },
    ...(schemas ? { schemas: () => schemas } : {}),
  };
}

describe('check() reading the database while the models load', () => {
  it('starts the read before the load when the source names its schemas, and reads once', async () => {
    const events: string[] = [];
    const introspector = recordingIntrospector(events);
    const result = await check({ sources: [modelSource(events, ['public'])], introspector });
    expect(events).toEqual(['read public', 'load']);
    expect(result.findings).toEqual([]);
    expect(result.summary.tables).toBe(1);
  });

  it('reads after the load, as before, when a source does not name its schemas', async () => {
    const events: string[] = [];
    const introspector = recordingIntrospector(events);
    await check({ sources: [modelSource(events, undefined)], introspector });
    expect(events).toEqual(['load', 'read public']);
  });

  it('reads again over the schemas the models use when the guess was wrong', async () => {
    const events: string[] = [];
    const introspector = recordingIntrospector(events);
    const result = await check({ sources: [modelSource(events, ['audit'])], introspector });
    expect(introspector.reads).toEqual([['audit'], ['public']]);
    expect(result.findings).toEqual([]);
  });

  it('gives a wrongly guessed read up before its next statement, without interrupting it, and reads the right schemas', async () => {
    let given: IntrospectOptions = {};
    const reads: string[][] = [];
    const introspector: Introspector = {
      async introspect(options: IntrospectOptions = {}) {
        reads.push([...(options.schemas ?? [])]);
        if (reads.length === 1) {
          given = options;
          // the guessed read is still running when the models prove it wrong
          await new Promise<void>((resolve) => options.abandon?.addEventListener('abort', () => resolve()));
          options.abandon?.throwIfAborted();
        }
        return database;
      },
    };
    const result = await check({ sources: [modelSource([], ['audit'])], introspector });
    expect(reads).toEqual([['audit'], ['public']]);
    expect(given.abandon?.aborted).toBe(true);
    expect(given.signal?.aborted).toBe(false);
    expect(result.findings).toEqual([]);
  });

  it('reports a model that fails to load, not the read, and stops the read', async () => {
    const events: string[] = [];
    let stopped: AbortSignal | undefined;
    const introspector: Introspector = {
      introspect(options: IntrospectOptions = {}) {
        stopped = options.signal;
        return new Promise((_, reject) => options.signal?.addEventListener('abort', () => reject(new Error('read stopped'))));
      },
    };
    const failing = modelSource(events, ['public'], () => {
      throw new Error('TypeORM could not build the metadata of default');
    });
    await expect(check({ sources: [failing], introspector })).rejects.toThrow('TypeORM could not build the metadata of default');
    expect(stopped?.aborted).toBe(true);
  });
});
