import { addSeconds, secondsUntil } from '../../core/clock.ts';
import { AppError } from '../../core/app-error.ts';
import { hashToken, keyedHash, newId, newToken } from '../../core/tokens.ts';
import type { Executor } from '../../db/database.ts';
import { recordSecurityEvent } from '../audit/index.ts';
import { maskEmail, maskPhone } from '../notifications/index.ts';
import { codeMatches, issueCode, reserveSms } from '../verification/index.ts';
import { findAccountByEmail, findAccountById, updatePasswordHash } from './accounts.store.ts';
import { deviceLabel } from './device-label.rules.ts';
import { findLiveDevice, insertTrustedDevice, touchDevice } from './devices.store.ts';
import { normalizeEmail } from './email.rules.ts';
import { completeFlow, fallBackToEmail, findFlow, insertFlow, replaceCode } from './flows.store.ts';
import type { Account, LoginFlow } from './identity.tables.ts';
import type { ClientKind, IdentityDeps, IssuedSession, RequestContext } from './identity.types.ts';
import { decideAttempt, failureLocks } from './lockout.rules.ts';
import { hitWindow } from './rate-limit.store.ts';
import type { Sessions } from './sessions.service.ts';
import { lock, releaseAttempt, reserveAttempt, resetFailures } from './throttle.store.ts';

type FallbackReason = 'sms_budget' | 'no_phone' | 'sms_failed';

export interface CodeSent {
  status: 'code_required';
  flowId: string;
  channel: 'sms' | 'email';
  sentTo: string;
  fallbackReason?: FallbackReason;
  expiresInSeconds: number;
}

export interface SignedIn {
  status: 'signed_in';
  session: IssuedSession;
  /** Only when a device was trusted in this sign-in. */
  deviceToken?: string;
}

