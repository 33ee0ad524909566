/**
 * A query parameter node-postgres would silently ignore is refused before any connection is attempted (the URLs
 * point at a port nothing listens on: a refusal that reached the network would say so), in one line naming it and
 * the parameters ormdrift reads, never the password.
 */
import { createServer, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { connectPostgres, ConnectionError } from '../src/index.ts';

const base = 'postgres://app:s3cret@127.0.0.1:1/app';
const understood =
  'host, port, user, password, application_name, fallback_application_name, options, connect_timeout, statement_timeout, lock_timeout, ' +
  'idle_in_transaction_session_timeout, client_encoding, sslmode, sslrootcert, sslcert, sslkey, sslnegotiation, ssl, uselibpqcompat';

async function message(query: string, env: NodeJS.ProcessEnv = {}): Promise<string> {
  const saved = process.env['PGSSLMODE'];
  if (env['PGSSLMODE'] === undefined) delete process.env['PGSSLMODE'];
  else process.env['PGSSLMODE'] = env['PGSSLMODE'];
  try {
    const error = await connectPostgres(`${base}${query}`, { connectTimeoutMs: 2_000 }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ConnectionError);
    const text = (error as Error).message;
    expect(text).not.toContain('s3cret');
    expect(text.split('\n')).toHaveLength(1);
    return text;
  } finally {
    if (saved === undefined) delete process.env['PGSSLMODE'];
    else process.env['PGSSLMODE'] = saved;
  }
}

describe('query parameters of the connection string', () => {
  it('a misspelt sslmode is named, with the parameters ormdrift reads', async () => {
    expect(await message('?sslmod=require')).toBe(
      `unknown parameter sslmod in the connection string (misspelt?): the parameters ormdrift reads are ${understood}`,
    );
  });

  it('parameter names are case-sensitive, as in node-postgres and libpq', async () => {
    expect(await message('?sslMode=require')).toMatch(/^unknown parameter sslMode in the connection string/);
  });

  it('a libpq parameter node-postgres does not read says so', async () => {
    expect(await message('?sslcrl=/etc/ssl/crl.pem')).toBe(
      `sslcrl in the connection string is a libpq parameter that node-postgres, which ormdrift connects with, does not read: remove it; the parameters ormdrift reads are ${understood}`,
    );
  });

  it.each([
    ['dbname=app', 'dbname in the connection string is not read by ormdrift: write the database in the path: postgres://user@host:5432/database'],
    ['schema=public', 'schema in the connection string is not read by ormdrift: to check some schemas only, pass --schema NAME'],
    ['binary=false', "binary in the connection string is not read by ormdrift: node-postgres's binary results are not what ormdrift reads: remove it"],
  ])('%s: what to write instead', async (query, expected) => {
    expect(await message(`?${query}`)).toBe(expected);
  });

  it('a parameter given twice (node-postgres reads the last one, a reader the first)', async () => {
    expect(await message('?sslmode=disable&sslmode=require')).toBe('sslmode is given twice in the connection string: give each parameter once');
  });

  it('the value of a refused parameter is never printed: it may be a password', async () => {
    const text = await message('?pasword=hunter2');
    expect(text).toMatch(/^unknown parameter pasword in the connection string/);
    expect(text).not.toContain('hunter2');
  });

  it('a name with a control character is printed escaped', async () => {
    expect(await message('?ssl%1bmode=require')).toMatch(/^unknown parameter ssl\\x1bmode in the connection string/);
  });

  it.each(['0', '-1', '2.5', 'ten'])('connect_timeout=%s: a whole number of seconds, 1 or more', async (value) => {
    expect(await message(`?connect_timeout=${value}`)).toBe(
      `connect_timeout=${value} in the connection string: give a whole number of seconds, 1 or more (e.g. connect_timeout=10)`,
    );
  });

  it('connect_timeout is the connect timeout when none is given in code', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => sockets.push(socket)); // accepts, never answers
    await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
    try {
      const port = (silent.address() as { port: number }).port;
      const started = performance.now();
      const error = await connectPostgres(`postgres://app@127.0.0.1:${port}/app?connect_timeout=1`).catch((caught: unknown) => caught);
      expect((error as Error).message).toBe(`cannot connect to postgres://app@127.0.0.1:${port}/app: no answer within 1 s: check the host, port and firewall`);
      expect(performance.now() - started).toBeLessThan(4_000);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((done) => silent.close(() => done()));
    }
  });

  it('client_encoding other than UTF-8, which node-postgres would read answers in without telling the server', async () => {
    expect(await message('?client_encoding=latin1')).toBe(
      'client_encoding=latin1 in the connection string: node-postgres reads every answer as UTF-8 and does not send client_encoding to the server: remove it',
    );
  });

  it("every parameter ormdrift reads is accepted (the refusal is the network's)", async () => {
    const query =
      '?host=127.0.0.1&port=1&user=app&password=s3cret&application_name=a&fallback_application_name=b&options=-c%20search_path%3Dpublic' +
      '&connect_timeout=2&statement_timeout=1000&lock_timeout=1000&idle_in_transaction_session_timeout=1000&client_encoding=UTF8&sslmode=disable&uselibpqcompat=false';
    expect(await message(query)).toMatch(/: connection refused: /);
  });

  it('libpq parameters that only tune keepalive or server choice are accepted, as libpq accepts them', async () => {
    const query =
      '?keepalives=1&keepalives_idle=30&keepalives_interval=10&keepalives_count=3&tcp_user_timeout=1000' +
      '&target_session_attrs=read-write&load_balance_hosts=disable&sslmode=disable';
    expect(await message(query)).toMatch(/: connection refused: /);
  });

  it('PGSSLMODE that is no SSL mode, when the URL leaves SSL to it (node-postgres would connect without SSL)', async () => {
    expect(await message('', { PGSSLMODE: 'requir' })).toBe(
      'PGSSLMODE=requir in the environment is not an SSL mode: use one of disable, allow, prefer, require, verify-ca, verify-full, no-verify, or unset it',
    );
    // an sslmode in the URL wins, as in node-postgres and libpq
    expect(await message('?sslmode=disable', { PGSSLMODE: 'requir' })).toMatch(/: connection refused: /);
  });
});
