import { addSeconds, secondsUntil } from '../../core/clock.ts';
import { AppError } from '../../core/app-error.ts';
import { hashToken, newId, newToken } from '../../core/tokens.ts';
import type { Executor } from '../../db/database.ts';
import { recordSecurityEvent } from '../audit/index.ts';
import { maskEmail, maskPhone } from '../notifications/index.ts';
import { codeMatches, issueCode } from '../verification/index.ts';
import { findAccountById, findSignInAccount, markSignedIn, updatePasswordHash } from './accounts.store.ts';
import type { CodeDelivery, FallbackReason } from './code-delivery.service.ts';
import { deviceLabel } from './device-label.rules.ts';
import { findLiveDevice, insertTrustedDevice, touchDevice } from './devices.store.ts';
import { normalizeEmail } from './email.rules.ts';
import { completeFlow, fallBackToEmail, findFlow, openFlowReleasingAttempt, replaceCode } from './flows.store.ts';
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import type { Account, LoginFlow, SecondFactor } from './identity.tables.ts';
import type { ClientKind, IdentityDeps, IssuedSession, RequestContext } from './identity.types.ts';
import type { Lockout } from './lockout.service.ts';
import type { Notices } from './notices.service.ts';
import type { Passkeys } from './passkeys.service.ts';
import type { Sessions } from './sessions.service.ts';
import type { SignedOutLimits } from './signed-out-limits.service.ts';
import type { SignInMethod, TwoFactor } from './two-factor.service.ts';

export interface CodeSent {
  status: 'code_required';
  flowId: string;
  /** Where the code went; `totp` or `passkey` when nothing was sent and the app or passkey answers. */
  channel: SignInMethod;
  /** Masked address of a sent code. */
  sentTo?: string;
  fallbackReason?: FallbackReason;
  expiresInSeconds: number;
  /** Every second factor this sign-in may switch to (SPEC §3.15). */
  methods: SignInMethod[];
}

export interface SignedIn {
  status: 'signed_in';
  session: IssuedSession;
  /** Only when a device was trusted in this sign-in. */
  deviceToken?: string;
}

export interface LoginParts {
  sessions: Sessions;
  lockout: Lockout;
  codes: CodeDelivery;
  notices: Notices;
  twoFactor: TwoFactor;
  passkeys: Passkeys;
  limits: SignedOutLimits;
}

