import { isIP } from 'node:net';
import { isSupportedCountry } from 'libphonenumber-js';
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');
const int = (def: number, min = 0) => z.coerce.number().int().min(min).default(def);
/** "SE,NO" → ['SE', 'NO']: ISO 3166 country codes that phone numbers are known for. */
const countries = (def: string) =>
  z
    .string()
    .default(def)
    .transform((raw, ctx) => {
      const codes = raw
        .split(',')
        .map((code) => code.trim().toUpperCase())
        .filter(Boolean);
      const unknown = codes.filter((code) => !isSupportedCountry(code));
      if (unknown.length) ctx.addIssue({ code: 'custom', message: `not country codes of phone numbers: ${unknown.join(', ')}` });
      return codes;
    });

const ELKS_URL = 'https://api.46elks.com';
const TWILIO_URL = 'https://api.twilio.com';
const TIMEOUT_SECONDS = 10;
const LEASE_SECONDS = 60;

/** postgres:// or postgresql:// with a host (or a socket folder in ?host=): anything else would be misread by the driver. */
function isPostgresUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && (url.hostname !== '' || url.searchParams.has('host'));
  } catch {
    return false;
  }
}

/** Every setting, read from the environment once at start (server/main.ts) and passed down. */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: int(3000),
  HOST: z.string().default('127.0.0.1'),
  PUBLIC_URL: z.url().optional(),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().refine(isPostgresUrl, 'must be a PostgreSQL URL: postgres://user:password@host:5432/database').optional(),
  /** The server applies pending migrations as it starts; false: `portvakt migrate` does, the server only checks. */
  MIGRATE_ON_START: bool.default(true),
  DATABASE_POOL_SIZE: int(10, 1),
  DATABASE_CONNECT_TIMEOUT_SECONDS: int(5, 1),
  DATABASE_STATEMENT_TIMEOUT_SECONDS: int(15, 1),
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_SECONDS: int(30, 1),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PORTVAKT_DEMO_PASSWORD: z.string().optional(),
  /** HMAC key for codes, e-mail keys and CSRF tokens. */
  SECRET_KEY: z.string().optional(),
  /** Encryption keys "id:secret,id2:secret2"; the first is used for new values. */
  ENCRYPTION_KEYS: z.string().optional(),
  EMAIL_PROVIDER: z.enum(['dev', 'smtp']).default('dev'),
  SMS_PROVIDER: z.enum(['dev', '46elks', 'twilio']).default('dev'),
  WORKER: z.enum(['in-process', 'off']).default('in-process'),
  /** After SIGTERM: how long /ready says 503 while requests are still served (5 in production, 0 otherwise). */
  SHUTDOWN_DELAY_SECONDS: z.coerce.number().int().min(0).max(300).optional(),
  /** After that delay: how long finishing requests, the worker and the pool may take before exiting 1. */
  SHUTDOWN_TIMEOUT_SECONDS: int(20, 1),
  // e-mail over SMTP (EMAIL_PROVIDER=smtp)
  EMAIL_FROM: z.string().optional(),
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  /** starttls: upgrade on 587 and refuse plain text; tls: TLS from the first byte (465); none: tests only. */
  SMTP_SECURITY: z.enum(['starttls', 'tls', 'none']).default('starttls'),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  // SMS (SMS_PROVIDER=46elks|twilio)
  /** What the recipient sees as sender: up to 11 letters and digits, or an E.164 number. */
  SMS_SENDER: z.string().optional(),
  ELKS_API_USERNAME: z.string().optional(),
  ELKS_API_PASSWORD: z.string().optional(),
  ELKS_BASE_URL: z.url().default(ELKS_URL),
  TWILIO_ACCOUNT_SID: z.string().optional(),
  TWILIO_AUTH_TOKEN: z.string().optional(),
  TWILIO_BASE_URL: z.url().default(TWILIO_URL),
  PROVIDER_TIMEOUT_SECONDS: int(TIMEOUT_SECONDS, 1),
  // outbox worker
  OUTBOX_BATCH_SIZE: int(20, 1),
  OUTBOX_MAX_ATTEMPTS: int(8, 1),
  OUTBOX_LEASE_SECONDS: int(LEASE_SECONDS, 3),
  COOKIE_SECURE: bool.default(true),
  /** Who may say where a request came from: off, a hop count, or the proxies' addresses/CIDRs. */
  TRUST_PROXY: z.string().default('off').transform(parseTrustProxy),
  /** A separate listener for /metrics; without it, development serves /metrics beside the API and production not at all. */
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  METRICS_HOST: z.string().default('127.0.0.1'),
  CUSTOMER_SERVICE_PHONE: z.string().default('+46 771 00 00 00'),
  // sign-in rules (SPEC §3.4–3.8)
  LOCKOUT_MAX_FAILURES: int(3, 1),
  LOCKOUT_MINUTES: int(15, 1),
  CODE_TTL_SECONDS: int(300, 30),
  CODE_RESEND_INTERVAL_SECONDS: int(30, 0),
  CODE_MAX_PER_FLOW: int(5, 1),
  LOGIN_FLOW_TTL_SECONDS: int(300, 30),
  SMS_PER_ACCOUNT_PER_DAY: int(5, 0),
  SMS_MONTHLY_BUDGET: int(20000, 0),
  SMS_COST_ORE: int(45, 0),
  // SMS to numbers not yet verified (a new phone to confirm): issue 15 item 5, ADR 52
  SMS_ALLOWED_COUNTRIES: countries('SE,NO,DK,FI,IS'),
  SMS_UNVERIFIED_BUDGET_PERCENT: z.coerce.number().int().min(0).max(100).default(10),
  SMS_UNVERIFIED_PER_IP: int(5, 1),
  SMS_UNVERIFIED_PER_ACCOUNT: int(3, 1),
  SMS_UNVERIFIED_GLOBAL: int(100, 1),
  // At most a day: housekeeping removes windows that started more than a day ago.
  SMS_UNVERIFIED_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86400).default(3600),
  TRUSTED_DEVICE_DAYS: int(30, 1),
  SESSION_IDLE_MINUTES: int(30, 1),
  SESSION_ABSOLUTE_HOURS: int(12, 1),
  ACCESS_TOKEN_MINUTES: int(15, 1),
  REFRESH_TOKEN_DAYS: int(90, 1),
  STEP_UP_MINUTES: int(10, 1),
  LOGIN_RATE_LIMIT_PER_IP: int(30, 1),
  LOGIN_RATE_LIMIT_GLOBAL: int(3000, 1),
  LOGIN_RATE_LIMIT_WINDOW_SECONDS: int(300, 1),
  LOGIN_KNOWN_ADDRESS_DAYS: int(90, 1),
  // account self-service (SPEC §3.2, §3.10–3.15)
  ACTIVATION_LINK_DAYS: int(7, 1),
  PASSWORD_RESET_LINK_MINUTES: int(30, 5),
  EMAIL_CHANGE_LINK_HOURS: int(24, 1),
  EMAIL_UNDO_LINK_DAYS: int(14, 1),
  /** Whether a user may switch two-step verification off for their own account. */
  TWO_FACTOR_OPT_OUT_ALLOWED: bool.default(false),
  API_TOKEN_RATE_LIMIT_PER_MINUTE: int(120, 1),
  ARGON2_MEMORY_KIB: int(19456, 19456),
  ARGON2_ITERATIONS: int(2, 2),
  ARGON2_PARALLELISM: int(1, 1),
  BODY_LIMIT_BYTES: int(64 * 1024, 1024),
});

