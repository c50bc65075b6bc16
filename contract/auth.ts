import { z } from 'zod';

export const clientKind = z.enum(['web', 'app']);
export const codeChannel = z.enum(['sms', 'email']);

export const emailInput = z.string().min(1).max(320);
/** Passwords are checked for policy elsewhere; the bound here only limits request size. */
export const passwordInput = z.string().min(1).max(1024);

export const loginRequest = z.object({
  email: emailInput,
  password: passwordInput,
  client: clientKind.default('web'),
  /** The app's trusted-device token (the web sends it as a cookie). */
  deviceToken: z.string().max(200).optional(),
});

export const appTokens = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  expiresIn: z.number().int(),
  tokenType: z.literal('Bearer'),
});

export const signedIn = z.object({
  status: z.literal('signed_in'),
  csrfToken: z.string().optional(),
  /** The app's token when the user asked to trust this device (the web gets it only as an HttpOnly cookie). */
  deviceToken: z.string().optional(),
  ...appTokens.partial().shape,
});

/** Second factors a sign-in may use (SPEC §3.4, §3.15); SMS and e-mail codes always stay. */
export const signInMethod = z.enum(['sms', 'email', 'totp', 'passkey']);

export const codeRequired = z.object({
  status: z.literal('code_required'),
  flowId: z.string(),
  /** Where the code went; `totp` or `passkey` means nothing was sent: the app or a passkey answers. */
  channel: signInMethod,
  /** Masked address of a sent code (absent for `totp` and `passkey`). */
  sentTo: z.string().optional(),
  /** Why the code went by e-mail when SMS was expected: "sms_budget" or "no_phone". */
  fallbackReason: z.enum(['sms_budget', 'no_phone', 'sms_failed']).optional(),
  expiresInSeconds: z.number().int(),
  /** The methods the client may offer: `resend` switches to sms/email, `verify` takes any code. */
  methods: z.array(signInMethod),
});

export const loginResponse = z.discriminatedUnion('status', [codeRequired, signedIn]);

export const resendRequest = z.object({
  flowId: z.string().max(100),
  channel: codeChannel.default('email'),
});

export const resendResponse = z.object({
  channel: codeChannel,
  sentTo: z.string(),
  fallbackReason: z.enum(['sms_budget', 'no_phone', 'sms_failed']).optional(),
  expiresInSeconds: z.number().int(),
});

/** The flow id travels in the body, not the URL, so it stays out of access logs. */
export const loginStatusRequest = z.object({ flowId: z.string().max(100) });

/** Where the current code went; "sms_failed" when the SMS failed and the code went by e-mail. */
/** Where the flow's code is now; `totp`/`passkey` while nothing was sent (SPEC §3.15). */
export const loginStatusResponse = codeRequired.omit({ status: true, flowId: true });

export const verifyRequest = z.object({
  flowId: z.string().max(100),
  code: z.string().max(20),
  trustDevice: z.boolean().default(false),
  deviceLabel: z.string().max(100).optional(),
});

export const refreshRequest = z.object({ refreshToken: z.string().min(1).max(200) });

export const me = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  language: z.enum(['sv', 'en']),
  csrfToken: z.string().optional(),
  /** How this session passed the second step; `integration_token` for a token's caller. */
  secondFactor: z.enum(['sms', 'email', 'trusted_device', 'totp', 'passkey', 'password_only', 'integration_token']),
});

export type LoginRequest = z.infer<typeof loginRequest>;
export type LoginResponse = z.infer<typeof loginResponse>;
export type CodeRequired = z.infer<typeof codeRequired>;
export type SignedIn = z.infer<typeof signedIn>;
export type Me = z.infer<typeof me>;

const b64url = z
  .string()
  .max(4096)
  .regex(/^[A-Za-z0-9_-]*$/);

/** What the browser's WebAuthn call returns (as @simplewebauthn/browser serialises it); checked in full by the server. */
export const passkeyAssertion = z.object({
  id: b64url,
  rawId: b64url,
  type: z.literal('public-key'),
  response: z.object({ clientDataJSON: b64url, authenticatorData: b64url, signature: b64url, userHandle: b64url.optional() }),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
});

export const passkeyAttestation = z.object({
  id: b64url,
  rawId: b64url,
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: b64url,
    attestationObject: b64url,
    transports: z.array(z.enum(['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'])).optional(),
  }),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
});

/** WebAuthn options for navigator.credentials (passed to @simplewebauthn/browser as they are). */
export const webauthnOptions = z.record(z.string(), z.unknown());

export const passkeyOptionsRequest = z.object({ flowId: z.string().max(100) });
export const passkeyVerifyRequest = z.object({
  flowId: z.string().max(100),
  response: passkeyAssertion,
  trustDevice: z.boolean().default(false),
  deviceLabel: z.string().max(100).optional(),
});
