import { describeStartFailure, serve } from './serve.ts';

/** `node dist/server/main.js [--no-worker]`: the server without the operator CLI around it. */
serve({ worker: !process.argv.includes('--no-worker') }).catch((error: unknown) => {
  process.stderr.write(`${describeStartFailure(error)}\n`);
  process.exit(1);
});
