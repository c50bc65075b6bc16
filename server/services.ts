import type { Logger } from 'pino';
import type { Config } from './config/config.ts';
import type { Clock } from './core/clock.ts';
import { createDatabaseAvailability } from './db/availability.ts';
import type { Database } from './db/database.ts';
import { createMetricsRegistry } from './metrics.ts';
import { createIdentity, createPasswordHasher, type AccountClosureHooks } from './modules/identity/index.ts';
import { createNotifications } from './modules/notifications/index.ts';
import { createInstallations } from './modules/installations/index.ts';
import { createCodeWords } from './modules/codewords/index.ts';
import { createContacts } from './modules/contacts/index.ts';
import { createContracts } from './modules/contracts/index.ts';
import { createOverview } from './modules/overview/index.ts';
import { createProviders, type Providers } from './providers/providers.ts';
import { createOutboxWorker } from './worker/outbox-worker.ts';
import { startPeriodic } from './worker/periodic.ts';
import { Gauge } from 'prom-client';
import { countByStatus } from './modules/notifications/index.ts';

export interface ServiceOptions {
  config: Config;
  database: Database;
  clock: Clock;
  logger: Logger;
  /** Replaces the configured providers (tests that count what was sent). */
  providers?: Providers;
}

/** The composition root: every module wired once, shared by the HTTP app, the worker and the CLI. */
export function createServices(options: ServiceOptions) {
  const { config, database, clock, logger } = options;
  const db = database.db;
  const notifications = createNotifications({ clock, keyRing: config.encryption, smsEstimatedCostOre: config.sms.estimatedCostOre });
  const hasher = createPasswordHasher(config.argon2);
  const metrics = createMetricsRegistry();
  const databaseAvailability = createDatabaseAvailability({ db, logger });
  // Modules built on identity (installations) add their guards and listeners for closing an account.
  const accountClosure: AccountClosureHooks = { guards: [], listeners: [] };
  const identity = createIdentity({ db, clock, config, hasher, notifications, metrics, accountClosure });
  const installations = createInstallations({ db, clock, config, identity, notifications });
  accountClosure.guards.push((tx, accountId) => installations.members.closureGuard(tx, accountId));
  accountClosure.listeners.push((tx, accountId) => installations.members.closureListener(tx, accountId));
  const codeWords = createCodeWords({ db, clock, keyRing: config.encryption, hasher, installations });
  const contacts = createContacts({ db, clock });
  const contracts = createContracts({ db, clock });
  const overview = createOverview({ installations, codeWords, contacts });
  const providers = options.providers ?? createProviders(config, db, clock);
  const worker = createOutboxWorker({
    database,
    clock,
    notifications,
    email: providers.email,
    sms: providers.sms,
    logger,
    availability: databaseAvailability,
    batchSize: config.outbox.batchSize,
    leaseSeconds: config.outbox.leaseSeconds,
    maxAttempts: config.outbox.maxAttempts,
  });
  new Gauge({
    name: 'portvakt_outbox_messages',
    help: 'Messages in the outbox by status (a growing "dead" or "pending" needs a look)',
    labelNames: ['status'],
    registers: [metrics.registry],
    async collect() {
      this.reset();
      for (const [status, n] of Object.entries(await countByStatus(db))) this.labels(status).set(n);
    },
  });
  /** Background work of a worker process: delivery and hourly clean-up of expired sign-in state. */
  async function startBackground(): Promise<() => Promise<void>> {
    await worker.start();
    const stopHousekeeping = startPeriodic('housekeeping', 3600_000, () => identity.housekeeping.purgeExpired(), logger);
    return async () => {
      stopHousekeeping();
      await worker.stop();
    };
  }
  return {
    config,
    database,
    databaseAvailability,
    db,
    clock,
    logger,
    metrics,
    notifications,
    hasher,
    identity,
    accountClosure,
    installations,
    codeWords,
    contacts,
    contracts,
    overview,
    providers,
    worker,
    startBackground,
  };
}

export type Services = ReturnType<typeof createServices>;
