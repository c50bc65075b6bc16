import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webDistDir } from '../server/http/spa.ts';
import { startNodeProcess } from './server-process.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..');

/** What production needs and nothing else: real providers, keys, a public address. */
const productionEnv = (folder: string) => ({
  PATH: process.env.PATH ?? '',
  NODE_ENV: 'production',
  PORT: '0',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'info',
  DATA_DIR: join(folder, 'data'),
  PUBLIC_URL: 'https://mina-sidor.example.se',
  SECRET_KEY: 'a production secret key of enough length',
  ENCRYPTION_KEYS: 'k1:an encryption key of enough length',
  EMAIL_PROVIDER: 'smtp',
  SMTP_HOST: 'smtp.example.se',
  EMAIL_FROM: 'Mina sidor <no-reply@example.se>',
  SMS_PROVIDER: '46elks',
  SMS_SENDER: 'MinaSidor',
  ELKS_API_USERNAME: 'u-test',
  ELKS_API_PASSWORD: 'p-test',
});

describe('the production build (npm run build, npm ci --omit=dev, node dist/server/main.js)', () => {
  let folder: string;
  beforeAll(async () => {
    // web/dist comes from `npm run build:web`, which npm test runs first.
    if (!existsSync(join(webDistDir, 'index.html'))) throw new Error('web/dist is missing: run npm run build:web first');
    folder = mkdtempSync(join(tmpdir(), 'portvakt-production-'));
    for (const file of ['package.json', 'package-lock.json', 'bin']) cpSync(join(root, file), join(folder, file), { recursive: true });
    cpSync(webDistDir, join(folder, 'web', 'dist'), { recursive: true });
    await run(process.execPath, [join(root, 'scripts', 'build-server.mjs'), '--out-dir', join(folder, 'dist')], { cwd: root });
    // From the npm cache only: the test needs no network and takes seconds, not minutes.
    await run('npm', ['ci', '--omit=dev', '--offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: folder, env: { ...process.env, npm_config_update_notifier: 'false' } });
  }, 240_000);
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('installs no development tools: no TypeScript, tsx, esbuild or Vite', () => {
    for (const tool of ['typescript', 'tsx', 'esbuild', 'vite', 'vitest']) expect(existsSync(join(folder, 'node_modules', tool)), tool).toBe(false);
  });

  it('starts with plain node on the built files, migrates, serves the portal and the API, and stops cleanly', async () => {
    const { child, ready } = await startNodeProcess(['dist/server/main.js'], productionEnv(folder), /Server listening at (http:\/\/127\.0\.0\.1:\d+)/, 60_000, {
      cwd: folder,
      typescript: false,
    });
    try {
      const url = ready[1]!;
      expect((await fetch(`${url}/health`)).status).toBe(200);
      expect((await fetch(`${url}/ready`)).status).toBe(200);
      const page = await fetch(`${url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      const problem = await fetch(`${url}/api/v1/me`);
      expect(problem.status).toBe(401);
      expect(problem.headers.get('content-type')).toContain('application/problem+json');
    } finally {
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  }, 120_000);

  it('the CLI runs the build: it reports the version and finds the schema the server migrated current', async () => {
    const env = productionEnv(folder);
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect((await run(process.execPath, ['bin/portvakt.mjs', '--version'], { cwd: folder, env })).stdout.trim()).toBe(version);
    const usage = await run(process.execPath, ['bin/portvakt.mjs', 'sms-usage', '--json'], { cwd: folder, env: { ...env, LOG_LEVEL: 'silent' } });
    expect(JSON.parse(usage.stdout)).toMatchObject({ reserved: 0 });
  }, 60_000);

  it('with MIGRATE_ON_START=false leaves the schema to portvakt migrate and refuses one that is behind, in one line', async () => {
    const env = { ...productionEnv(folder), DATA_DIR: join(folder, 'unmigrated'), MIGRATE_ON_START: 'false' };
    const failed = await run(process.execPath, ['dist/server/main.js'], { cwd: folder, env }).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 1 });
    expect(failed.stderr).toMatch(/^The database schema is behind this version of Portvakt .*: run portvakt migrate, or start the server with MIGRATE_ON_START=true\n$/);
  }, 60_000);

  it('refuses to start in production without the built portal, in one line', async () => {
    rmSync(join(folder, 'web', 'dist'), { recursive: true });
    const failed = await run(process.execPath, ['dist/server/main.js'], { cwd: folder, env: productionEnv(folder) }).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toMatch(/^Portvakt is not built: .*web\/dist\/index\.html is missing; run npm run build before starting in production\n$/);
  }, 60_000);
});
