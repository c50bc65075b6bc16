import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { startServerProcess } from './server-process.ts';

const run = promisify(execFile);
const DEMO_PASSWORD = 'demo lösenord för testerna';

describe('the server process (npm start on the embedded database)', () => {
  it('starts with demo data and the dev inbox, signs the owner in, and shuts down gracefully', async () => {
    const server = await startServerProcess({ PORTVAKT_DEMO_PASSWORD: DEMO_PASSWORD }, 120_000);
    try {
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
      expect((await fetch(`${server.url}/ready`)).status).toBe(200);
      const login = await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'owner@example.com', password: DEMO_PASSWORD }),
      });
      const step = (await login.json()) as { status: string; flowId: string };
      expect(step.status).toBe('code_required');

      // The in-process worker delivers the code to the dev inbox.
      let code: string | undefined;
      for (let i = 0; i < 50 && !code; i++) {
        const inbox = (await (await fetch(`${server.url}/api/v1/dev/messages?to=%2B46701740001`)).json()) as Array<{ body: string }>;
        code = inbox[0]?.body.match(/\b(\d{6})\b/)?.[1];
        if (!code) await new Promise((r) => setTimeout(r, 100));
      }
      const verify = await fetch(`${server.url}/api/v1/auth/login/verify`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ flowId: step.flowId, code }),
      });
      expect(verify.status).toBe(200);
    } finally {
      const exited = new Promise<number | null>((resolve) => server.child.once('exit', resolve));
      server.child.kill('SIGTERM');
      expect(await exited).toBe(0);
      await server.stop();
    }
  }, 180_000);

  it('refuses to start with a clear message when the configuration is wrong', async () => {
    const failed = await run(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', PORT: '0' },
    }).catch((error: { code: number; stderr: string }) => error);
    expect('code' in failed && failed.code).toBe(1);
    expect((failed as { stderr: string }).stderr).toMatch(/Invalid configuration:[\s\S]*SECRET_KEY/);
  }, 120_000);

  it("the operators' CLI migrates only when asked, creates an account waiting for activation and reports SMS usage", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'portvakt-cli-'));
    try {
      const env = { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
      const unmigrated = await run(process.execPath, ['bin/portvakt.mjs', 'sms-usage'], { env }).catch((e: { code: number; stderr: string }) => e);
      expect(unmigrated).toMatchObject({ code: 1 });
      expect(unmigrated.stderr).toMatch(/^The database schema is behind .*: run portvakt migrate/);
      expect((await run(process.execPath, ['bin/portvakt.mjs', 'migrate'], { env })).stdout).toMatch(/^applied: 0001_identity\.sql/);
      const { stdout } = await run(process.execPath, ['bin/portvakt.mjs', 'account', 'create', '--email', 'Ny.Kund@Example.se', '--name', 'Ny Kund', '--phone', '070-174 00 09'], { env });
      expect(stdout).toMatch(/created ny\.kund@example\.se \(pending_activation\)/);
      const again = await run(process.execPath, ['bin/portvakt.mjs', 'account', 'create', '--email', 'ny.kund@example.se', '--name', 'X'], { env }).catch((e: { stderr: string }) => e);
      expect(again.stderr).toContain('email_taken');
      const migrate = await run(process.execPath, ['bin/portvakt.mjs', 'migrate'], { env });
      expect(migrate.stdout).toContain('database is up to date');
      const usage = await run(process.execPath, ['bin/portvakt.mjs', 'sms-usage', '--month', '2026-11', '--json'], { env });
      expect(JSON.parse(usage.stdout)).toMatchObject({ month: '2026-11', reserved: 0, total: [], byInstallation: [] });
      const badMonth = await run(process.execPath, ['bin/portvakt.mjs', 'sms-usage', '--month', '2026-13'], { env }).catch((e: { stderr: string }) => e);
      expect(badMonth.stderr).toContain('--month must be YYYY-MM');
      expect((await run(process.execPath, ['bin/portvakt.mjs', 'account', 'unlock', 'ny.kund@example.se'], { env })).stdout).toContain('ny.kund@example.se was not locked');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);

  it('the CLI tells its version, and its help names the flags it has', async () => {
    const env = { PATH: process.env.PATH ?? '' };
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect((await run(process.execPath, ['bin/portvakt.mjs', '--version'], { env })).stdout.trim()).toBe(version);
    const help = (await run(process.execPath, ['bin/portvakt.mjs', 'account', 'create', '--help'], { env })).stdout;
    expect(help).toContain('without --password-stdin it waits for activation');
    expect(help).not.toMatch(/--password\b(?!-stdin)/);
    const commands = (await run(process.execPath, ['bin/portvakt.mjs', '--help'], { env })).stdout;
    for (const command of ['serve', 'worker', 'migrate', 'account', 'sms-usage']) expect(commands).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
  }, 60_000);
});
