import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const int = (def: number, min = 0) => z.coerce.number().int().min(min).default(def);

/** Every setting, read from the environment once at start (server/main.ts) and passed down. */
const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: int(3000),
    HOST: z.string().default('127.0.0.1'),
    PUBLIC_URL: z.url().optional(),
    DATA_DIR: z.string().default('./data'),
    DATABASE_URL: z.string().optional(),
    DATABASE_POOL_SIZE: int(10, 1),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    PORTVAKT_DEMO_PASSWORD: z.string().optional(),
    /** HMAC key for codes, e-mail keys and CSRF tokens. */
    SECRET_KEY: z.string().optional(),
    /** Encryption keys "id:secret,id2:secret2"; the first is used for new values. */
    ENCRYPTION_KEYS: z.string().optional(),
    EMAIL_PROVIDER: z.enum(['dev', 'smtp']).default('dev'),
    SMS_PROVIDER: z.enum(['dev', '46elks', 'twilio']).default('dev'),
    WORKER: z.enum(['in-process', 'off']).default('in-process'),
    COOKIE_SECURE: bool.default(true),
    TRUST_PROXY: bool.default(false),
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
    TRUSTED_DEVICE_DAYS: int(30, 1),
    SESSION_IDLE_MINUTES: int(30, 1),
    SESSION_ABSOLUTE_HOURS: int(12, 1),
    ACCESS_TOKEN_MINUTES: int(15, 1),
    REFRESH_TOKEN_DAYS: int(90, 1),
    STEP_UP_MINUTES: int(10, 1),
    LOGIN_RATE_LIMIT_PER_IP: int(30, 1),
    LOGIN_RATE_LIMIT_GLOBAL: int(3000, 1),
    LOGIN_RATE_LIMIT_WINDOW_SECONDS: int(300, 1),
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
  for (const part of raw.split(',').map((s) => s.trim()).filter(Boolean)) {
    const at = part.indexOf(':');
    if (at < 1 || part.length - at - 1 < 16) throw new ConfigError(['ENCRYPTION_KEYS: expected "id:secret" pairs with secrets of at least 16 characters']);
    const id = part.slice(0, at);
    keys[id] = part.slice(at + 1);
    ids.push(id);
  }
  if (!ids[0]) throw new ConfigError(['ENCRYPTION_KEYS: no key given']);
  return { currentKeyId: ids[0], keys };
}

function toConfig(env: z.infer<typeof envSchema>) {
  const isProduction = env.NODE_ENV === 'production';
  return {
    env: env.NODE_ENV,
    isProduction,
    port: env.PORT,
    host: env.HOST,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
    dataDir: env.DATA_DIR,
    databaseUrl: env.DATABASE_URL,
    databasePoolSize: env.DATABASE_POOL_SIZE,
    logLevel: env.LOG_LEVEL,
    demoPassword: env.PORTVAKT_DEMO_PASSWORD,
    secretKey: env.SECRET_KEY ?? '',
    encryption: parseKeyRing(env.ENCRYPTION_KEYS ?? `dev:${env.SECRET_KEY ?? ''}-encryption`),
    emailProvider: env.EMAIL_PROVIDER,
    smsProvider: env.SMS_PROVIDER,
    devInbox: env.EMAIL_PROVIDER === 'dev' || env.SMS_PROVIDER === 'dev',
    worker: env.WORKER,
    cookieSecure: env.COOKIE_SECURE,
    trustProxy: env.TRUST_PROXY,
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
      smsCostOre: env.SMS_COST_ORE,
      trustedDeviceSeconds: env.TRUSTED_DEVICE_DAYS * 86400,
      sessionIdleSeconds: env.SESSION_IDLE_MINUTES * 60,
      sessionAbsoluteSeconds: env.SESSION_ABSOLUTE_HOURS * 3600,
      accessTokenSeconds: env.ACCESS_TOKEN_MINUTES * 60,
      refreshTokenSeconds: env.REFRESH_TOKEN_DAYS * 86400,
      stepUpSeconds: env.STEP_UP_MINUTES * 60,
      loginRateLimitPerIp: env.LOGIN_RATE_LIMIT_PER_IP,
      loginRateLimitGlobal: env.LOGIN_RATE_LIMIT_GLOBAL,
      loginRateLimitWindowSeconds: env.LOGIN_RATE_LIMIT_WINDOW_SECONDS,
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
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`)),
    ...productionProblems(env),
  ];
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  if (!parsed.data.SECRET_KEY) throw new ConfigError(['SECRET_KEY: missing (the start script creates one for development)']);
  return toConfig(parsed.data);
}
