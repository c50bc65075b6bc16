import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { startServerProcess } from '../../test/server-process.ts';
import { DataDirInUseError, lockDataDir, type LockHolder } from './data-dir-lock.ts';
import { createDatabase } from './database.ts';

const run = promisify(execFile);
const folders: string[] = [];
function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'portvakt-lock-'));
  folders.push(dir);
  return dir;
}
afterEach(() => folders.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function leaveLock(dir: string, holder: Partial<LockHolder>): void {
  const full: LockHolder = { pid: 1, host: hostname(), processStart: null, command: 'portvakt serve', since: '2026-12-01T10:00:00.000Z', ...holder };
  writeFileSync(join(dir, 'portvakt.lock'), JSON.stringify(full));
}

describe('the embedded database folder belongs to one process', () => {
  it('refuses a folder held by a live process and names it', () => {
    const dir = freshDir();
    leaveLock(dir, { pid: process.ppid, command: 'node server/main.ts' });
    expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
    expect(() => lockDataDir(dir)).toThrow(new RegExp(`in use by process ${process.ppid} \\(node server/main.ts`));
  });

  it('takes over a lock left by a process that no longer runs, or by a reused pid', () => {
    const dir = freshDir();
    leaveLock(dir, { pid: 2 ** 22 + 17 }); // above Linux's pid_max: never a live process
    const release = lockDataDir(dir, 'test');
    release();
    expect(existsSync(join(dir, 'portvakt.lock'))).toBe(false);

    leaveLock(dir, { pid: process.ppid, processStart: 'another start' });
    lockDataDir(dir, 'test')();
  });

  it('a second server on the same folder is refused, the CLI says to stop it, and a killed server leaves no stuck lock', async () => {
    const dataDir = freshDir();
    const env = { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
    const first = await startServerProcess({ DATA_DIR: dataDir, PORTVAKT_DEMO_PASSWORD: 'demo lösenord för testerna' }, 120_000);
    try {
      const second = await startServerProcess({ DATA_DIR: dataDir }, 120_000).then(
        (server) => server.stop().then(() => 'started'),
        (error: Error) => error.message,
      );
      expect(second).toMatch(new RegExp(`exited with 1:\\s*The embedded database in .+ is in use by process ${first.child.pid} `));
      expect(second).not.toMatch(/\n\s+at /); // one line, no stack trace

      const cli = await run(process.execPath, ['bin/portvakt.mjs', 'account', 'create', '--email', 'ny@example.se', '--name', 'Ny Kund'], { env }).catch(
        (error: { code: number; stderr: string }) => error,
      );
      expect('code' in cli && cli.code).toBe(1);
      expect(cli.stderr.trim()).toMatch(new RegExp(`^The embedded database .* in use by process ${first.child.pid} .*stop that process first[^\\n]*$`));
    } finally {
      const exited = new Promise((resolve) => first.child.once('exit', resolve));
      first.child.kill('SIGKILL');
      await exited;
    }

    const { stdout } = await run(process.execPath, ['bin/portvakt.mjs', 'account', 'create', '--email', 'ny@example.se', '--name', 'Ny Kund'], { env });
    expect(stdout).toMatch(/created ny@example\.se/);
    const database = await createDatabase({ dataDir });
    try {
      const { rows } = (await database.db.execute(sql`select email from accounts where email = 'ny@example.se'`)) as unknown as { rows: unknown[] };
      expect(rows).toHaveLength(1);
    } finally {
      await database.close();
    }
  }, 240_000);
});
