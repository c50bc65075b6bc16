import type { Logger } from 'pino';
import { addSeconds, type Clock } from '../core/clock.ts';
import type { DatabaseAvailability } from '../db/availability.ts';
import type { Database } from '../db/database.ts';
import { claimDue, markAttemptStarted, markDead, markRetry, OUTBOX_CHANNEL, type Notifications, type OutboxRow } from '../modules/notifications/index.ts';
import { DeliveryError, type DeliveryReceipt, type EmailProvider, type SmsProvider } from '../providers/provider.types.ts';
import { retryDelayMs } from './backoff.rules.ts';
import { decideFailure } from './failure.rules.ts';

export interface WorkerDeps {
  database: Database;
  clock: Clock;
  notifications: Notifications;
  email: EmailProvider;
  sms: SmsProvider;
  logger: Logger;
  /** Told about a gone database, which it logs once; the worker waits while it is gone. */
  availability?: DatabaseAvailability;
  batchSize?: number;
  leaseSeconds?: number;
  maxAttempts?: number;
  pollIntervalMs?: number;
}

/** A failure of our own code rather than the provider's answer: the message may have gone out. */
function asDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  return new DeliveryError(error instanceof Error ? `${error.name}: ${error.message}` : 'unknown failure', false, true);
}

/**
 * The outbox worker: claims due messages (many workers may run, in this process or others),
 * sends them, and records the outcome. An attempt is marked as started before the provider is
 * called; a message claimed again with that mark still set (its worker crashed, or the call
 * timed out) is first looked up at the provider, so it is not sent twice where the provider
 * can tell (docs/decisions/0030-outbox-delivery-guarantees.md).
 */
export function createOutboxWorker(deps: WorkerDeps) {
  const batchSize = deps.batchSize ?? 20;
  const leaseSeconds = deps.leaseSeconds ?? 60;
  const maxAttempts = deps.maxAttempts ?? 8;
  const pollIntervalMs = deps.pollIntervalMs ?? 1000;
  const db = deps.database.db;
  let running = false;
  let wake: (() => void) | null = null;
  let loop: Promise<void> | null = null;
  let unlisten: (() => Promise<void>) | null = null;

  async function send(row: OutboxRow): Promise<DeliveryReceipt & { provider: string }> {
    const content = deps.notifications.open(row);
    const sms = { to: row.recipient, text: content.text, idempotencyKey: row.idempotencyKey };
    if (row.channel === 'sms' && row.attemptStartedAt && deps.sms.findAccepted) {
      const found = await deps.sms.findAccepted(sms, row.attemptStartedAt);
      if (found) return { ...found, provider: deps.sms.name };
    }
    if (!(await markAttemptStarted(db, row, deps.clock.now()))) throw new LostClaim();
    if (row.channel === 'sms') return { ...(await deps.sms.sendSms(sms)), provider: deps.sms.name };
    const email = { ...sms, subject: content.subject ?? '', html: content.html };
    return { ...(await deps.email.sendEmail(email)), provider: deps.email.name };
  }

  async function deliver(row: OutboxRow): Promise<void> {
    let accepted: DeliveryReceipt & { provider: string };
    try {
      accepted = await send(row);
    } catch (error) {
      if (error instanceof LostClaim) return;
      return failed(row, asDeliveryError(error));
    }
    // Outside the try: a database error here must not count as a provider failure (and lead to
    // a second send); the row keeps its attempt mark and is looked up once its lease runs out.
    await deps.notifications.recordSent(db, row, accepted);
  }

  async function failed(row: OutboxRow, error: DeliveryError): Promise<void> {
    const action = decideFailure({ hasFallback: !!row.sealedFallback, permanent: error.permanent, attempts: row.attempts, maxAttempts });
    // Never the content or the recipient: they may carry a code.
    const log = { outboxId: row.id, channel: row.channel, template: row.template, attempt: row.attempts, reason: error.message, action };
    if (action === 'fall_back') {
      deps.logger.info(log, 'SMS failed; the code goes by e-mail');
      await db.transaction((tx) => deps.notifications.fallBack(tx, row, error.message));
    } else if (action === 'dead') {
      deps.logger.warn(log, 'message dead-lettered');
      await markDead(db, row, error.message);
    } else {
      deps.logger.info(log, 'delivery failed; will retry');
      await markRetry(db, row, new Date(deps.clock.now().getTime() + retryDelayMs(row.attempts)), error.message, error.uncertain);
    }
  }

  /** Claim and deliver one batch; returns how many messages were handled. */
  async function runOnce(): Promise<number> {
    const now = deps.clock.now();
    const batch = await claimDue(db, now, addSeconds(now, leaseSeconds), batchSize);
    const results = await Promise.allSettled(batch.map(deliver));
    for (const result of results) {
      if (result.status === 'rejected') deps.logger.error({ err: result.reason }, 'recording a delivery failed; the lease will bring it back');
    }
    return batch.length;
  }

  /** Deliver everything due now (tests, CLI). */
  async function drain(): Promise<number> {
    let total = 0;
    for (let n = await runOnce(); n > 0; n = await runOnce()) total += n;
    return total;
  }

  async function runLoop(): Promise<void> {
    while (running) {
      try {
        if ((deps.availability?.available ?? true) && (await runOnce()) > 0) continue;
      } catch (error) {
        deps.availability?.report(error);
        if (deps.availability?.available ?? true) deps.logger.error({ err: error }, 'outbox worker batch failed');
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollIntervalMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
  }

  return {
    runOnce,
    drain,
    async start(): Promise<void> {
      if (running) return;
      running = true;
      unlisten = await deps.database.listen(OUTBOX_CHANNEL, () => wake?.());
      loop = runLoop();
    },
    /** Finish the batch in hand, then stop (graceful shutdown). */
    async stop(): Promise<void> {
      running = false;
      wake?.();
      await loop;
      await unlisten?.();
      loop = null;
    },
  };
}

/** Another worker holds the row now (our lease ran out): leave it alone. */
class LostClaim extends Error {}

export type OutboxWorker = ReturnType<typeof createOutboxWorker>;
