import { Command } from 'commander';
import pino from 'pino';
import { logSerializers } from './db/log-safe-errors.ts';
import { loadConfig, type Config } from './config/config.ts';
import { systemClock } from './core/clock.ts';
import { createDatabase } from './db/database.ts';
import { runMigrations } from './db/migrate.ts';
import { seedDemo } from './demo/seed-demo.ts';
import { loadOrCreateDevSecrets } from './dev-secrets.ts';
import { formatSmsUsage, monthRange, smsUsageReport } from './modules/backoffice/index.ts';
import { monthKey } from './modules/verification/index.ts';
import { packageVersion } from './project-root.ts';
import { serve } from './serve.ts';
import { createServices } from './services.ts';
import { exitGracefullyOnSignals } from './shutdown.ts';
import { describeStartFailure, ExplainedError } from './start-failure.ts';

/**
 * Operators' command line (DESIGN): `serve` and `worker` are the production processes; only
 * `serve` (MIGRATE_ON_START) and `migrate` change the schema, every other command checks it.
 */
function configFromEnv(): Config {
  const env = { ...process.env };
  if (env.NODE_ENV !== 'production') env.SECRET_KEY ??= loadOrCreateDevSecrets(env.DATA_DIR ?? './data').secretKey;
  return loadConfig(env);
}

async function withServices<T>(run: (services: ReturnType<typeof createServices>) => Promise<T>): Promise<T> {
  const config = configFromEnv();
  const database = await createDatabase({
    url: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : config.dataDir,
    poolSize: 2,
    timeouts: config.databaseTimeouts,
    schema: 'check',
  });
  const services = createServices({ config, database, clock: systemClock, logger: pino({ level: config.logLevel, serializers: logSerializers }) });
  try {
    return await run(services);
  } finally {
    services.providers.close();
    await database.close();
  }
}

const program = new Command('portvakt').description('Portvakt operations').version(packageVersion(), '-V, --version', 'print the version');

program
  .command('serve')
  .description('run the API server (and the outbox worker, unless --no-worker or WORKER=off)')
  .option('--no-worker', 'leave the outbox to `portvakt worker` processes')
  .action(async (options: { worker: boolean }) => {
    await serve({ env: process.env, worker: options.worker });
  });

program
  .command('migrate')
  .description('apply database migrations')
  .action(async () => {
    const config = configFromEnv();
    const database = await createDatabase({ url: config.databaseUrl, dataDir: config.databaseUrl ? undefined : config.dataDir, schema: 'none', timeouts: config.databaseTimeouts });
    const applied = await runMigrations(database.db);
    await database.close();
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
  });

program
  .command('seed-demo')
  .description('create the demo accounts (development only)')
  .option('--password <password>', 'demo password (default: PORTVAKT_DEMO_PASSWORD or the generated one)')
  .action(async (options: { password?: string }) => {
    const config = configFromEnv();
    if (config.isProduction) throw new ExplainedError('seed-demo is refused in production');
    const password = options.password ?? config.demoPassword ?? loadOrCreateDevSecrets(config.dataDir).demoPassword;
    const created = await withServices((services) => seedDemo(services, password));
    console.log(created ? 'demo data created' : 'demo data already present');
  });

const account = program.command('account').description('customer accounts');
account
  .command('create')
  .description('create an account; without --password-stdin it waits for activation')
  .requiredOption('--email <email>')
  .requiredOption('--name <name>')
  .option('--phone <phone>', 'mobile number, e.g. 0701234567 or +46701234567')
  .option('--language <sv|en>', 'preferred language', 'sv')
  .option('--password-stdin', 'read the password from standard input (never from the command line)')
  .action(async (options: { email: string; name: string; phone?: string; language: string; passwordStdin?: boolean }) => {
    let password: string | undefined;
    if (options.passwordStdin) {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      password = Buffer.concat(chunks)
        .toString('utf8')
        .replace(/\r?\n$/, '');
    }
    const created = await withServices((services) =>
      services.identity.accounts.create({
        email: options.email,
        name: options.name,
        phone: options.phone,
        language: options.language === 'en' ? 'en' : 'sv',
        password,
        verified: true,
      }),
    );
    console.log(`created ${created.email} (${created.status}) id ${created.id}`);
  });
account
  .command('unlock')
  .description('lift the lock after too many failed sign-ins, once customer service has identified the caller')
  .argument('<email>', "the account's e-mail address")
  .action(async (email: string) => {
    const unlocked = await withServices((services) => services.identity.lockout.unlock(email));
    console.log(unlocked ? `unlocked ${email}` : `${email} was not locked`);
  });

program
  .command('sms-usage')
  .description('SMS sent and their cost per day, account and installation, against the monthly budget')
  .option('--month <YYYY-MM>', 'the month (UTC); default this month')
  .option('--json', 'machine-readable output')
  .action(async (options: { month?: string; json?: boolean }) => {
    const month = options.month ?? monthKey(new Date());
    if (!monthRange(month)) throw new ExplainedError(`--month must be YYYY-MM, e.g. ${monthKey(new Date())}`);
    const report = await withServices((services) => smsUsageReport(services.db, month, services.config.auth.smsMonthlyBudget));
    console.log(options.json ? JSON.stringify(report, null, 2) : formatSmsUsage(report));
  });

program
  .command('worker')
  .description('run the outbox worker as its own process')
  .action(async () => {
    const config = configFromEnv();
    // One connection per message in flight, or deliveries wait for the pool.
    const poolSize = Math.max(config.databasePoolSize, config.outbox.batchSize);
    const database = await createDatabase({
      url: config.databaseUrl,
      dataDir: config.databaseUrl ? undefined : config.dataDir,
      poolSize,
      timeouts: config.databaseTimeouts,
      schema: 'check',
    });
    const services = createServices({ config, database, clock: systemClock, logger: pino({ level: config.logLevel, serializers: logSerializers }) });
    const stopBackground = await services.startBackground();
    services.logger.info('outbox worker running');
    exitGracefullyOnSignals({
      logger: services.logger,
      begin: () => {},
      timeoutMs: config.shutdown.timeoutSeconds * 1000,
      steps: [
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
  });

program.parseAsync().catch((error: unknown) => {
  const message = error instanceof Error && error.name === 'AppError' ? `error: ${error.message}` : describeStartFailure(error, process.env);
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
