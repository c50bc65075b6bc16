// The server compiled to JavaScript in dist/ with its SQL migrations beside it, so production
// runs `node dist/server/main.js` with neither TypeScript nor tsx installed (ADR 49).
// `--out-dir DIR` builds elsewhere (the production-build test builds into its own folder).
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const at = process.argv.indexOf('--out-dir');
const dist = at > 0 ? resolve(process.argv[at + 1]) : join(root, 'dist');
// From clean, so a module deleted from the sources cannot linger in the build.
rmSync(dist, { recursive: true, force: true });
const tsc = spawnSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json', '--outDir', dist], { cwd: root, stdio: 'inherit' });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
cpSync(join(root, 'server', 'db', 'migrations'), join(dist, 'server', 'db', 'migrations'), { recursive: true });
