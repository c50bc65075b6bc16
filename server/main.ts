import pino from 'pino';
import { ConfigError, loadConfig } from './config/config.ts';
import { systemClock } from './core/clock.ts';
import { DataDirInUseError } from './db/data-dir-lock.ts';
import { createDatabase } from './db/database.ts';
import { logSerializers } from './db/log-safe-errors.ts';
import { DEMO_ACCOUNTS, seedDemo } from './demo/seed-demo.ts';
import { loadOrCreateDevSecrets } from './dev-secrets.ts';
import type { FastifyBaseLogger } from 'fastify';
import { buildApp } from './http/app.ts';
import { buildManagementApp } from './http/management.ts';
import { serveSpa } from './http/spa.ts';
import { createServices } from './services.ts';

/** The only place (with web/lib/env.ts) that reads the environment. */
async function main(): Promise<void> {
  const env = { ...process.env };
  const isProduction = env.NODE_ENV === 'production';
  const devSecrets = isProduction ? undefined : loadOrCreateDevSecrets(env.DATA_DIR ?? './data');
  if (devSecrets) env.SECRET_KEY ??= devSecrets.secretKey;
  const config = loadConfig(env);
  if (process.argv.includes('--no-worker')) config.worker = 'off';

  const logger = pino({
    level: config.logLevel,
    serializers: logSerializers,
    ...(isProduction ? {} : developmentTransport()),
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'], remove: true },
  });
  const database = await createDatabase({ url: config.databaseUrl, dataDir: config.databaseUrl ? undefined : config.dataDir, poolSize: config.databasePoolSize, timeouts: config.databaseTimeouts });
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
  const management = config.metrics.port === undefined ? undefined : await buildManagementApp({ registry: services.metrics.registry, logger: logger as FastifyBaseLogger });
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

  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    await app.close();
    await management?.close();
    await stopBackground();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error) => {
  if (error instanceof ConfigError || error instanceof DataDirInUseError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Portvakt failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  }
  process.exit(1);
});

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
