import type { Clock } from '../../core/clock.ts';
import { decrypt, encrypt, type KeyRing } from '../../core/crypto-box.ts';
import { newId } from '../../core/tokens.ts';
import type { Executor } from '../../db/database.ts';
import { placeholders, prefixed } from '../../db/prepared.ts';
import { sql, type SQL } from 'drizzle-orm';
import { smsOrFallbackRow, insertOutbox, markFellBack, markSent, outboxInsertPart, QUEUED_ROW_KEYS, type OutboxRow, type QueuedRow } from './outbox.store.ts';
import { checkTemplate, render } from './notifications.templates.ts';
import type { Vars } from './templates/template.types.ts';
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

/** What a queued message seals: its template's variables (a code, a link). It is rendered as it is sent. */
interface SealedVars {
  vars: Vars;
}

/** Where a code SMS's e-mail twin goes if the SMS fails: the same template and variables by e-mail. */
interface SealedFallback {
  to: string;
}

/** Characters in one part of a multi-part SMS (GSM-7; a rough count when the provider says nothing). */
const SMS_PART = 153;

export function createNotifications(deps: NotificationsDeps) {
  const listeners = new Map<string, FallbackListener>();
  const seal = (value: SealedVars | SealedFallback) => encrypt(deps.keyRing, JSON.stringify(value));
  const unseal = <T>(sealed: string) => JSON.parse(decrypt(deps.keyRing, sealed)) as T;
  /** The message of a row as it goes out now, in the row's channel. */
  const open = (row: OutboxRow): RenderedMessage => render(row.template as TemplateName, row.channel, row.language as Language, unseal<SealedVars>(row.sealedContent).vars);

  function outboxRow(
    row: { channel: Channel; to: string; template: string; language: string; sealedContent: string; sealedFallback?: string | null },
    origin: { accountId?: string | null; installationId?: string | null; reference?: string | null },
    now: Date,
  ): QueuedRow {
    return {
      channel: row.channel,
      recipient: row.to,
      template: row.template,
      language: row.language,
      sealedContent: row.sealedContent,
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

  /**
   * The outbox row of a message. Its variables are sealed because they may carry a code or a
   * link; the worker renders them as it sends, so a sign-in's e-mail twin is rendered only if
   * its SMS fails.
   */
  function messageRow(message: OutgoingMessage, now: Date): QueuedRow {
    checkTemplate(message.template, message.channel, message.language);
    const fallback = message.channel === 'sms' && message.fallbackEmail ? message.fallbackEmail : undefined;
    if (fallback) checkTemplate(message.template, 'email', message.language);
    const sealedFallback = fallback ? seal({ to: fallback }) : null;
    return outboxRow({ ...message, sealedContent: seal({ vars: message.vars }), sealedFallback }, message, now);
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
     * how a code goes: the SMS when `smsWhen` holds, else the e-mail it would fall back to (the
     * same sealed variables, to the fallback address). The message is given at each run by
     * `smsOrFallbackValues`.
     */
    smsOrFallbackPart(db: Executor, name: string, smsWhen: SQL): SQL {
      return outboxInsertPart(db, name, smsOrFallbackRow(smsWhen, placeholders<QueuedRow>(`${name}_`, QUEUED_ROW_KEYS), sql.placeholder(`${name}_fallback_to`)));
    },

    /** The values of a `smsOrFallbackPart` named `name` for one run, added to `into`. */
    smsOrFallbackValues(name: string, sms: OutgoingMessage & { fallbackEmail: string }, into: Record<string, unknown> = {}): Record<string, unknown> {
      prefixed(`${name}_`, messageRow(sms, deps.clock.now()), into);
      into[`${name}_fallback_to`] = sms.fallbackEmail;
      return into;
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
      const fallback = unseal<SealedFallback>(row.sealedFallback);
      const listener = row.reference ? listeners.get(row.reference.split(':')[0]!) : undefined;
      const wanted = listener ? await listener(tx, { reference: row.reference!, to: fallback.to, reason: 'sms_failed' }) : true;
      const email = { channel: 'email' as const, to: fallback.to, template: row.template, language: row.language, sealedContent: row.sealedContent };
      const emailId = wanted ? await insertOutbox(tx, outboxRow(email, row, deps.clock.now())) : null;
      const closed = await markFellBack(tx, row, emailId, wanted ? reason : `${reason}; superseded, no e-mail sent`);
      if (!closed) throw new Error('outbox row was taken over by another worker');
      return emailId;
    },
  };
}

export type Notifications = ReturnType<typeof createNotifications>;
