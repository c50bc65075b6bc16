import { sql } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import { decrypt, encrypt, type KeyRing } from '../../core/crypto-box.ts';
import { newId } from '../../core/tokens.ts';
import type { Executor } from '../../db/database.ts';
import { insertOutbox, type OutboxRow } from './outbox.store.ts';
import { render } from './notifications.templates.ts';
import type { OutgoingMessage, RenderedMessage } from './notifications.types.ts';

export interface NotificationsDeps {
  clock: Clock;
  keyRing: KeyRing;
}

/** The NOTIFY channel workers listen on. */
export const OUTBOX_CHANNEL = 'portvakt_outbox';

export function createNotifications(deps: NotificationsDeps) {
  return {
    /**
     * Queue a message in the caller's transaction: it is sent if and only if the change that
     * caused it commits. Content is encrypted because it may carry a code or a link.
     */
    async enqueue(tx: Executor, message: OutgoingMessage): Promise<number> {
      const content = render(message.template, message.channel, message.language, message.vars);
      const now = deps.clock.now();
      const id = await insertOutbox(tx, {
        channel: message.channel,
        recipient: message.to,
        template: message.template,
        language: message.language,
        sealedContent: encrypt(deps.keyRing, JSON.stringify(content)),
        accountId: message.accountId ?? null,
        idempotencyKey: newId(),
        status: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        createdAt: now,
      });
      // Delivered by PostgreSQL only when the transaction commits: wakes the workers.
      await tx.execute(sql`SELECT pg_notify(${OUTBOX_CHANNEL}, '')`);
      return id;
    },

    open(row: OutboxRow): RenderedMessage {
      return JSON.parse(decrypt(deps.keyRing, row.sealedContent)) as RenderedMessage;
    },
  };
}

export type Notifications = ReturnType<typeof createNotifications>;
