import type { Logger } from 'pino';
import { addSeconds, type Clock } from '../core/clock.ts';
import type { Database } from '../db/database.ts';
import {
  claimDue,
  markDead,
  markRetry,
  markSent,
  OUTBOX_CHANNEL,
  type Notifications,
  type OutboxRow,
} from '../modules/notifications/index.ts';
import { DeliveryError, type EmailProvider, type SmsProvider } from '../providers/provider.types.ts';
import { retryDelayMs } from './backoff.rules.ts';

export interface WorkerDeps {
  database: Database;
  clock: Clock;
  notifications: Notifications;
  email: EmailProvider;
  sms: SmsProvider;
  logger: Logger;
  batchSize?: number;
  leaseSeconds?: number;
  maxAttempts?: number;
  pollIntervalMs?: number;
}

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

  async function deliver(row: OutboxRow): Promise<void> {
    try {
      const content = deps.notifications.open(row);
      const receipt =
        row.channel === 'sms'
          ? await deps.sms.sendSms({ to: row.recipient, text: content.text, idempotencyKey: row.idempotencyKey })
          : await deps.email.sendEmail({
              to: row.recipient,
              subject: content.subject ?? '',
              text: content.text,
              idempotencyKey: row.idempotencyKey,
            });
      await markSent(db, row.id, deps.clock.now(), receipt.providerMessageId);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const permanent = error instanceof DeliveryError && error.permanent;
      if (permanent || row.attempts >= maxAttempts) {
        deps.logger.warn({ outboxId: row.id, channel: row.channel, template: row.template, reason }, 'message dead-lettered');
        await markDead(db, row.id, reason);
      } else {
        await markRetry(db, row.id, new Date(deps.clock.now().getTime() + retryDelayMs(row.attempts)), reason);
      }
    }
  }

  /** Claim and deliver one batch; returns how many messages were handled. */
  async function runOnce(): Promise<number> {
    const now = deps.clock.now();
    const batch = await claimDue(db, now, addSeconds(now, leaseSeconds), batchSize);
    await Promise.all(batch.map(deliver));
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
        if ((await runOnce()) > 0) continue;
      } catch (error) {
        deps.logger.error({ err: error }, 'outbox worker batch failed');
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

export type OutboxWorker = ReturnType<typeof createOutboxWorker>;