/** Production refuses development conveniences; checked on the raw environment so that every problem is listed at once. */
function productionProblems(env: Record<string, string | undefined>): string[] {
  if (env.NODE_ENV !== 'production') return [];
  const problems: string[] = [];
  if (!env.SECRET_KEY || env.SECRET_KEY.length < 32) problems.push('SECRET_KEY: must be set to at least 32 characters in production');
  if (!env.ENCRYPTION_KEYS) problems.push('ENCRYPTION_KEYS: must be set in production');
  if ((env.EMAIL_PROVIDER ?? 'dev') === 'dev') problems.push('EMAIL_PROVIDER: the dev inbox is refused in production');
  if ((env.SMS_PROVIDER ?? 'dev') === 'dev') problems.push('SMS_PROVIDER: the dev inbox is refused in production');
  if (!env.PUBLIC_URL) problems.push('PUBLIC_URL: must be set in production (links in e-mails use it)');
  return problems;
}

type Env = z.infer<typeof envSchema>;

/**
 * Whose X-Forwarded-For is believed. `hops`: that many proxies stand in front and each appends
 * its peer; `addresses`: only proxies at these addresses or networks are believed.
 */
export type TrustProxy = false | { hops: number } | { addresses: string[] };

const MAX_PROXY_HOPS = 10;

