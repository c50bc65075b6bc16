// `npm run dev`: the server restarted on every change beside Vite's dev server with hot reload
// (it proxies /api to the server). Ctrl-C or SIGTERM stops both; either one ending ends both.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const children = [
  spawn(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'watch', '--clear-screen=false', 'server/main.ts'], { cwd: root, stdio: 'inherit' }),
  spawn(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'web'], { cwd: root, stdio: 'inherit' }),
];

let exitCode = 0;
let signalled = false;
const stopAll = (signal) => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill(signal);
};
for (const child of children) {
  child.on('exit', (code) => {
    exitCode ||= code ?? 0;
    stopAll('SIGTERM');
    // Stopped on request is a clean end; one of them failing on its own is not.
    if (children.every((c) => c.exitCode !== null || c.signalCode !== null)) process.exit(signalled ? 0 : exitCode);
  });
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    signalled = true;
    stopAll(signal);
  });
}