export function createLogin(deps: IdentityDeps, parts: LoginParts) {
  const { sessions, lockout, codes, notices, twoFactor, passkeys, limits } = parts;
  const { auth, secretKey } = deps.config;
  const db = deps.db;

  const codePurpose = (flowIdHash: string) => `login:${flowIdHash}`;

  const sentTo = (account: Account, channel: 'sms' | 'email') => (channel === 'sms' ? maskPhone(account.phone!) : maskEmail(account.email));
  /** Names the flow and which of its codes a message carries, so an SMS failure finds its flow. */
  const codeReference = (idHash: string, codeNumber: number) => `login:${idHash}:${codeNumber}`;

  async function finishSignIn(
    tx: Executor,
    account: Account,
    client: ClientKind,
    secondFactor: SecondFactor,
    ctx: RequestContext,
    trustDevice: { label?: string } | null,
  ): Promise<SignedIn> {
    const now = deps.clock.now();
    const session = await sessions.start(tx, account.id, client, secondFactor, ctx);
    await markSignedIn(tx, account.id, now);
    await recordSecurityEvent(tx, {
      accountId: account.id,
      kind: secondFactor === 'trusted_device' ? 'sign_in_trusted_device' : 'sign_in',
      at: now,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      details: { client, secondFactor, device: deviceLabel(ctx.userAgent, 'en') },
    });
    if (secondFactor === 'trusted_device') return { status: 'signed_in', session };

    await notices.email(tx, account, 'new_device_sign_in', {
      when: notices.when(now),
      device: deviceLabel(ctx.userAgent, account.language),
      ip: ctx.ip,
    });
    if (!trustDevice) return { status: 'signed_in', session };
    const deviceToken = newToken();
    await insertTrustedDevice(tx, {
      id: newId(),
      accountId: account.id,
      tokenHash: hashToken(deviceToken),
      label: trustDevice.label?.trim() || deviceLabel(ctx.userAgent, account.language),
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

  /** A flow still open, of an account still active; anything else is `flow_expired`. */
  async function openFlow(flowId: string, ctx: RequestContext): Promise<{ idHash: string; flow: LoginFlow; account: Account }> {
    const now = deps.clock.now();
    await limits.enforceInFlow(ctx, now);
    const idHash = hashToken(flowId);
    const flow = await findFlow(db, idHash);
    if (!flowOpen(flow, now)) throw new AppError('flow_expired');
    const account = await findAccountById(db, flow.accountId);
    if (!account || account.status !== 'active') throw new AppError('flow_expired');
    return { idHash, flow, account };
  }

  /** Check the second factor under the flow's lockout subject; only one request can complete a flow. */
  async function completeSignIn(
    flow: LoginFlow,
    account: Account,
    check: () => Promise<SecondFactor | null>,
    input: { trustDevice: boolean; deviceLabel?: string },
    ctx: RequestContext,
  ): Promise<SignedIn> {
    const now = deps.clock.now();
    const attempt = await lockout.reserve(flow.throttleKey, now);
    const method = await check();
    deps.metrics?.credentialChecked('code', method !== null);
    if (!method) return lockout.failed(flow.throttleKey, attempt, account, ctx, { code: 'invalid_code' });
    return db.transaction(async (tx) => {
      if (!(await completeFlow(tx, flow.idHash, now))) throw new AppError('invalid_code');
      await lockout.succeeded(tx, flow.throttleKey, now);
      return finishSignIn(tx, account, flow.client, method, ctx, input.trustDevice ? { label: input.deviceLabel } : null);
    });
  }

  /**
   * The password step's attempt, counted in the per-IP and global limits in the statement that
   * reserves it, and the account of the address. Without a device token that is one statement;
   * a trusted device's attempts count under the device's own key, which needs the account first.
   */
  async function reserveSignIn(deviceToken: string | undefined, email: string, now: Date, ctx: RequestContext) {
    const windows = limits.windowsFor(ctx, now);
    const recognisedSince = limits.recognisedSince(now);
    if (!deviceToken) return { ...(await lockout.reserveFindingAccount(email, now, windows, recognisedSince)), device: undefined };
    const found = await findSignInAccount(db, email);
    const device = found?.account.status === 'active' ? await findLiveDevice(db, found.account.id, hashToken(deviceToken), now) : undefined;
    const key = device ? lockout.deviceKey(device.id) : lockout.emailKey(email);
    // A valid trusted device, or an address that signed in lately, passes the global brake.
    const lastSignedIn = found?.account.lastSignedInAt;
    const recognised = !!device || (!!lastSignedIn && lastSignedIn >= recognisedSince);
    return { found, device, key, attempt: await lockout.reserve(key, now, windows, recognised) };
  }

  return {
    /** Step 1 (SPEC §11): e-mail and password. Unknown e-mails take exactly the same path. */
    async login(input: { email: string; password: string; client: ClientKind; deviceToken?: string }, ctx: RequestContext): Promise<CodeSent | SignedIn> {
      const now = deps.clock.now();
      const email = normalizeEmail(input.email);
      const { found, device, key, attempt } = await reserveSignIn(input.deviceToken, email, now, ctx);
      const account = found?.account.status === 'active' ? found.account : undefined;
      const passwordOk = await deps.hasher.verify(account?.passwordHash ?? null, input.password);
      deps.metrics?.credentialChecked('password', passwordOk);
      if (!passwordOk || !account) return lockout.failed(key, attempt, account, ctx, { code: 'invalid_credentials' });

      if (deps.hasher.needsRehash(account.passwordHash!)) {
        await updatePasswordHash(db, account.id, await deps.hasher.hash(input.password), now);
      }

      // A trusted device, or an account whose owner switched 2FA off where the policy allows it.
      const skipsCode: SecondFactor | null = device ? 'trusted_device' : account.twoFactorEnabled ? null : 'password_only';
      if (skipsCode) {
        return db.transaction(async (tx) => {
          await lockout.succeeded(tx, key, now);
          if (device) await touchDevice(tx, device.id, now);
          return finishSignIn(tx, account, input.client, skipsCode, ctx, null);
        });
      }

      // The password alone is not a completed sign-in: opening the flow gives back the reserved
      // place and keeps the count.
      const flowId = newToken();
      const idHash = hashToken(flowId);
      const methods = await twoFactor.methodsOf(account, found?.strongFactors);
      const flow = {
        idHash,
        accountId: account.id,
        throttleKey: key,
        client: input.client,
        expiresAt: addSeconds(now, auth.flowTtlSeconds),
        ip: ctx.ip,
        userAgent: ctx.userAgent,
        createdAt: now,
      };
      const first = twoFactor.firstFactor(account, methods);
      if (first) {
        // Nothing is sent: the app or passkey answers. SMS or e-mail stay one "resend" away.
        await openFlowReleasingAttempt(db, { ...flow, channel: first, codesSent: 0 });
        return { status: 'code_required', flowId, channel: first, expiresInSeconds: auth.flowTtlSeconds, methods };
      }
      // The SMS reservation, the flow and the queued code are one statement: one round trip.
      const { code, hash } = issueCode(secretKey, codePurpose(idHash));
      const opened = { ...flow, codeHash: hash, codeExpiresAt: addSeconds(now, auth.codeTtlSeconds), codesSent: 1, lastSentAt: now };
      const sent = await codes.openFlowWithCode(db, account, code, codeReference(idHash, 1), opened);
      return { status: 'code_required', flowId, ...sent, expiresInSeconds: auth.codeTtlSeconds, methods };
    },

    /** "I didn't get a code": a new code, by e-mail or SMS, voiding the old one. */
    async resend(
      input: { flowId: string; channel: 'sms' | 'email' },
      ctx: RequestContext,
    ): Promise<{ channel: 'sms' | 'email'; sentTo: string; fallbackReason?: FallbackReason; expiresInSeconds: number }> {
      const { idHash, flow, account } = await openFlow(input.flowId, ctx);
      const now = deps.clock.now();
      return db.transaction(async (tx) => {
        const { channel, fallbackReason } = await codes.chooseChannel(tx, account, input.channel, now);
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
        const maskedTo = await codes.send(tx, account, channel, code, 'login_code', { reference: codeReference(idHash, replaced.codesSent) });
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
      const { channel } = flow;
      const maskedTo = channel === 'sms' || channel === 'email' ? sentTo(account, channel) : undefined;
      return { channel, sentTo: maskedTo, fallbackReason: flow.fallbackReason ?? undefined, expiresInSeconds, methods: await twoFactor.methodsOf(account) };
    },

    /** The notifications module's fallback hook: the flow's SMS failed and its code goes by e-mail. */
    async codeFellBack(tx: Executor, reference: string): Promise<boolean> {
      const [, idHash, codeNumber] = reference.split(':');
      return !!idHash && fallBackToEmail(tx, idHash, Number(codeNumber), deps.clock.now());
    },

    /** Step 2: the one-time code (sent, or from the app). Wrong codes count in the same lockout as wrong passwords. */
    async verify(input: { flowId: string; code: string; trustDevice: boolean; deviceLabel?: string }, ctx: RequestContext): Promise<SignedIn> {
      const { idHash, flow, account } = await openFlow(input.flowId, ctx);
      const now = deps.clock.now();
      const sent = flow.channel === 'sms' || flow.channel === 'email' ? flow.channel : null;
      const live = sent && flow.codeExpiresAt && flow.codeExpiresAt > now ? flow.codeHash : null;
      // The code sent in this sign-in, or else the current code of one of the account's
      // authenticator apps: an app stays usable after an SMS went out. Either way one attempt.
      return completeSignIn(
        flow,
        account,
        async () => {
          if (sent && codeMatches(secretKey, codePurpose(idHash), input.code, live)) return sent;
          return (await twoFactor.useTotpCode(account, input.code, now)) ? 'totp' : null;
        },
        input,
        ctx,
      );
    },

    /** Step 2 with a passkey: the challenge to sign, for any open flow of an account that has one. */
    async passkeyOptions(flowId: string, ctx: RequestContext) {
      const { idHash, account } = await openFlow(flowId, ctx);
      return passkeys.authenticationOptions(account, `login:${idHash}`);
    },

    async verifyPasskey(input: { flowId: string; response: AuthenticationResponseJSON; trustDevice: boolean; deviceLabel?: string }, ctx: RequestContext): Promise<SignedIn> {
      const { idHash, flow, account } = await openFlow(input.flowId, ctx);
      return completeSignIn(flow, account, async () => ((await passkeys.verifyAssertion(account, `login:${idHash}`, input.response)) ? 'passkey' : null), input, ctx);
    },
  };
}

export type Login = ReturnType<typeof createLogin>;
