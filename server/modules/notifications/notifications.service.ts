import type { Clock } from '../../core/clock.ts';
import { decrypt, encrypt, type KeyRing } from '../../core/crypto-box.ts';
import { newId } from '../../core/tokens.ts';
import type { Executor } from '../../db/database.ts';
import { placeholders, prefixed } from '../../db/prepared.ts';
import type { SQL } from 'drizzle-orm';
import { eitherRow, insertOutbox, markFellBack, markSent, outboxInsertPart, QUEUED_ROW_KEYS, type OutboxRow, type QueuedRow } from './outbox.store.ts';
import { render } from './notifications.templates.ts';
import type { Channel, Language, OutgoingMessage, RenderedMessage } from './notifications.types.ts';
import type { TemplateName } from './templates/index.ts';

export interface NotificationsDeps {
  clock: Clock;
  keyRing: KeyRing;
  /** What one SMS part is assumed to cost (öre) when the provider does not say. */
  smsEstimatedCostOre: number;
}

/** The NOTIFY channel workers listen on. */
/** The channel the outbox's insert trigger notifies (migration 0031). */
export const OUTBOX_CHANNEL = 'portvakt_outbox';

/**
 * Told, inside the worker's transaction, that a message with this reference is being replaced
 * by an e-mail to `to`. Answers whether that is still wanted (false: the code was superseded).
 */
export type FallbackListener = (tx: Executor, event: { reference: string; to: string; reason: 'sms_failed' }) => Promise<boolean>;

/** What a provider said when it accepted a message. */
export interface Accepted {
  provider: string;
  providerMessageId: string | null;
  segments?: number;
  cost?: { tenThousandths: number; currency: string };
}

interface SealedFallback {
  to: string;
  content: RenderedMessage;
}

/** Characters in one part of a multi-part SMS (GSM-7; a rough count when the provider says nothing). */
const SMS_PART = 153;

