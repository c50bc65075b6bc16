import { z } from 'zod';
import { errorCodes, type ErrorCode } from './errors.ts';
import { codeChannel, emailInput, passkeyAssertion, passkeyAttestation, passwordInput, signInMethod } from './auth.ts';

/** Account self-service (SPEC §3.2, §3.9–3.15). Links carry their token in the URL fragment; the page posts it here. */

const linkToken = z.string().min(20).max(200);
const codeInput = z.string().max(20);
const id = z.uuid();
const timestamp = z.string().describe('ISO 8601');
const language = z.enum(['sv', 'en']);

export const idParams = z.object({ id });

// step-up (§3.9)
export const stepUpPasswordRequest = z.object({ password: passwordInput });
export const stepUpCodeSendRequest = z.object({ channel: codeChannel.default('sms') });
export const stepUpCodeSent = z.object({
  channel: codeChannel,
  sentTo: z.string(),
  fallbackReason: z.enum(['sms_budget', 'no_phone', 'sms_failed']).optional(),
  expiresInSeconds: z.number().int(),
});
export const codeRequest = z.object({ code: codeInput });
export const stepUpGranted = z.object({ expiresInSeconds: z.number().int() });

// signed out: activation, registration, forgot password, e-mail links (§3.2, §3.10, §3.11)
export const emailRequest = z.object({ email: emailInput });
export const linkRequest = z.object({ token: linkToken });
export const linkWithPasswordRequest = z.object({ token: linkToken, password: passwordInput });
export const registerRequest = z.object({
  email: emailInput,
  name: z.string().min(1).max(100),
  password: passwordInput,
  language: language.default('sv'),
});
/** Sent whatever the address: nothing tells whether it has an account. */
export const accepted = z.object({ status: z.literal('accepted') });

// profile, credentials, contact details
export const updateMeRequest = z.object({ name: z.string().trim().min(1).max(100).optional(), language: language.optional() });
export const changePasswordRequest = z.object({
  currentPassword: passwordInput,
  newPassword: passwordInput,
  /** Whoever learnt the old password may have made integration tokens: ended unless the user keeps them. */
  endIntegrationTokens: z.boolean().default(true),
});
export const passwordChanged = z.object({ integrationTokensEnded: z.number().int() });
export const changeEmailRequest = z.object({ email: emailInput });
export const emailChangeRequested = z.object({ status: z.literal('confirmation_sent') });
export const changePhoneRequest = z.object({ phone: z.string().min(1).max(40) });
export const phoneCodeSent = z.object({ sentTo: z.string(), expiresInSeconds: z.number().int() });

// lists
export const sessionList = z.array(
  z.object({
    id,
    client: z.enum(['web', 'app']),
    current: z.boolean(),
    device: z.string(),
    ip: z.string().nullable(),
    secondFactor: z.string(),
    createdAt: timestamp,
    lastSeenAt: timestamp,
  }),
);
export const revokedCount = z.object({ revoked: z.number().int() });
export const deviceList = z.array(z.object({ id, label: z.string(), createdAt: timestamp, lastUsedAt: timestamp, expiresAt: timestamp }));
export const activityQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });
export const activityList = z.array(z.object({ kind: z.string(), at: timestamp, ip: z.string().nullable(), device: z.string().nullable() }));

// integration tokens (§3.13)
export const tokenScope = z.enum(['read', 'read_write']);
export const integrationToken = z.object({ id, name: z.string(), scope: tokenScope, createdAt: timestamp, lastUsedAt: timestamp.nullable() });
export const integrationTokenList = z.array(integrationToken);
export const createTokenRequest = z.object({ name: z.string().trim().min(1).max(100), scope: tokenScope.default('read') });
/** The only time the token itself is shown. */
export const createdToken = integrationToken.extend({ token: z.string() });

// two-step verification (§3.4, §3.15)
export const twoFactorOverview = z.object({
  enabled: z.boolean(),
  optOutAllowed: z.boolean(),
  preferred: z.enum(['sms', 'totp', 'passkey']),
  methods: z.array(signInMethod),
  authenticatorApps: z.array(z.object({ id, label: z.string(), createdAt: timestamp, lastUsedAt: timestamp.nullable() })),
  passkeys: z.array(z.object({ id, label: z.string(), createdAt: timestamp, lastUsedAt: timestamp.nullable() })),
});
export const updateTwoFactorRequest = z.object({ enabled: z.boolean().optional(), preferred: z.enum(['sms', 'totp', 'passkey']).optional() });
export const registerPasskeyRequest = z.object({ response: passkeyAttestation, label: z.string().max(60).optional() });
export const passkeyStepUpRequest = z.object({ response: passkeyAssertion });
export const startTotpRequest = z.object({ label: z.string().max(60).optional() });
export const totpEnrolment = z.object({ id, secret: z.string(), otpauthUri: z.string() });

// closing the account (§3.12)
/** Whether closing would be refused now and why (an error code the page explains), asked before the button is pressed. */
export const closureCheck = z.object({ allowed: z.boolean(), reason: z.enum(errorCodes as [ErrorCode, ...ErrorCode[]]).nullable() });
