import { serve } from './serve.ts';
import { describeStartFailure } from './start-failure.ts';

/** `node dist/server/main.js [--no-worker]`: the server without the operator CLI around it. */
serve({ env: process.env, worker: !process.argv.includes('--no-worker') }).catch((error: unknown) => {
  process.stderr.write(`${describeStartFailure(error, process.env)}\n`);
  process.exit(1);
});
