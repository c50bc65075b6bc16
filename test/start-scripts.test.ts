import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isWebBuildCurrent, stampWebBuild, webSourcesHash } from '../scripts/web-build.mjs';

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'portvakt-web-build-'));
  folders.push(root);
  mkdirSync(join(root, 'web', 'features'), { recursive: true });
  mkdirSync(join(root, 'contract'));
  writeFileSync(join(root, 'web', 'features', 'page.tsx'), 'export const Page = () => null;\n');
  writeFileSync(join(root, 'contract', 'errors.ts'), 'export const codes = [];\n');
  writeFileSync(join(root, 'package-lock.json'), '{}\n');
  return root;
}

function built(root: string): void {
  mkdirSync(join(root, 'web', 'dist'), { recursive: true });
  writeFileSync(join(root, 'web', 'dist', 'index.html'), '<!doctype html>');
  stampWebBuild(webSourcesHash(root), root);
}

describe('npm start rebuilds the web portal only when its sources changed (ADR 49)', () => {
  it('builds when there is no build, then not again until the portal, the contract or the lock file changes', () => {
    const root = project();
    expect(isWebBuildCurrent(root)).toBe(false);
    built(root);
    expect(isWebBuildCurrent(root)).toBe(true);
    // The build's own output is no source.
    writeFileSync(join(root, 'web', 'dist', 'assets.js'), 'built');
    expect(isWebBuildCurrent(root)).toBe(true);

    for (const [file, text] of [
      ['web/features/page.tsx', 'export const Page = () => "changed";\n'],
      ['web/features/new-page.tsx', 'export {};\n'],
      ['contract/errors.ts', "export const codes = ['x'];\n"],
      ['package-lock.json', '{ "lockfileVersion": 3 }\n'],
    ]) {
      writeFileSync(join(root, file!), text!);
      expect(isWebBuildCurrent(root), file).toBe(false);
      built(root);
    }
  });
});

describe('npm start hands signals on to the server', () => {
  it('SIGTERM to npm stops the server gracefully and npm exits 0, leaving nothing on the port', async () => {
    // npm test builds the web first; a stale build would make this start build it.
    if (!isWebBuildCurrent()) throw new Error('web/dist is stale: run npm run build:web first');
    const dataDir = mkdtempSync(join(tmpdir(), 'portvakt-npm-start-'));
    folders.push(dataDir);
    const npm = spawn('npm', ['start', '--silent'], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        NODE_ENV: 'development',
        PORT: '0',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'info',
        PORTVAKT_DEMO_PASSWORD: 'demo lösenord för testerna',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    npm.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    npm.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => npm.once('exit', resolve));
    for (const started = Date.now(); !/Server listening at (http:\/\/\S+)/.test(output); await new Promise((r) => setTimeout(r, 100))) {
      if (Date.now() - started > 150_000 || npm.exitCode !== null) throw new Error(`npm start did not come up:\n${output}`);
    }
    const url = /Server listening at (http:\/\/\S+)/.exec(output)![1]!.replace('0.0.0.0', '127.0.0.1');
    expect((await fetch(`${url}/health`)).status).toBe(200);

    npm.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toMatch(/shutting down[\s\S]*stopped/);
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  }, 240_000);
});
