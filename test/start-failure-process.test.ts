import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const run = promisify(execFile);

it('the server refuses a port in use with one line on stderr and exit 1', async () => {
  const taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  const port = String((taken.address() as AddressInfo).port);
  const dataDir = mkdtempSync(join(tmpdir(), 'portvakt-port-'));
  try {
    const failed = await run(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'development', PORT: port, HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    }).catch((error: { code: number; stderr: string }) => error);
    expect('code' in failed && failed.code).toBe(1);
    expect((failed as { stderr: string }).stderr).toBe(`Cannot listen on 127.0.0.1:${port}: the port is in use by another process. Stop that process or set PORT to a free port.\n`);
  } finally {
    taken.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 120_000);
