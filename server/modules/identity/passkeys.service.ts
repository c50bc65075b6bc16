import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { isoBase64URL } from '@simplewebauthn/server/helpers';
import { addSeconds } from '../../core/clock.ts';
import { AppError } from '../../core/app-error.ts';
import { newId } from '../../core/tokens.ts';
import { recordSecurityEvent } from '../audit/index.ts';
import { updateAccount } from './accounts.store.ts';
import type { Account } from './identity.tables.ts';
import type { IdentityDeps, RequestContext, SessionActor } from './identity.types.ts';
import { deletePasskey, findPasskey, insertPasskey, listPasskeys, putChallenge, takeChallenge, usePasskey } from './passkeys.store.ts';

const CHALLENGE_SECONDS = 300;
const RP_NAME = 'Mina sidor';

/**
 * Passkeys (WebAuthn) as a second factor beside SMS, e-mail and authenticator apps (SPEC §3.15).
 * The relying party is the portal's public origin; each ceremony's challenge is used once.
 */
export function createPasskeys(deps: IdentityDeps) {
  const db = deps.db;
  const publicUrl = new URL(deps.config.publicUrl);
  const rpID = publicUrl.hostname;
  const origin = publicUrl.origin;
  const transportsOf = (stored: string[]) => stored as AuthenticatorTransport[];

  return {
    async registrationOptions(actor: SessionActor) {
      const now = deps.clock.now();
      const existing = await listPasskeys(db, actor.account.id);
      const options = await generateRegistrationOptions({
        rpName: RP_NAME,
        rpID,
        userName: actor.account.email,
        userDisplayName: actor.account.name,
        userID: new TextEncoder().encode(actor.account.id),
        attestationType: 'none',
        excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: transportsOf(p.transports) })),
        authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
      });
      await putChallenge(db, `register:${actor.session.id}`, options.challenge, addSeconds(now, CHALLENGE_SECONDS));
      return { ...options };
    },

    /** Check the authenticator's answer and keep its public key; it becomes the first choice at sign-in. */
    async register(actor: SessionActor, response: RegistrationResponseJSON, label: string | undefined, ctx: RequestContext): Promise<void> {
      const now = deps.clock.now();
      const challenge = await takeChallenge(db, `register:${actor.session.id}`, now);
      if (!challenge) throw new AppError('passkey_rejected');
      const verification = await verifyRegistrationResponse({ response, expectedChallenge: challenge, expectedOrigin: origin, expectedRPID: rpID, requireUserVerification: false }).catch(
        () => null,
      );
      const credential = verification?.verified ? verification.registrationInfo?.credential : undefined;
      if (!credential) throw new AppError('passkey_rejected');
      await db.transaction(async (tx) => {
        await insertPasskey(tx, {
          id: newId(),
          accountId: actor.account.id,
          credentialId: credential.id,
          publicKey: isoBase64URL.fromBuffer(credential.publicKey),
          counter: credential.counter,
          transports: credential.transports ?? [],
          label: label?.trim() || 'Passkey',
          createdAt: now,
        });
        await updateAccount(tx, actor.account.id, { preferredSecondFactor: 'passkey' }, now);
        await recordSecurityEvent(tx, { accountId: actor.account.id, kind: 'passkey_added', at: now, ip: ctx.ip, userAgent: ctx.userAgent });
      });
    },

    /** Options for signing in (or stepping up) with one of the account's passkeys, under a ceremony key. */
    async authenticationOptions(account: Account, ceremonyKey: string) {
      const now = deps.clock.now();
      const existing = await listPasskeys(db, account.id);
      if (existing.length === 0) throw new AppError('channel_unavailable');
      const options = await generateAuthenticationOptions({
        rpID,
        allowCredentials: existing.map((p) => ({ id: p.credentialId, transports: transportsOf(p.transports) })),
        userVerification: 'preferred',
      });
      await putChallenge(db, ceremonyKey, options.challenge, addSeconds(now, CHALLENGE_SECONDS));
      return { ...options };
    },

    /** True when the answer is signed by one of the account's passkeys over this ceremony's challenge. */
    async verifyAssertion(account: Account, ceremonyKey: string, response: AuthenticationResponseJSON): Promise<boolean> {
      const now = deps.clock.now();
      const challenge = await takeChallenge(db, ceremonyKey, now);
      const passkey = typeof response?.id === 'string' ? await findPasskey(db, account.id, response.id) : undefined;
      if (!challenge || !passkey) return false;
      const verification = await verifyAuthenticationResponse({
        response,
        expectedChallenge: challenge,
        expectedOrigin: origin,
        expectedRPID: rpID,
        credential: { id: passkey.credentialId, publicKey: isoBase64URL.toBuffer(passkey.publicKey), counter: passkey.counter, transports: transportsOf(passkey.transports) },
        requireUserVerification: false,
      }).catch(() => null);
      if (!verification?.verified) return false;
      await usePasskey(db, passkey.id, verification.authenticationInfo.newCounter, now);
      return true;
    },

    async list(account: Account) {
      const rows = await listPasskeys(db, account.id);
      return rows.map((p) => ({ id: p.id, label: p.label, createdAt: p.createdAt.toISOString(), lastUsedAt: p.lastUsedAt?.toISOString() ?? null }));
    },

    async remove(actor: SessionActor, id: string, ctx: RequestContext): Promise<void> {
      const now = deps.clock.now();
      await db.transaction(async (tx) => {
        if (!(await deletePasskey(tx, actor.account.id, id))) throw new AppError('not_found');
        if (actor.account.preferredSecondFactor === 'passkey' && (await listPasskeys(tx, actor.account.id)).length === 0) {
          await updateAccount(tx, actor.account.id, { preferredSecondFactor: 'sms' }, now);
        }
        await recordSecurityEvent(tx, { accountId: actor.account.id, kind: 'passkey_removed', at: now, ip: ctx.ip, userAgent: ctx.userAgent });
      });
    },
  };
}

export type Passkeys = ReturnType<typeof createPasskeys>;
