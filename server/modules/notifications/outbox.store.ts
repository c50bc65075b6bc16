import { and, asc, eq, gte, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/database.ts';
import type { Param, Params } from '../../db/prepared.ts';
import { outbox, smsDeliveries } from './notifications.tables.ts';

export type OutboxRow = typeof outbox.$inferSelect;
export type NewOutboxRow = typeof outbox.$inferInsert;
export type SmsDelivery = typeof smsDeliveries.$inferInsert;

export async function insertOutbox(db: Executor, row: NewOutboxRow): Promise<number> {
  const [inserted] = await db.insert(outbox).values(row).returning({ id: outbox.id });
  return inserted!.id;
}

/** An outbox row whose text columns may be decided in the statement that inserts it. */
export type OutboxInsert = PgInsertValue<typeof outbox>;

/** The columns a newly queued message sets; the others keep their defaults. */
export type QueuedRow = Required<
  Pick<
    NewOutboxRow,
    | 'channel'
    | 'recipient'
    | 'template'
    | 'language'
    | 'sealedContent'
    | 'sealedFallback'
    | 'accountId'
    | 'installationId'
    | 'reference'
    | 'idempotencyKey'
    | 'status'
    | 'attempts'
    | 'nextAttemptAt'
    | 'createdAt'
  >
>;

export const QUEUED_ROW_KEYS: Record<keyof QueuedRow, true> = {
  channel: true,
  recipient: true,
  template: true,
  language: true,
  sealedContent: true,
  sealedFallback: true,
  accountId: true,
  installationId: true,
  reference: true,
  idempotencyKey: true,
  status: true,
  attempts: true,
  nextAttemptAt: true,
  createdAt: true,
};

/**
 * A code's row, decided by `smsWhen` in the statement: the SMS `row`, or else its e-mail twin to
 * `fallbackTo` (channel and recipient become `CASE WHEN … THEN … ELSE … END`; the twin needs no
 * fallback of its own). Given placeholders, the part is built once (prepared.ts).
 */
export function smsOrFallbackRow(smsWhen: SQL, row: Params<QueuedRow>, fallbackTo: Param<string>): OutboxInsert {
  const choose = (ifSms: unknown, ifEmail: unknown) => sql`CASE WHEN ${smsWhen} THEN ${ifSms} ELSE ${ifEmail} END`;
  return {
    ...row,
    channel: choose(row.channel, sql`'email'`),
    recipient: choose(row.recipient, fallbackTo),
    sealedFallback: choose(row.sealedFallback, sql`NULL`),
  };
}

/** The insert of one outbox row as the part `<name> AS (INSERT …)` of a larger statement. */
export function outboxInsertPart(db: Executor, name: string, row: OutboxInsert): SQL {
  return sql`${sql.identifier(name)} AS (${db.insert(outbox).values(row).getSQL()})`;
}

/**
 * Claim up to `limit` due messages for one worker. SKIP LOCKED lets many workers run side by
 * side; a claim is a lease (`locked_until`), so a message held by a crashed worker is due again
 * once its lease runs out. `attempts` after the claim is this worker's fencing token.
 */
export async function claimDue(db: Executor, now: Date, leaseUntil: Date, limit: number): Promise<OutboxRow[]> {
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(or(eq(outbox.status, 'pending'), and(eq(outbox.status, 'sending'), lte(outbox.lockedUntil, now))), lte(outbox.nextAttemptAt, now)))
    .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(outbox)
    .set({ status: 'sending', lockedUntil: leaseUntil, attempts: sql`${outbox.attempts} + 1` })
    .where(inArray(outbox.id, due))
    .returning();
}

/** Only the worker holding the latest claim may change a row. */
const held = (row: Pick<OutboxRow, 'id' | 'attempts'>) => and(eq(outbox.id, row.id), eq(outbox.attempts, row.attempts), eq(outbox.status, 'sending'));

/** Written (and committed) just before the provider is called; see the `attempt_started_at` column. */
export async function markAttemptStarted(db: Executor, row: OutboxRow, now: Date): Promise<boolean> {
  const rows = await db.update(outbox).set({ attemptStartedAt: now }).where(held(row)).returning({ id: outbox.id });
  return rows.length === 1;
}

/**
 * Mark a message sent and scrub its content (codes and links are not kept once delivered);
 * for an SMS the accounting row is written by the same statement, so neither exists alone.
 */