export function createLogin(deps: IdentityDeps, sessions: Sessions) {
  const { auth, secretKey } = deps.config;
  const db = deps.db;

  /** The lockout subject for an e-mail, whether or not an account has it. */
  const emailKey = (email: string) => keyedHash(secretKey, `login:${email}`);
  const deviceKey = (deviceId: string) => keyedHash(secretKey, `device:${deviceId}`);
  const codePurpose = (flowIdHash: string) => `login:${flowIdHash}`;

  async function enforceRateLimits(ctx: RequestContext, now: Date): Promise<void> {
    for (const [key, limit] of [
      [`login-ip:${ctx.ip}`, auth.loginRateLimitPerIp],
      ['login-global', auth.loginRateLimitGlobal],
    ] as const) {
      const { hits, windowEnds } = await hitWindow(db, key, now, auth.loginRateLimitWindowSeconds);
      if (hits > limit) throw new AppError('rate_limited', { retryAfterSeconds: secondsUntil(windowEnds, now) });
    }
  }

  function lockedError(until: Date, now: Date): AppError {
    return new AppError('account_locked', { retryAfterSeconds: secondsUntil(until, now) });
  }

  /** Reserve this attempt's place in the count; throws when the subject is locked. */
  async function reserve(key: string, now: Date): Promise<number> {
    const reservation = await reserveAttempt(db, key, now);
    if (reservation.locked) throw lockedError(reservation.lockedUntil, now);
    if (decideAttempt(reservation.attemptNumber, auth.lockoutMaxFailures) === 'refuse_locked') {
      const { until } = await lock(db, key, addSeconds(now, auth.lockoutSeconds), now);
      throw lockedError(until, now);
    }
    return reservation.attemptNumber;
  }

  /** An evaluated attempt failed: lock on the one past the limit and tell the owner. */
  async function failed(key: string, attemptNumber: number, account: Account | undefined, ctx: RequestContext, code: 'invalid_credentials' | 'invalid_code'): Promise<never> {
    if (!failureLocks(attemptNumber, auth.lockoutMaxFailures)) throw new AppError(code);
    const now = deps.clock.now();
    const until = addSeconds(now, auth.lockoutSeconds);
    await db.transaction(async (tx) => {
      const result = await lock(tx, key, until, now);
      if (!result.newlyLocked || !account) return;
      await recordSecurityEvent(tx, { accountId: account.id, kind: 'account_locked', at: now, ip: ctx.ip, userAgent: ctx.userAgent });
      await deps.notifications.enqueue(tx, {
        channel: 'email',
        to: account.email,
        language: account.language,
        template: 'account_locked',
        accountId: account.id,
        vars: { name: account.name, minutes: Math.round(auth.lockoutSeconds / 60), portalUrl: deps.config.publicUrl, supportPhone: deps.config.customerServicePhone },
      });
    });
    throw lockedError(until, now);
  }

  /** Choose SMS when the account has a verified phone and budget left, else e-mail. */
  async function chooseChannel(tx: Executor, account: Account, wanted: 'sms' | 'email', now: Date): Promise<{ channel: 'sms' | 'email'; fallbackReason?: FallbackReason }> {
    if (wanted === 'email') return { channel: 'email' };
    if (!account.phone || !account.phoneVerifiedAt) return { channel: 'email', fallbackReason: 'no_phone' };
    const reserved = await reserveSms(tx, account.id, 'login_code', now, {
      perAccountPerDay: auth.smsPerAccountPerDay,
      monthlyBudget: auth.smsMonthlyBudget,
      costOre: auth.smsCostOre,
    });
    return reserved ? { channel: 'sms' } : { channel: 'email', fallbackReason: 'sms_budget' };
  }

  const sentTo = (account: Account, channel: 'sms' | 'email') => (channel === 'sms' ? maskPhone(account.phone!) : maskEmail(account.email));
  /** Names the flow and which of its codes a message carries, so an SMS failure finds its flow. */
  const codeReference = (idHash: string, codeNumber: number) => `login:${idHash}:${codeNumber}`;

  async function sendCode(tx: Executor, account: Account, channel: 'sms' | 'email', code: string, reference: string): Promise<string> {
    await deps.notifications.enqueue(tx, {
      channel,
      to: channel === 'sms' ? account.phone! : account.email,
      language: account.language,
      template: 'login_code',
      accountId: account.id,
      reference,
      // If the SMS fails, the same code goes by e-mail at once (SPEC §3.4).
      fallbackEmail: channel === 'sms' ? account.email : undefined,
      vars: { code, name: account.name, minutes: Math.round(auth.codeTtlSeconds / 60), supportPhone: deps.config.customerServicePhone },
    });
    return sentTo(account, channel);
  }

  async function finishSignIn(
    tx: Executor,
    account: Account,
    client: ClientKind,
    secondFactor: 'sms' | 'email' | 'trusted_device',
    ctx: RequestContext,
    trustDevice: { label?: string } | null,
  ): Promise<SignedIn> {
    const now = deps.clock.now();
    const session = await sessions.start(tx, account.id, client, secondFactor, ctx);
    await recordSecurityEvent(tx, {
      accountId: account.id,
      kind: secondFactor === 'trusted_device' ? 'sign_in_trusted_device' : 'sign_in',
      at: now,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      details: { client, secondFactor, device: deviceLabel(ctx.userAgent) },
    });
    if (secondFactor === 'trusted_device') return { status: 'signed_in', session };

    await deps.notifications.enqueue(tx, {
      channel: 'email',
      to: account.email,
      language: account.language,
      template: 'new_device_sign_in',
      accountId: account.id,
      vars: {
        name: account.name,
        when: now.toISOString().replace('T', ' ').slice(0, 16) + ' UTC',
        device: deviceLabel(ctx.userAgent, account.language === 'sv' ? 'okänd enhet' : 'unknown device'),
        ip: ctx.ip,
        portalUrl: deps.config.publicUrl,
        supportPhone: deps.config.customerServicePhone,
      },
    });
    if (!trustDevice) return { status: 'signed_in', session };
    const deviceToken = newToken();
    await insertTrustedDevice(tx, {
      id: newId(),
      accountId: account.id,
      tokenHash: hashToken(deviceToken),
      label: trustDevice.label?.trim() || deviceLabel(ctx.userAgent),
      createdAt: now,
      lastUsedAt: now,
      expiresAt: addSeconds(now, auth.trustedDeviceSeconds),
    });
    await recordSecurityEvent(tx, { accountId: account.id, kind: 'device_trusted', at: now, ip: ctx.ip, userAgent: ctx.userAgent });
    return { status: 'signed_in', session, deviceToken };
  }

  function flowOpen(flow: LoginFlow | undefined, now: Date): flow is LoginFlow {
    return !!flow && !flow.completedAt && flow.expiresAt > now;
  }

  return {
    /** Step 1 (SPEC §11): e-mail and password. Unknown e-mails take exactly the same path. */
    async login(
      input: { email: string; password: string; client: ClientKind; deviceToken?: string },
      ctx: RequestContext,
    ): Promise<CodeSent | SignedIn> {
      const now = deps.clock.now();
      await enforceRateLimits(ctx, now);
      const email = normalizeEmail(input.email);
      const found = await findAccountByEmail(db, email);
      const account = found?.status === 'active' ? found : undefined;
      const device = account && input.deviceToken ? await findLiveDevice(db, account.id, hashToken(input.deviceToken), now) : undefined;
      const key = device ? deviceKey(device.id) : emailKey(email);

      const attempt = await reserve(key, now);
      const passwordOk = await deps.hasher.verify(account?.passwordHash ?? null, input.password);
      deps.metrics?.credentialChecked('password', passwordOk);
      if (!passwordOk || !account) return failed(key, attempt, account, ctx, 'invalid_credentials');

      if (deps.hasher.needsRehash(account.passwordHash!)) {
        await updatePasswordHash(db, account.id, await deps.hasher.hash(input.password), now);
      }

      if (device) {
        return db.transaction(async (tx) => {
          await resetFailures(tx, key, now);
          await touchDevice(tx, device.id, now);
          return finishSignIn(tx, account, input.client, 'trusted_device', ctx, null);
        });
      }

      // The password alone is not a completed sign-in: give back the reserved place, keep the count.
      await releaseAttempt(db, key, now);
      const flowId = newToken();
      const idHash = hashToken(flowId);
      return db.transaction(async (tx) => {
        const { channel, fallbackReason } = await chooseChannel(tx, account, 'sms', now);
        const { code, hash } = issueCode(secretKey, codePurpose(idHash));
        await insertFlow(tx, {
          idHash,
          accountId: account.id,
          throttleKey: key,
          client: input.client,
          channel,
          codeHash: hash,
          codeExpiresAt: addSeconds(now, auth.codeTtlSeconds),
          codesSent: 1,
          lastSentAt: now,
          expiresAt: addSeconds(now, auth.flowTtlSeconds),
          ip: ctx.ip,
          userAgent: ctx.userAgent,
          createdAt: now,
          fallbackReason: fallbackReason ?? null,
        });
        const maskedTo = await sendCode(tx, account, channel, code, codeReference(idHash, 1));
        return { status: 'code_required', flowId, channel, sentTo: maskedTo, fallbackReason, expiresInSeconds: auth.codeTtlSeconds };
      });
    },

    /** "I didn't get a code": a new code, by e-mail or SMS, voiding the old one. */
    async resend(input: { flowId: string; channel: 'sms' | 'email' }, ctx: RequestContext): Promise<Omit<CodeSent, 'status' | 'flowId'>> {
      const now = deps.clock.now();
      await enforceRateLimits(ctx, now);
      const idHash = hashToken(input.flowId);
      const flow = await findFlow(db, idHash);
      if (!flowOpen(flow, now)) throw new AppError('flow_expired');
      const account = await findAccountById(db, flow.accountId);
      if (!account || account.status !== 'active') throw new AppError('flow_expired');

      return db.transaction(async (tx) => {
        const { channel, fallbackReason } = await chooseChannel(tx, account, input.channel, now);
        const { code, hash } = issueCode(secretKey, codePurpose(idHash));
        const replaced = await replaceCode(
          tx,
          idHash,
          { channel, fallbackReason: fallbackReason ?? null, codeHash: hash, codeExpiresAt: addSeconds(now, auth.codeTtlSeconds), expiresAt: addSeconds(now, auth.flowTtlSeconds) },
          now,
          { maxCodes: auth.codeMaxPerFlow, minIntervalSeconds: auth.codeResendIntervalSeconds },
        );
        if (!replaced) {
          // Thrown inside the transaction, so an SMS reserved above is given back.
          if (flow.codesSent >= auth.codeMaxPerFlow) throw new AppError('resend_limit_reached');
          const nextAllowed = addSeconds(flow.lastSentAt ?? now, auth.codeResendIntervalSeconds);
          if (nextAllowed > now) throw new AppError('resend_too_soon', { retryAfterSeconds: secondsUntil(nextAllowed, now) });
          throw new AppError('flow_expired');
        }
        const maskedTo = await sendCode(tx, account, channel, code, codeReference(idHash, replaced.codesSent));
        return { channel, sentTo: maskedTo, fallbackReason, expiresInSeconds: auth.codeTtlSeconds };
      });
    },

    /** Where the flow's current code went; changes to e-mail when the SMS failed (polled by the client). */
    async status(flowId: string): Promise<Omit<CodeSent, 'status' | 'flowId'>> {
      const now = deps.clock.now();
      const flow = await findFlow(db, hashToken(flowId));
      if (!flowOpen(flow, now)) throw new AppError('flow_expired');
      const account = await findAccountById(db, flow.accountId);
      if (!account || account.status !== 'active') throw new AppError('flow_expired');
      const expiresInSeconds = flow.codeExpiresAt && flow.codeExpiresAt > now ? secondsUntil(flow.codeExpiresAt, now) : 0;
      return { channel: flow.channel, sentTo: sentTo(account, flow.channel), fallbackReason: flow.fallbackReason ?? undefined, expiresInSeconds };
    },

    /** The notifications module's fallback hook: the flow's SMS failed and its code goes by e-mail. */
    async codeFellBack(tx: Executor, reference: string): Promise<boolean> {
      const [, idHash, codeNumber] = reference.split(':');
      return !!idHash && fallBackToEmail(tx, idHash, Number(codeNumber), deps.clock.now());
    },

    /** Step 2: the one-time code. Wrong codes count in the same lockout as wrong passwords. */
    async verify(
      input: { flowId: string; code: string; trustDevice: boolean; deviceLabel?: string },
      ctx: RequestContext,
    ): Promise<SignedIn> {
      const now = deps.clock.now();
      await enforceRateLimits(ctx, now);
      const idHash = hashToken(input.flowId);
      const flow = await findFlow(db, idHash);
      if (!flowOpen(flow, now)) throw new AppError('flow_expired');
      const account = await findAccountById(db, flow.accountId);
      if (!account || account.status !== 'active') throw new AppError('flow_expired');

      const attempt = await reserve(flow.throttleKey, now);
      const live = flow.codeExpiresAt && flow.codeExpiresAt > now ? flow.codeHash : null;
      const codeOk = codeMatches(secretKey, codePurpose(idHash), input.code, live);
      deps.metrics?.credentialChecked('code', codeOk);
      if (!codeOk) {
        return failed(flow.throttleKey, attempt, account, ctx, 'invalid_code');
      }
      return db.transaction(async (tx) => {
        if (!(await completeFlow(tx, idHash, live!, now))) throw new AppError('invalid_code');
        await resetFailures(tx, flow.throttleKey, now);
        return finishSignIn(tx, account, flow.client, flow.channel, ctx, input.trustDevice ? { label: input.deviceLabel } : null);
      });
    },
  };
}

export type Login = ReturnType<typeof createLogin>;
