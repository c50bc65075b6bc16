import type { Executor } from '../../db/database.ts';
import { recordSecurityEvent } from '../audit/index.ts';
import type { Challenges } from './challenges.service.ts';
import type { CodeDelivery, FallbackReason } from './code-delivery.service.ts';
import type { IdentityDeps, RequestContext, SessionActor } from './identity.types.ts';
import type { Lockout } from './lockout.service.ts';
import { setStepUp } from './sessions.store.ts';
import type { TwoFactor } from './two-factor.service.ts';
import type { Passkeys } from './passkeys.service.ts';
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';

export interface StepUpParts {
  lockout: Lockout;
  challenges: Challenges;
  codes: CodeDelivery;
  twoFactor: TwoFactor;
  passkeys: Passkeys;
}

/**
 * A fresh check before sensitive changes (SPEC §3.9): the password, a one-time code (SMS with
 * e-mail fallback), an authenticator-app code or a passkey. Wrong answers count toward the lockout.
 */
export function createStepUp(deps: IdentityDeps, parts: StepUpParts) {
  const { lockout, challenges, codes, twoFactor, passkeys } = parts;
  const { auth } = deps.config;

  async function grant(tx: Executor, actor: SessionActor, method: 'password' | 'code' | 'totp' | 'passkey', ctx: RequestContext, now: Date) {
    await setStepUp(tx, actor.session.id, now);
    await recordSecurityEvent(tx, { accountId: actor.account.id, kind: 'step_up', at: now, ip: ctx.ip, userAgent: ctx.userAgent, details: { method } });
    return { expiresInSeconds: auth.stepUpSeconds };
  }

  return {
    async withPassword(actor: SessionActor, password: string, ctx: RequestContext) {
      return lockout.attempt(
        actor.account,
        ctx,
        { code: 'wrong_password', field: 'password' },
        () => deps.hasher.verify(actor.account.passwordHash, password),
        (tx, now) => grant(tx, actor, 'password', ctx, now),
      );
    },

    async sendCode(actor: SessionActor, wanted: 'sms' | 'email'): Promise<{ channel: 'sms' | 'email'; sentTo: string; fallbackReason?: FallbackReason; expiresInSeconds: number }> {
      const now = deps.clock.now();
      return deps.db.transaction(async (tx) => {
        const { channel, fallbackReason } = await codes.chooseChannel(tx, actor.account, wanted, now);
        const code = await challenges.issue(tx, actor, 'step_up', channel, null, now);
        const sentTo = await codes.send(tx, actor.account, channel, code, 'step_up_code');
        return { channel, sentTo, fallbackReason, expiresInSeconds: auth.codeTtlSeconds };
      });
    },

    async withCode(actor: SessionActor, code: string, ctx: RequestContext) {
      return challenges.verify(actor, 'step_up', code, ctx, (tx, _challenge, now) => grant(tx, actor, 'code', ctx, now));
    },

    async withAuthenticatorApp(actor: SessionActor, code: string, ctx: RequestContext) {
      return lockout.attempt(
        actor.account,
        ctx,
        { code: 'invalid_code', field: 'code' },
        () => twoFactor.useTotpCode(actor.account, code, deps.clock.now()),
        (tx, now) => grant(tx, actor, 'totp', ctx, now),
      );
    },

    passkeyOptions: (actor: SessionActor) => passkeys.authenticationOptions(actor.account, `step-up:${actor.session.id}`),

    async withPasskey(actor: SessionActor, response: AuthenticationResponseJSON, ctx: RequestContext) {
      return lockout.attempt(
        actor.account,
        ctx,
        { code: 'invalid_code' },
        () => passkeys.verifyAssertion(actor.account, `step-up:${actor.session.id}`, response),
        (tx, now) => grant(tx, actor, 'passkey', ctx, now),
      );
    },
  };
}

export type StepUp = ReturnType<typeof createStepUp>;
