import pino from 'pino';
import { loadConfig } from './config/config.ts';
import { systemClock } from './core/clock.ts';
import { createDatabase } from './db/database.ts';
import { DEMO_ACCOUNTS, seedDemo } from './demo/seed-demo.ts';
import { loadOrCreateDevSecrets } from './dev-secrets.ts';
import { logSerializers } from './db/log-safe-errors.ts';
import { buildApp } from './http/app.ts';
import { buildManagementApp } from './http/management.ts';
import { isSpaBuilt, serveSpa, webDistDir } from './http/spa.ts';
import { packageVersion } from './project-root.ts';
import { createServices } from './services.ts';
import { exitGracefullyOnSignals } from './shutdown.ts';
import { ExplainedError } from './start-failure.ts';

export interface ServeOptions {
  /** The process environment, read by the entry point (server/main.ts or the CLI). */
  env: Record<string, string | undefined>;
  /** false: the API only, with `portvakt worker` processes delivering the outbox beside it. */
  worker: boolean;
}

/**
 * The API server (with the in-process outbox worker unless told otherwise): `portvakt serve`,
 * `node dist/server/main.js` in production, `npm start` in development. Reads the environment,
 * with web/lib/env.ts the only place that does.
 */
export async function serve(options: ServeOptions): Promise<void> {
  const env = { ...options.env };
  const isProduction = env.NODE_ENV === 'production';
  const devSecrets = isProduction ? undefined : loadOrCreateDevSecrets(env.DATA_DIR ?? './data');
  if (devSecrets) env.SECRET_KEY ??= devSecrets.secretKey;
  const config = loadConfig(env);
  if (!options.worker) config.worker = 'off';
  // Production serves the portal it was built with; without it every page would be a 404.
  if (isProduction && !isSpaBuilt()) throw new ExplainedError(`Portvakt is not built: ${webDistDir}index.html is missing; run npm run build before starting in production`);

  const logger = pino({
    level: config.logLevel,
    serializers: logSerializers,
    ...(isProduction ? {} : developmentTransport()),
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'], remove: true },
  });
  logger.info({ version: packageVersion(), worker: config.worker }, 'starting Portvakt');
  const database = await createDatabase({
    url: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : config.dataDir,
    poolSize: config.databasePoolSize,
    timeouts: config.databaseTimeouts,
    schema: config.migrateOnStart ? 'migrate' : 'check',
  });
  const services = createServices({ config, database, clock: systemClock, logger });

  const demoPassword = config.demoPassword ?? devSecrets?.demoPassword;
  const embedded = !config.databaseUrl;
  if (embedded && !config.isProduction && demoPassword) await seedDemo(services, demoPassword);

  let shuttingDown = false;
  let hasSpa = false;
  const app = await buildApp({
    services,
    isShuttingDown: () => shuttingDown,
    extend: async (instance) => {
      hasSpa = await serveSpa(instance, { isProduction: config.isProduction });
    },
  });
  await app.listen({ port: config.port, host: config.host });
  const management = config.metrics.port === undefined ? undefined : await buildManagementApp({ registry: services.metrics.registry, logger });
  if (management) await management.listen({ port: config.metrics.port, host: config.metrics.host });
  const stopBackground = config.worker === 'in-process' ? await services.startBackground() : async () => {};

  if (embedded && !config.isProduction) {
    const base = `http://localhost:${config.port}`;
    const owner = DEMO_ACCOUNTS[0]!;
    const lines = [
      '',
      `  Mina sidor:  ${base}/${hasSpa ? '' : '  (web not built: run npm run build:web)'}`,
      `  API docs:    ${base}/api/docs`,
      `  Dev inbox:   ${base}/dev/inbox`,
      `    e-mail to ${owner.email}:  ${base}/dev/inbox?to=${encodeURIComponent(owner.email)}`,
      `    SMS to ${owner.phone}:  ${base}/dev/inbox?to=${encodeURIComponent(owner.phone)}`,
      `  Demo users:  owner@example.com, admin@example.com, user@example.com`,
      `  Password:    ${config.demoPassword ? '(from PORTVAKT_DEMO_PASSWORD)' : demoPassword}`,
      '',
    ];
    process.stdout.write(lines.join('\n') + '\n');
  }

  const { delaySeconds, timeoutSeconds } = config.shutdown;
  exitGracefullyOnSignals({
    logger,
    begin: () => {
      shuttingDown = true;
    },
    timeoutMs: (delaySeconds + timeoutSeconds) * 1000,
    steps: [
      // A load balancer polling /ready needs a few of its checks to take the node out.
      { message: `/ready answers 503; serving ${delaySeconds} s more so load balancers notice`, run: () => new Promise((resolve) => setTimeout(resolve, delaySeconds * 1000)) },
      {
        message: 'accepting no new connections; finishing the requests in flight',
        run: async () => {
          await app.close();
          await management?.close();
        },
      },
      { message: 'stopping the outbox worker after the messages it is sending', run: stopBackground },
      {
        message: 'closing the database',
        run: async () => {
          services.providers.close();
          await database.close();
        },
      },
    ],
  });
}

/**
 * In development, one readable line per log entry through pino-pretty; it is a development
 * dependency, so without it (a production-style install) the log stays JSON.
 */
function developmentTransport(): { transport?: pino.TransportSingleOptions } {
  try {
    import.meta.resolve('pino-pretty');
  } catch {
    return {};
  }
  return { transport: { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,reqId,method,path,status' } } };
}
