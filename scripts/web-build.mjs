// The web portal's build, redone only when its sources changed: a second `npm start` answers
// within seconds instead of rebuilding for half a minute (ADR 49).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const distDir = join(root, 'web', 'dist');
/** Written into web/dist after a build: the hash of the sources it was built from. */
const stampFile = join(distDir, '.sources-hash');
/** What the bundle is made of: the portal, the shared contract, and the installed versions. */
const sources = ['web', 'contract', 'package-lock.json'];
const skipped = new Set([distDir, join(root, 'web', 'node_modules')]);

export function webSourcesHash() {
  const hash = createHash('sha256');
  for (const file of sources.flatMap((source) => listFiles(join(root, source))).sort()) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

function listFiles(path) {
  if (!existsSync(path) || skipped.has(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => listFiles(join(path, name)));
}

export function isWebBuildCurrent() {
  return existsSync(join(distDir, 'index.html')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === webSourcesHash();
}

/** Build web/ into web/dist with Vite and stamp the result; throws when Vite fails. */
export function buildWeb() {
  const hash = webSourcesHash();
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', 'web'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`the web build failed (exit ${result.status ?? result.signal})`);
  writeFileSync(stampFile, hash);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    if (process.argv.includes('--if-changed') && isWebBuildCurrent()) process.exit(0);
    buildWeb();
  } catch (error) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