export function createNotifications(deps: NotificationsDeps) {
  const listeners = new Map<string, FallbackListener>();
  const seal = (value: unknown) => encrypt(deps.keyRing, JSON.stringify(value));
  const open = (row: OutboxRow) => JSON.parse(decrypt(deps.keyRing, row.sealedContent)) as RenderedMessage;

  function outboxRow(
    row: { channel: Channel; to: string; template: TemplateName | string; language: Language | string; content: RenderedMessage; sealedFallback?: string | null },
    origin: { accountId?: string | null; installationId?: string | null; reference?: string | null },
    now: Date,
  ): QueuedRow {
    return {
      channel: row.channel,
      recipient: row.to,
      template: row.template,
      language: row.language,
      sealedContent: seal(row.content),
      sealedFallback: row.sealedFallback ?? null,
      accountId: origin.accountId ?? null,
      installationId: origin.installationId ?? null,
      reference: origin.reference ?? null,
      idempotencyKey: newId(),
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      createdAt: now,
    };
  }

  /** A code SMS's e-mail twin: the same words to its fallback address. */
  const fallbackContent = (message: OutgoingMessage) => render(message.template, 'email', message.language, message.vars);

  /**
   * The outbox row of a message: rendered, and sealed because it may carry a code or a link.
   * `emailContent` is the fallback's rendering when the caller already has it.
   */
  function messageRow(message: OutgoingMessage, now: Date, emailContent?: RenderedMessage): QueuedRow {
    const content = render(message.template, message.channel, message.language, message.vars);
    const fallback: SealedFallback | undefined =
      message.channel === 'sms' && message.fallbackEmail ? { to: message.fallbackEmail, content: emailContent ?? fallbackContent(message) } : undefined;
    return outboxRow({ ...message, content, sealedFallback: fallback ? seal(fallback) : null }, message, now);
  }

  return {
    /**
     * Queue a message in the caller's transaction: it is sent if and only if the change that
     * caused it commits. Content is encrypted because it may carry a code or a link.
     */
    async enqueue(tx: Executor, message: OutgoingMessage): Promise<number> {
      // The insert trigger of migration 0031 wakes the workers when the transaction commits.
      return insertOutbox(tx, messageRow(message, deps.clock.now()));
    },

    /** As `enqueue`, as the part `<name> AS (INSERT …)` of the caller's statement. */
    enqueuePart(db: Executor, name: string, message: OutgoingMessage): SQL {
      return outboxInsertPart(db, name, messageRow(message, deps.clock.now()));
    },

    /**
     * As `enqueue`, as the part `<name> AS (INSERT …)` of a statement prepared once that decides
     * how a code goes: the SMS when `smsWhen` holds, else the e-mail it would fall back to. One
     * row is queued; the message is given at each run by `smsOrFallbackValues`.
     */
    smsOrFallbackPart(db: Executor, name: string, smsWhen: SQL): SQL {
      return outboxInsertPart(db, name, eitherRow(smsWhen, placeholders<QueuedRow>(`${name}_1_`, QUEUED_ROW_KEYS), placeholders<QueuedRow>(`${name}_2_`, QUEUED_ROW_KEYS)));
    },

    /** The values of a `smsOrFallbackPart` named `name` for one run, added to `into`; the e-mail is rendered once for both rows. */
    smsOrFallbackValues(name: string, sms: OutgoingMessage & { fallbackEmail: string }, into: Record<string, unknown> = {}): Record<string, unknown> {
      const now = deps.clock.now();
      const emailContent = fallbackContent(sms);
      prefixed(`${name}_1_`, messageRow(sms, now, emailContent), into);
      const email = outboxRow({ channel: 'email', to: sms.fallbackEmail, template: sms.template, language: sms.language, content: emailContent }, sms, now);
      return prefixed(`${name}_2_`, email, into);
    },

    open,

    /** Let a module hear when its messages (reference "<prefix>:…") fall back to e-mail. */
    onFallback(prefix: string, listener: FallbackListener): void {
      listeners.set(prefix, listener);
    },

    /** Record what the provider accepted; an SMS also gets its accounting row (SPEC §3.5). */
    async recordSent(db: Executor, row: OutboxRow, accepted: Accepted): Promise<boolean> {
      const now = deps.clock.now();
      if (row.channel !== 'sms') return markSent(db, row, now, accepted.providerMessageId);
      const segments = accepted.segments ?? Math.max(1, Math.ceil(open(row).text.length / SMS_PART));
      return markSent(db, row, now, accepted.providerMessageId, {
        accountId: row.accountId,
        installationId: row.installationId,
        template: row.template,
        provider: accepted.provider,
        providerMessageId: accepted.providerMessageId,
        segments,
        costTenThousandths: accepted.cost?.tenThousandths ?? segments * deps.smsEstimatedCostOre * 100,
        currency: accepted.cost?.currency ?? 'SEK',
        costEstimated: !accepted.cost,
        sentAt: now,
      });
    },

    /**
     * Replace a failed SMS by its sealed e-mail, due at once, and tell the module that queued
     * it. Returns the e-mail's outbox id, or null when the row has no fallback or the listener
     * says it is no longer wanted (the row is then closed without an e-mail).
     */
    async fallBack(tx: Executor, row: OutboxRow, reason: string): Promise<number | null> {
      if (!row.sealedFallback) return null;
      const fallback = JSON.parse(decrypt(deps.keyRing, row.sealedFallback)) as SealedFallback;
      const listener = row.reference ? listeners.get(row.reference.split(':')[0]!) : undefined;
      const wanted = listener ? await listener(tx, { reference: row.reference!, to: fallback.to, reason: 'sms_failed' }) : true;
      const emailId = wanted
        ? await insertOutbox(tx, outboxRow({ channel: 'email', to: fallback.to, template: row.template, language: row.language, content: fallback.content }, row, deps.clock.now()))
        : null;
      const closed = await markFellBack(tx, row, emailId, wanted ? reason : `${reason}; superseded, no e-mail sent`);
      if (!closed) throw new Error('outbox row was taken over by another worker');
      return emailId;
    },
  };
}

export type Notifications = ReturnType<typeof createNotifications>;
