import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config/config.ts';
import { createDatabase } from './db/database.ts';
import { loadOrCreateDevSecrets } from './dev-secrets.ts';
import { describeStartFailure } from './start-failure.ts';

/** The error a real attempt gives, to be described. */
async function failureOf(attempt: () => unknown): Promise<unknown> {
  try {
    await attempt();
  } catch (error) {
    return error;
  }
  throw new Error('the attempt did not fail');
}

const listen = (port: number, host: string) =>
  new Promise<Server>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject).listen(port, host, () => resolve(server));
  });

const oneLine = (text: string) => {
  expect(text).not.toContain('\n');
  expect(text).not.toMatch(/\bat .+:\d+:\d+/);
  return text;
};

describe('a start failure is one line that says what to do', () => {
  it('a port in use', async () => {
    const taken = await listen(0, '127.0.0.1');
    const port = String((taken.address() as AddressInfo).port);
    try {
      const error = await failureOf(() => listen(Number(port), '127.0.0.1'));
      expect(oneLine(describeStartFailure(error, { PORT: port, HOST: '127.0.0.1' }))).toBe(
        `Cannot listen on 127.0.0.1:${port}: the port is in use by another process. Stop that process or set PORT to a free port.`,
      );
    } finally {
      taken.close();
    }
  });

  it('an address that is not on this machine', async () => {
    const error = await failureOf(() => listen(0, '192.0.2.77'));
    expect(oneLine(describeStartFailure(error, { PORT: '3000', HOST: '192.0.2.77' }))).toMatch(/192\.0\.2\.77 is not an address of this machine\. Set HOST/);
  });

  it('a data folder that is a file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'portvakt-start-')), 'data');
    writeFileSync(file, 'not a folder');
    const error = await failureOf(() => loadOrCreateDevSecrets(join(file, 'inner')));
    expect(oneLine(describeStartFailure(error, { DATA_DIR: join(file, 'inner') }))).toMatch(/^DATA_DIR .* is not a folder \(ENOTDIR/);
  });

  it('a data folder the server may not write', () => {
    const error = Object.assign(new Error("EACCES: permission denied, mkdir '/srv/portvakt'"), { code: 'EACCES', path: '/srv/portvakt' });
    expect(oneLine(describeStartFailure(error, { DATA_DIR: '/srv/portvakt' }))).toMatch(/^Cannot write the data folder \/srv\/portvakt \(EACCES/);
  });

  it('a database that refuses connections, without printing the password', async () => {
    const closed = await listen(0, '127.0.0.1');
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const url = `postgres://portvakt:hemligt@127.0.0.1:${port}/portvakt`;
    const error = await failureOf(() => createDatabase({ url, timeouts: { connectMs: 2000, statementMs: 2000, idleInTransactionMs: 2000 } }));
    const line = oneLine(describeStartFailure(error, { DATABASE_URL: url }));
    expect(line).toBe(`Cannot reach the database at 127.0.0.1:${port}/portvakt: connection refused. Is PostgreSQL running there, and are the host and port in DATABASE_URL right?`);
    expect(line).not.toContain('hemligt');
  });

  it('a wrong password', () => {
    const error = Object.assign(new Error('password authentication failed for user "portvakt"'), { code: '28P01' });
    expect(oneLine(describeStartFailure(error, { DATABASE_URL: 'postgres://portvakt:fel@db.example.com/portvakt' }))).toBe(
      'The database at db.example.com:5432/portvakt refused the user name or password in DATABASE_URL (28P01). Check them.',
    );
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)('a database that does not exist', async () => {
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = '/portvakt_no_such_database';
    const error = await failureOf(() => createDatabase({ url: url.toString() }));
    expect(oneLine(describeStartFailure(error, { DATABASE_URL: url.toString() }))).toMatch(/portvakt_no_such_database does not exist\. Create it/);
  });

  it('a malformed DATABASE_URL is a configuration error naming the setting', async () => {
    const error = await failureOf(() => loadConfig({ SECRET_KEY: 'x'.repeat(40), DATABASE_URL: 'localhost:5432/portvakt' }));
    expect(describeStartFailure(error, {})).toMatch(/DATABASE_URL: must be a PostgreSQL URL/);
  });

  it('anything else keeps its stack for the bug report', () => {
    expect(describeStartFailure(new TypeError('x is undefined'), {})).toMatch(/^Portvakt failed to start: TypeError: x is undefined\n\s+at /);
  });
});
