import { z } from 'zod';
import {
  activityList,
  createdToken,
  deviceList,
  integrationTokenList,
  passwordChanged,
  revokedCount,
  sessionList,
  totpEnrolment,
  twoFactorOverview,
  type changePasswordRequest,
  type tokenScope,
  type updateTwoFactorRequest,
} from '../../../contract/account.ts';
import { passkeyAttestation, webauthnOptions } from '../../../contract/auth.ts';
import { request } from '../../lib/http.ts';

const nothing = z.null();

/** Query keys of the security pages, so a change can refresh exactly what it affects. */
export const securityKeys = {
  all: ['security'] as const,
  twoFactor: ['security', 'two-factor'] as const,
  devices: ['security', 'devices'] as const,
  sessions: ['security', 'sessions'] as const,
  activity: (limit: number) => ['security', 'activity', limit] as const,
  tokens: ['security', 'tokens'] as const,
};

export type TokenScope = z.infer<typeof tokenScope>;
export type PasskeyAttestation = z.infer<typeof passkeyAttestation>;

/** The calls behind Mina sidor › Säkerhet, checked against the contract's schemas. */
export const securityApi = {
  changePassword: (input: z.input<typeof changePasswordRequest>) => request('POST', '/me/password', passwordChanged, input),

  twoFactor: () => request('GET', '/me/two-factor', twoFactorOverview),
  updateTwoFactor: (input: z.infer<typeof updateTwoFactorRequest>) => request('PATCH', '/me/two-factor', nothing, input),
  startTotp: (label: string) => request('POST', '/me/two-factor/totp', totpEnrolment, { label: label.trim() || undefined }),
  confirmTotp: (id: string, code: string) => request('POST', `/me/two-factor/totp/${id}/confirm`, nothing, { code }),
  removeTotp: (id: string) => request('DELETE', `/me/two-factor/totp/${id}`, nothing),
  passkeyOptions: () => request('POST', '/me/two-factor/passkeys/options', webauthnOptions),
  registerPasskey: (response: PasskeyAttestation, label: string) => request('POST', '/me/two-factor/passkeys', nothing, { response, label: label.trim() || undefined }),
  removePasskey: (id: string) => request('DELETE', `/me/two-factor/passkeys/${id}`, nothing),

  devices: () => request('GET', '/me/devices', deviceList),
  removeDevice: (id: string) => request('DELETE', `/me/devices/${id}`, nothing),

  sessions: () => request('GET', '/me/sessions', sessionList),
  signOutSession: (id: string) => request('DELETE', `/me/sessions/${id}`, nothing),
  signOutOtherSessions: () => request('POST', '/me/sessions/revoke-others', revokedCount),

  activity: (limit: number) => request('GET', `/me/activity?${new URLSearchParams({ limit: String(limit) })}`, activityList),

  tokens: () => request('GET', '/me/tokens', integrationTokenList),
  createToken: (input: { name: string; scope: TokenScope }) => request('POST', '/me/tokens', createdToken, input),
  revokeToken: (id: string) => request('DELETE', `/me/tokens/${id}`, nothing),
};
