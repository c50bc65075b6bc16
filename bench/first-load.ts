/**
 * First load: a new customer's first visit to the sign-in page, measured in Chromium with an
 * empty cache against the real server (server/main.ts on an embedded database of its own) and
 * the built portal in web/dist (`npm run build:web` first).
 *
 * Figures: JavaScript bytes on the wire (encoded response bodies of scripts), the number of
 * requests, and all bytes on the wire (bodies and headers). Goals in docs/benchmarks.md.
 * `npm run bench -- first-load` runs only this.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Request } from 'playwright-core';
import { freePort, repoRoot, startChild, waitUntilReady } from './lib/child.ts';
import { updateFirstLoadDoc } from './lib/report.ts';

export const firstLoadGoals = { javaScriptKiB: 120, requests: 25 };

export interface LoadedFile {
  path: string;
  type: string;
  encoding: string;
  /** Encoded body bytes as they came over the wire. */
  bytes: number;
}

export interface FirstLoad {
  javaScriptKiB: number;
  requests: number;
  totalKiB: number;
  files: LoadedFile[];
  goals: typeof firstLoadGoals;
  met: boolean;
  chromium: string;
}

const kib = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/** One cold visit to /sign-in; the page counts as loaded when its form shows and the network is quiet. */
async function visitSignIn(baseUrl: string, chromiumPath: string): Promise<FirstLoad> {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const context = await browser.newContext({ locale: 'sv-SE' });
    const page = await context.newPage();
    const finished: Request[] = [];
    page.on('requestfinished', (request) => finished.push(request));
    await page.goto(`${baseUrl}/sign-in`, { waitUntil: 'networkidle' });
    await page.locator('input[type="password"]').waitFor();
    const files = await Promise.all(
      finished.map(async (request) => {
        const sizes = await request.sizes();
        const response = await request.response();
        return {
          file: {
            path: new URL(request.url()).pathname,
            type: request.resourceType(),
            encoding: (await response?.headerValue('content-encoding')) ?? 'identity',
            bytes: sizes.responseBodySize,
          },
          wire: sizes.responseBodySize + sizes.responseHeadersSize + sizes.requestHeadersSize + sizes.requestBodySize,
        };
      }),
    );
    const javaScript = files.filter((f) => f.file.type === 'script').reduce((sum, f) => sum + f.file.bytes, 0);
    const total = files.reduce((sum, f) => sum + f.wire, 0);
    const result = { javaScriptKiB: kib(javaScript), requests: files.length, totalKiB: kib(total) };
    return {
      ...result,
      files: files.map((f) => f.file),
      goals: firstLoadGoals,
      met: result.javaScriptKiB <= firstLoadGoals.javaScriptKiB && result.requests <= firstLoadGoals.requests,
      chromium: browser.version(),
    };
  } finally {
    await browser.close();
  }
}

/** Start the server on a loopback port, measure, stop it. */
export async function measureFirstLoad(log: (message: string) => void): Promise<FirstLoad> {
  if (!existsSync(join(repoRoot, 'web', 'dist', 'index.html'))) throw new Error('web/dist is missing: run npm run build:web first');
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromiumPath)) throw new Error(`no Chromium at ${chromiumPath} (set CHROMIUM_PATH)`);
  const dataDir = mkdtempSync(join(tmpdir(), 'portvakt-first-load-'));
  const port = await freePort();
  const server = startChild('first-load server', '../server/main.ts', {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    WORKER: 'off',
    DATA_DIR: dataDir,
  });
  try {
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitUntilReady(`${baseUrl}/ready`, server);
    const result = await visitSignIn(baseUrl, chromiumPath);
    log(
      `first load of /sign-in: ${result.javaScriptKiB} kB JavaScript on the wire (goal ≤ ${firstLoadGoals.javaScriptKiB}), ${result.requests} requests (goal ≤ ${firstLoadGoals.requests}), ${result.totalKiB} kB in all`,
    );
    for (const file of result.files) log(`  ${file.type.padEnd(10)} ${file.encoding.padEnd(8)} ${String(kib(file.bytes)).padStart(7)} kB  ${file.path}`);
    return result;
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Measure and record: bench/results/<date>-first-load.json and the first-load table of docs/benchmarks.md. */
export async function runFirstLoad(log: (message: string) => void): Promise<void> {
  const date = new Date().toISOString().slice(0, 10);
  const result = await measureFirstLoad(log);
  const resultsDir = join(repoRoot, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  const run = { date, ...result, machine: { node: process.version, chromium: result.chromium } };
  writeFileSync(join(resultsDir, `${date}-first-load.json`), JSON.stringify(run, null, 2) + '\n');
  updateFirstLoadDoc(join(repoRoot, 'docs', 'benchmarks.md'), run);
  log(`wrote bench/results/${date}-first-load.json and docs/benchmarks.md`);
}
