/**
 * libpq's second attempt for sslmode=prefer and sslmode=allow, against a server that speaks just enough of the
 * protocol to refuse: it records each connection's first message (an SSL request or a plain startup), answers an
 * SSL request with "no", and a startup with the error the test gives. The real server's side (prefer and allow
 * connecting and checking) is in the CLI tests.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectPostgres, ConnectionError } from '../src/index.ts';

/** PostgreSQL's ErrorResponse message with severity FATAL, the given SQLSTATE and text. */
function errorResponse(code: string, message: string): Buffer {
  const fields = Buffer.concat([
    ...[
      ['S', 'FATAL'],
      ['V', 'FATAL'],
      ['C', code],
      ['M', message],
    ].map(([type, value]) => Buffer.from(`${type}${value}\0`)),
    Buffer.from('\0'),
  ]);
  const length = Buffer.alloc(4);
  length.writeInt32BE(fields.length + 4);
  return Buffer.concat([Buffer.from('E'), length, fields]);
}

const sslRequestCode = 80_877_103;
let server: Server;
let port: number;
const sockets = new Set<Socket>();
/** Each connection's first message, in order: 'ssl' (an SSLRequest) or 'plain' (a startup message). */
let attempts: ('ssl' | 'plain')[] = [];
/** How the server answers a plain startup; `sslDelayMs` delays the "no" to an SSL request. */
let behaviour: { startup: Buffer | 'silent'; sslDelayMs?: number } = { startup: 'silent' };

beforeAll(async () => {
  server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.once('data', (data) => {
      if (data.length >= 8 && data.readInt32BE(4) === sslRequestCode) {
        attempts.push('ssl');
        setTimeout(() => socket.write('N'), behaviour.sslDelayMs ?? 0);
        // node-postgres sends its startup on the same socket after an "N" only for a required SSL: it fails instead
        return;
      }
      attempts.push('plain');
      if (behaviour.startup !== 'silent') socket.end(behaviour.startup);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  port = (server.address() as { port: number }).port;
});
afterEach(() => {
  attempts = [];
  for (const socket of sockets) socket.destroy();
  sockets.clear();
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

async function failure(query: string, env: Record<string, string> = {}): Promise<string> {
  const saved = process.env['PGSSLMODE'];
  if (env['PGSSLMODE'] === undefined) delete process.env['PGSSLMODE'];
  else process.env['PGSSLMODE'] = env['PGSSLMODE'];
  try {
    const error = await connectPostgres(`postgres://app:s3cret@127.0.0.1:${port}/app${query}`, { connectTimeoutMs: 3_000 }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).not.toContain('s3cret');
    return (error as Error).message;
  } finally {
    if (saved === undefined) delete process.env['PGSSLMODE'];
    else process.env['PGSSLMODE'] = saved;
  }
}

const wrongPassword = errorResponse('28P01', 'password authentication failed for user "app"');
const sslOnly = errorResponse('28000', 'no pg_hba.conf entry for host "127.0.0.1", user "app", database "app", no encryption');
const sslOnlyBefore16 = errorResponse('28000', 'no pg_hba.conf entry for host "127.0.0.1", user "app", database "app", SSL off');

describe('sslmode=prefer: SSL first, without it when the server refuses SSL', () => {
  it('the server refuses SSL: a second attempt without SSL, whose error is the one reported', async () => {
    behaviour = { startup: wrongPassword };
    expect(await failure('?sslmode=prefer')).toMatch(/: password authentication failed: check the user and password$/);
    expect(attempts).toEqual(['ssl', 'plain']);
  });

  it('PGSSLMODE=prefer does the same when the URL says nothing about SSL', async () => {
    behaviour = { startup: wrongPassword };
    expect(await failure('', { PGSSLMODE: 'prefer' })).toMatch(/password authentication failed/);
    expect(attempts).toEqual(['ssl', 'plain']);
  });

  it('never a third attempt: the plain one refused too is the end', async () => {
    behaviour = { startup: sslOnly };
    expect(await failure('?sslmode=prefer')).toMatch(/the server requires SSL for this user/);
    expect(attempts).toEqual(['ssl', 'plain']);
  });

  it('both attempts share the one connect timeout', async () => {
    // "no" to SSL after 2 s of the 3 s, then a plain attempt the server never answers: given up at 3 s, not 5 s
    behaviour = { startup: 'silent', sslDelayMs: 2_000 };
    const started = performance.now();
    expect(await failure('?sslmode=prefer')).toMatch(/no answer within 3 s/);
    expect(attempts).toEqual(['ssl', 'plain']);
    expect(performance.now() - started).toBeLessThan(4_000);
  });
});

describe('sslmode=allow: without SSL first, with it when the server refuses a connection without SSL', () => {
  it('pg_hba.conf has no entry without SSL (PostgreSQL 16+ wording): a second attempt with SSL', async () => {
    behaviour = { startup: sslOnly };
    expect(await failure('?sslmode=allow')).toMatch(/the server does not accept SSL connections but the URL asks for SSL \(sslmode=allow\)/);
    expect(attempts).toEqual(['plain', 'ssl']);
  });

  it('the same in the wording of PostgreSQL 15 and before, and from PGSSLMODE=allow', async () => {
    behaviour = { startup: sslOnlyBefore16 };
    await failure('', { PGSSLMODE: 'allow' });
    expect(attempts).toEqual(['plain', 'ssl']);
  });

  it('an authentication error is never retried', async () => {
    behaviour = { startup: wrongPassword };
    expect(await failure('?sslmode=allow')).toMatch(/password authentication failed: check the user and password$/);
    expect(attempts).toEqual(['plain']);
  });
});

describe('other modes make one attempt', () => {
  it.each(['sslmode=disable', 'sslmode=require', ''])('%s', async (query) => {
    behaviour = { startup: sslOnly };
    await failure(query ? `?${query}` : '');
    expect(attempts).toHaveLength(1);
  });
});