export async function markSent(db: Executor, row: OutboxRow, now: Date, providerMessageId: string | null, sms?: Omit<SmsDelivery, 'outboxId'>): Promise<boolean> {
  const sent = db
    .update(outbox)
    .set({ status: 'sent', sentAt: now, lockedUntil: null, providerMessageId, sealedContent: '', sealedFallback: null, lastError: null, attemptStartedAt: null })
    .where(held(row));
  if (!sms) return (await sent.returning({ id: outbox.id })).length === 1;
  const result = (await db.execute(sql`
    WITH sent AS (UPDATE outbox SET status = 'sent', sent_at = ${now}, locked_until = NULL, provider_message_id = ${providerMessageId},
                    sealed_content = '', sealed_fallback = NULL, last_error = NULL, attempt_started_at = NULL
                  WHERE id = ${row.id} AND attempts = ${row.attempts} AND status = 'sending' RETURNING id)
    INSERT INTO sms_deliveries (outbox_id, account_id, installation_id, template, provider, provider_message_id, segments,
                                cost_ten_thousandths, currency, cost_estimated, sent_at)
    SELECT id, ${sms.accountId ?? null}::uuid, ${sms.installationId ?? null}::uuid, ${sms.template}, ${sms.provider}, ${sms.providerMessageId ?? null},
           ${sms.segments}, ${sms.costTenThousandths}, ${sms.currency}, ${sms.costEstimated}, ${sms.sentAt} FROM sent
    RETURNING outbox_id`)) as unknown as { rows: unknown[] };
  return result.rows.length === 1;
}

/** Back to the queue. `outcomeUnknown` keeps the attempt marked so the next one asks the provider first. */
export async function markRetry(db: Executor, row: OutboxRow, nextAttemptAt: Date, error: string, outcomeUnknown: boolean): Promise<void> {
  await db
    .update(outbox)
    .set({
      status: 'pending',
      nextAttemptAt,
      lockedUntil: null,
      lastError: error.slice(0, 500),
      ...(outcomeUnknown ? {} : { attemptStartedAt: null }),
    })
    .where(held(row));
}

export async function markDead(db: Executor, row: OutboxRow, error: string): Promise<void> {
  await db
    .update(outbox)
    .set({ status: 'dead', lockedUntil: null, lastError: error.slice(0, 500), sealedContent: '', sealedFallback: null })
    .where(held(row));
}

/** The SMS was replaced by an e-mail (or by nothing, when its code was already superseded). */
export async function markFellBack(db: Executor, row: OutboxRow, fallbackOutboxId: number | null, error: string): Promise<boolean> {
  const rows = await db
    .update(outbox)
    .set({ status: 'fell_back', lockedUntil: null, fallbackOutboxId, lastError: error.slice(0, 500), sealedContent: '', sealedFallback: null })
    .where(held(row))
    .returning({ id: outbox.id });
  return rows.length === 1;
}

export async function countByStatus(db: Executor): Promise<Record<string, number>> {
  const rows = await db
    .select({ status: outbox.status, n: sql<number>`count(*)::int` })
    .from(outbox)
    .groupBy(outbox.status);
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

export interface UsageFigures {
  currency: string;
  sms: number;
  segments: number;
  costTenThousandths: number;
  estimated: number;
}

export interface UsageLine extends UsageFigures {
  key: string | null;
}

/** Usage of one (account, installation) pair as the SMS were attributed when sent. */
export interface OriginUsage extends UsageFigures {
  accountId: string | null;
  installationId: string | null;
}

const usageFigures = {
  currency: smsDeliveries.currency,
  sms: sql<number>`count(*)::int`,
  segments: sql<number>`coalesce(sum(${smsDeliveries.segments}), 0)::int`,
  cost: sql<number>`coalesce(sum(${smsDeliveries.costTenThousandths}), 0)::bigint`,
  estimated: sql<number>`count(*) filter (where ${smsDeliveries.costEstimated})::int`,
};

function toFigures(row: { currency: string; sms: number; segments: number; cost: number; estimated: number }): UsageFigures {
  return { currency: row.currency, sms: Number(row.sms), segments: Number(row.segments), costTenThousandths: Number(row.cost), estimated: Number(row.estimated) };
}

/**
 * SMS the providers accepted in [from, to) in total, per day and per account, and per the
 * (account, installation) they were sent for, which the back office attributes to installations
 * (SPEC §3.5, §7.5).
 */
export async function smsUsage(db: Executor, from: Date, to: Date): Promise<Record<'total' | 'byDay' | 'byAccount', UsageLine[]> & { byOrigin: OriginUsage[] }> {
  const inRange = and(gte(smsDeliveries.sentAt, from), lt(smsDeliveries.sentAt, to));
  const grouped = async (key: ReturnType<typeof sql<string | null>>) => {
    const rows = await db
      .select({ key, ...usageFigures })
      .from(smsDeliveries)
      .where(inRange)
      .groupBy(key, smsDeliveries.currency)
      .orderBy(key, smsDeliveries.currency);
    return rows.map((r) => ({ key: r.key, ...toFigures(r) }));
  };
  const origins = await db
    .select({ accountId: smsDeliveries.accountId, installationId: smsDeliveries.installationId, ...usageFigures })
    .from(smsDeliveries)
    .where(inRange)
    .groupBy(smsDeliveries.accountId, smsDeliveries.installationId, smsDeliveries.currency);
  return {
    total: await grouped(sql<string | null>`'total'::text`),
    byDay: await grouped(sql<string | null>`to_char(${smsDeliveries.sentAt} at time zone 'UTC', 'YYYY-MM-DD')`),
    byAccount: await grouped(sql<string | null>`${smsDeliveries.accountId}::text`),
    byOrigin: origins.map((r) => ({ accountId: r.accountId, installationId: r.installationId, ...toFigures(r) })),
  };
}