function parseTrustProxy(raw: string, ctx: z.RefinementCtx): TrustProxy {
  const value = raw.trim().toLowerCase();
  if (['', 'off', 'false', 'no', '0'].includes(value)) return false;
  if (['true', 'yes', 'on'].includes(value)) {
    // Trusting every hop makes the left-most X-Forwarded-For, which any client writes, the address.
    ctx.addIssue({
      code: 'custom',
      message: 'give the number of proxies in front of the server (e.g. 1) or their addresses/CIDRs, not "true": trusting every hop lets any client choose its own address',
    });
    return false;
  }
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > MAX_PROXY_HOPS) ctx.addIssue({ code: 'custom', message: `at most ${MAX_PROXY_HOPS} proxy hops` });
    return { hops };
  }
  const addresses = value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const invalid = addresses.filter((entry) => !isAddressOrNetwork(entry));
  if (invalid.length > 0) ctx.addIssue({ code: 'custom', message: `not an IP address or CIDR: ${invalid.join(', ')}` });
  return { addresses };
}

function isAddressOrNetwork(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

const HOSTNAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;
const IPV4 = /^(\d{1,3}\.){3}\d{1,3}$/;
const E164 = /^\+[1-9]\d{6,14}$/;
/** 46elks and most operators accept 3–11 letters and digits as an alphanumeric sender. */
const ALPHA_SENDER = /^[A-Za-z0-9]{3,11}$/;
const EMAIL_ADDRESS = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/**
 * A provider that is chosen must be usable: say what is missing now, not at the first code
 * sent. Like productionProblems, on the raw environment (defaults applied here) so that every
 * problem is listed at once.
 */
function providerProblems(raw: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  const problem = (path: string, message: string) => problems.push(`${path}: ${message}`);
  const env: Record<string, string | undefined> = {
    ...raw,
    SMTP_SECURITY: raw.SMTP_SECURITY ?? 'starttls',
    ELKS_BASE_URL: raw.ELKS_BASE_URL ?? ELKS_URL,
    TWILIO_BASE_URL: raw.TWILIO_BASE_URL ?? TWILIO_URL,
  };
  const production = env.NODE_ENV === 'production';
  const required = (name: string, why: string) => {
    if (!env[name]) problem(name, `must be set ${why}`);
  };
  if (env.EMAIL_PROVIDER === 'smtp') {
    required('SMTP_HOST', 'when EMAIL_PROVIDER=smtp');
    if (env.SMTP_HOST && !HOSTNAME.test(env.SMTP_HOST) && !IPV4.test(env.SMTP_HOST)) problem('SMTP_HOST', `"${env.SMTP_HOST}" is not a host name`);
    if (!env.EMAIL_FROM) problem('EMAIL_FROM', 'must be set when EMAIL_PROVIDER=smtp, e.g. "Mina sidor <no-reply@example.com>"');
    else if (!EMAIL_ADDRESS.test(fromAddress(env.EMAIL_FROM))) problem('EMAIL_FROM', 'must be an address, optionally with a name: "Name <address>"');
    if (!!env.SMTP_USER !== !!env.SMTP_PASSWORD) problem(env.SMTP_USER ? 'SMTP_PASSWORD' : 'SMTP_USER', 'SMTP_USER and SMTP_PASSWORD go together');
    if (production && env.SMTP_SECURITY === 'none') problem('SMTP_SECURITY', 'plain-text SMTP is refused in production (use starttls or tls)');
  }
  if (env.SMS_PROVIDER === '46elks' || env.SMS_PROVIDER === 'twilio') {
    const when = `when SMS_PROVIDER=${env.SMS_PROVIDER}`;
    if (!env.SMS_SENDER) problem('SMS_SENDER', `must be set ${when}`);
    else if (!ALPHA_SENDER.test(env.SMS_SENDER) && !E164.test(env.SMS_SENDER)) problem('SMS_SENDER', 'must be 3–11 letters and digits, or a number in E.164 form (+46…)');
    const baseUrl = env.SMS_PROVIDER === '46elks' ? env.ELKS_BASE_URL : env.TWILIO_BASE_URL;
    if (production && !baseUrl?.startsWith('https://')) problem(env.SMS_PROVIDER === '46elks' ? 'ELKS_BASE_URL' : 'TWILIO_BASE_URL', 'must be https in production');
  }
  if (env.SMS_PROVIDER === '46elks') {
    required('ELKS_API_USERNAME', 'when SMS_PROVIDER=46elks');
    required('ELKS_API_PASSWORD', 'when SMS_PROVIDER=46elks');
  }
  if (env.SMS_PROVIDER === 'twilio') {
    if (!env.TWILIO_ACCOUNT_SID || !/^AC[0-9a-f]{32}$/.test(env.TWILIO_ACCOUNT_SID)) problem('TWILIO_ACCOUNT_SID', 'must be set when SMS_PROVIDER=twilio: "AC" and 32 hexadecimal digits');
    required('TWILIO_AUTH_TOKEN', 'when SMS_PROVIDER=twilio');
  }
  // A lease shorter than a provider call would let a second worker take a message still in flight.
  const lease = Number(env.OUTBOX_LEASE_SECONDS ?? LEASE_SECONDS);
  const timeout = Number(env.PROVIDER_TIMEOUT_SECONDS ?? TIMEOUT_SECONDS);
  if (lease <= 2 * timeout) problem('OUTBOX_LEASE_SECONDS', `must be more than twice PROVIDER_TIMEOUT_SECONDS (${timeout})`);
  return problems;
}

/** "Mina sidor <no-reply@example.com>" → "no-reply@example.com". */
function fromAddress(from: string): string {
  return from.match(/<([^>]*)>\s*$/)?.[1] ?? from.trim();
}

export type Config = ReturnType<typeof toConfig>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function parseKeyRing(raw: string) {
  const keys: Record<string, string> = {};
  const ids: string[] = [];
  for (const part of raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const at = part.indexOf(':');
    if (at < 1 || part.length - at - 1 < 16) throw new ConfigError(['ENCRYPTION_KEYS: expected "id:secret" pairs with secrets of at least 16 characters']);
    const id = part.slice(0, at);
    keys[id] = part.slice(at + 1);
    ids.push(id);
  }
  if (!ids[0]) throw new ConfigError(['ENCRYPTION_KEYS: no key given']);
  return { currentKeyId: ids[0], keys };
}

function toConfig(env: Env) {
  const isProduction = env.NODE_ENV === 'production';
  return {
    env: env.NODE_ENV,
    isProduction,
    port: env.PORT,
    host: env.HOST,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
    dataDir: env.DATA_DIR,
    databaseUrl: env.DATABASE_URL,
    migrateOnStart: env.MIGRATE_ON_START,
    databasePoolSize: env.DATABASE_POOL_SIZE,
    databaseTimeouts: {
      connectMs: env.DATABASE_CONNECT_TIMEOUT_SECONDS * 1000,
      statementMs: env.DATABASE_STATEMENT_TIMEOUT_SECONDS * 1000,
      idleInTransactionMs: env.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_SECONDS * 1000,
    },
    logLevel: env.LOG_LEVEL,
    demoPassword: env.PORTVAKT_DEMO_PASSWORD,
    secretKey: env.SECRET_KEY ?? '',
    encryption: parseKeyRing(env.ENCRYPTION_KEYS ?? `dev:${env.SECRET_KEY ?? ''}-encryption`),
    emailProvider: env.EMAIL_PROVIDER,
    smsProvider: env.SMS_PROVIDER,
    devInbox: env.EMAIL_PROVIDER === 'dev' || env.SMS_PROVIDER === 'dev',
    worker: env.WORKER,
    shutdown: { delaySeconds: env.SHUTDOWN_DELAY_SECONDS ?? (isProduction ? 5 : 0), timeoutSeconds: env.SHUTDOWN_TIMEOUT_SECONDS },
    outbox: {
      batchSize: env.OUTBOX_BATCH_SIZE,
      maxAttempts: env.OUTBOX_MAX_ATTEMPTS,
      leaseSeconds: env.OUTBOX_LEASE_SECONDS,
    },
    smtp: {
      host: env.SMTP_HOST ?? '',
      port: env.SMTP_PORT ?? (env.SMTP_SECURITY === 'tls' ? 465 : 587),
      security: env.SMTP_SECURITY,
      auth: env.SMTP_USER && env.SMTP_PASSWORD ? { user: env.SMTP_USER, pass: env.SMTP_PASSWORD } : undefined,
      from: env.EMAIL_FROM ?? 'Mina sidor <no-reply@localhost>',
      timeoutMs: env.PROVIDER_TIMEOUT_SECONDS * 1000,
    },
    sms: {
      sender: env.SMS_SENDER ?? 'MinaSidor',
      timeoutMs: env.PROVIDER_TIMEOUT_SECONDS * 1000,
      /** What one SMS part is assumed to cost when the provider does not say (öre, SEK). */
      estimatedCostOre: env.SMS_COST_ORE,
      elks: { baseUrl: env.ELKS_BASE_URL.replace(/\/$/, ''), username: env.ELKS_API_USERNAME ?? '', password: env.ELKS_API_PASSWORD ?? '' },
      twilio: { baseUrl: env.TWILIO_BASE_URL.replace(/\/$/, ''), accountSid: env.TWILIO_ACCOUNT_SID ?? '', authToken: env.TWILIO_AUTH_TOKEN ?? '' },
    },
    cookieSecure: env.COOKIE_SECURE,
    trustProxy: env.TRUST_PROXY,
    metrics: {
      /** A management listener of its own, reachable only where the operator puts it. */
      port: env.METRICS_PORT,
      host: env.METRICS_HOST,
      /** Development keeps /metrics beside the API; production shows it only on METRICS_PORT. */
      onApiListener: env.METRICS_PORT === undefined && !isProduction,
    },
    customerServicePhone: env.CUSTOMER_SERVICE_PHONE,
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    auth: {
      lockoutMaxFailures: env.LOCKOUT_MAX_FAILURES,
      lockoutSeconds: env.LOCKOUT_MINUTES * 60,
      codeTtlSeconds: env.CODE_TTL_SECONDS,
      codeResendIntervalSeconds: env.CODE_RESEND_INTERVAL_SECONDS,
      codeMaxPerFlow: env.CODE_MAX_PER_FLOW,
      flowTtlSeconds: env.LOGIN_FLOW_TTL_SECONDS,
      smsPerAccountPerDay: env.SMS_PER_ACCOUNT_PER_DAY,
      smsMonthlyBudget: env.SMS_MONTHLY_BUDGET,
      unverifiedSms: {
        allowedCountries: new Set(env.SMS_ALLOWED_COUNTRIES),
        budgetSharePercent: env.SMS_UNVERIFIED_BUDGET_PERCENT,
        perIp: env.SMS_UNVERIFIED_PER_IP,
        perAccount: env.SMS_UNVERIFIED_PER_ACCOUNT,
        global: env.SMS_UNVERIFIED_GLOBAL,
        windowSeconds: env.SMS_UNVERIFIED_WINDOW_SECONDS,
      },
      trustedDeviceSeconds: env.TRUSTED_DEVICE_DAYS * 86400,
      sessionIdleSeconds: env.SESSION_IDLE_MINUTES * 60,
      sessionAbsoluteSeconds: env.SESSION_ABSOLUTE_HOURS * 3600,
      accessTokenSeconds: env.ACCESS_TOKEN_MINUTES * 60,
      refreshTokenSeconds: env.REFRESH_TOKEN_DAYS * 86400,
      stepUpSeconds: env.STEP_UP_MINUTES * 60,
      loginRateLimitPerIp: env.LOGIN_RATE_LIMIT_PER_IP,
      loginRateLimitGlobal: env.LOGIN_RATE_LIMIT_GLOBAL,
      loginRateLimitWindowSeconds: env.LOGIN_RATE_LIMIT_WINDOW_SECONDS,
      loginKnownAddressSeconds: env.LOGIN_KNOWN_ADDRESS_DAYS * 86400,
      activationLinkSeconds: env.ACTIVATION_LINK_DAYS * 86400,
      passwordResetLinkSeconds: env.PASSWORD_RESET_LINK_MINUTES * 60,
      emailChangeLinkSeconds: env.EMAIL_CHANGE_LINK_HOURS * 3600,
      emailUndoLinkSeconds: env.EMAIL_UNDO_LINK_DAYS * 86400,
      twoFactorOptOutAllowed: env.TWO_FACTOR_OPT_OUT_ALLOWED,
      apiTokenRateLimitPerMinute: env.API_TOKEN_RATE_LIMIT_PER_MINUTE,
    },
    argon2: {
      memoryCost: env.ARGON2_MEMORY_KIB,
      timeCost: env.ARGON2_ITERATIONS,
      parallelism: env.ARGON2_PARALLELISM,
    },
  };
}

/** Parse and validate the environment; throws ConfigError listing every problem at once. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  const problems = [...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`)), ...productionProblems(env), ...providerProblems(env)];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  if (!parsed.data.SECRET_KEY) throw new ConfigError(['SECRET_KEY: missing (the start script creates one for development)']);
  return toConfig(parsed.data);
}

/** The names of every setting, for the test that keeps docs/configuration.md complete. */
export const SETTING_NAMES: readonly string[] = Object.keys(envSchema.shape);
