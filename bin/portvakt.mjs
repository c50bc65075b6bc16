#!/usr/bin/env node
// The operator CLI. Production runs the build in dist/ (`npm run build`) with plain node; a
// development checkout runs the TypeScript sources through tsx, so no build step is needed there.
import { existsSync } from 'node:fs';

const built = new URL('../dist/server/cli.js', import.meta.url);
const production = process.env.NODE_ENV === 'production';
if (production || !hasTsx()) {
  if (!existsSync(built)) {
    process.stderr.write('Portvakt is not built: dist/server/cli.js is missing; run npm run build first\n');
    process.exit(1);
  }
  await import(built.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../server/cli.ts');
}

function hasTsx() {
  try {
    import.meta.resolve('tsx/esm/api');
    return true;
  } catch {
    return false;
  }
}
