// The web portal's build, redone only when its sources changed: a second `npm start` answers
// within seconds instead of rebuilding for half a minute (ADR 49).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
/** What the bundle is made of: the portal, the shared contract, and the installed versions. */
const sources = ['web', 'contract', 'package-lock.json'];
/** Written into web/dist after a build: the hash of the sources it was built from. */
const stampName = '.sources-hash';

export function webSourcesHash(root = projectRoot) {
  const skipped = new Set([join(root, 'web', 'dist'), join(root, 'web', 'node_modules')]);
  const listFiles = (path) => {
    if (!existsSync(path) || skipped.has(path)) return [];
    if (!statSync(path).isDirectory()) return [path];
    return readdirSync(path).flatMap((name) => listFiles(join(path, name)));
  };
  const hash = createHash('sha256');
  for (const file of sources.flatMap((source) => listFiles(join(root, source))).sort()) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

export function isWebBuildCurrent(root = projectRoot) {
  const dist = join(root, 'web', 'dist');
  return existsSync(join(dist, 'index.html')) && existsSync(join(dist, stampName)) && readFileSync(join(dist, stampName), 'utf8') === webSourcesHash(root);
}

/** Record that web/dist holds a build of the sources whose hash was taken before it began. */
export function stampWebBuild(hash, root = projectRoot) {
  writeFileSync(join(root, 'web', 'dist', stampName), hash);
}

/** Build web/ into web/dist with Vite and stamp the result; throws when Vite fails. */
export function buildWeb() {
  // Taken first: a file saved during the build makes the next start build again.
  const hash = webSourcesHash();
  const vite = join(projectRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', 'web'], { cwd: projectRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`the web build failed (exit ${result.status ?? result.signal})`);
  stampWebBuild(hash);
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
