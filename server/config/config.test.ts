import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('has working defaults for development', () => {
    const config = loadConfig({ SECRET_KEY: 'x'.repeat(40) });
    expect(config.port).toBe(3000);
    expect(config.auth.lockoutMaxFailures).toBe(3);
    expect(config.auth.lockoutSeconds).toBe(900);
    expect(config.devInbox).toBe(true);
  });

  it('lists every problem at once, and refuses weak secrets and the dev inbox in production', () => {
    try {
      loadConfig({ NODE_ENV: 'production', SECRET_KEY: 'short', PORT: 'eighty' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const text = (error as ConfigError).message;
      for (const name of ['PORT', 'SECRET_KEY', 'ENCRYPTION_KEYS', 'EMAIL_PROVIDER', 'SMS_PROVIDER', 'PUBLIC_URL']) expect(text).toContain(name);
    }
  });

  it('migrates on start unless told not to; a load balancer gets 5 s to notice a stopping node in production only', () => {
    const dev = loadConfig({ SECRET_KEY: 'x'.repeat(40) });
    expect(dev.migrateOnStart).toBe(true);
    expect(dev.shutdown).toEqual({ delaySeconds: 0, timeoutSeconds: 20 });
    expect(loadConfig({ SECRET_KEY: 'x'.repeat(40), MIGRATE_ON_START: 'false', SHUTDOWN_DELAY_SECONDS: '3' })).toMatchObject({ migrateOnStart: false, shutdown: { delaySeconds: 3 } });
    const production = loadConfig({
      NODE_ENV: 'production',
      SECRET_KEY: 'x'.repeat(40),
      ENCRYPTION_KEYS: 'k1:' + 'y'.repeat(20),
      PUBLIC_URL: 'https://mina-sidor.example.se',
      EMAIL_PROVIDER: 'smtp',
      SMTP_HOST: 'smtp.example.se',
      EMAIL_FROM: 'no-reply@example.se',
      SMS_PROVIDER: '46elks',
      SMS_SENDER: 'MinaSidor',
      ELKS_API_USERNAME: 'u',
      ELKS_API_PASSWORD: 'p',
    });
    expect(production.shutdown.delaySeconds).toBe(5);
    expect(() => loadConfig({ SECRET_KEY: 'x'.repeat(40), MIGRATE_ON_START: 'sometimes' })).toThrow(/MIGRATE_ON_START/);
  });

  it('refuses argon2 settings below the SPEC minimum', () => {
    expect(() => loadConfig({ SECRET_KEY: 'x'.repeat(40), ARGON2_MEMORY_KIB: '1024' })).toThrow(ConfigError);
  });

  it('allows SMS to unverified numbers in the Nordic countries unless told otherwise, and refuses unknown country codes', () => {
    expect([...loadConfig({ SECRET_KEY: 'x'.repeat(40) }).auth.unverifiedSms.allowedCountries]).toEqual(['SE', 'NO', 'DK', 'FI', 'IS']);
    expect([...loadConfig({ SECRET_KEY: 'x'.repeat(40), SMS_ALLOWED_COUNTRIES: ' se, ax ' }).auth.unverifiedSms.allowedCountries]).toEqual(['SE', 'AX']);
    expect(() => loadConfig({ SECRET_KEY: 'x'.repeat(40), SMS_ALLOWED_COUNTRIES: 'SE,Nordic' })).toThrow(/SMS_ALLOWED_COUNTRIES: not country codes of phone numbers: NORDIC/);
    expect(() => loadConfig({ SECRET_KEY: 'x'.repeat(40), SMS_UNVERIFIED_BUDGET_PERCENT: '101' })).toThrow(ConfigError);
    expect(() => loadConfig({ SECRET_KEY: 'x'.repeat(40), SMS_UNVERIFIED_WINDOW_SECONDS: '86401' })).toThrow(/SMS_UNVERIFIED_WINDOW_SECONDS/);
  });

  it('reads a rotatable key ring', () => {
    const config = loadConfig({ SECRET_KEY: 'x'.repeat(40), ENCRYPTION_KEYS: 'k2:aaaaaaaaaaaaaaaaaaaa,k1:bbbbbbbbbbbbbbbbbbbb' });
    expect(config.encryption.currentKeyId).toBe('k2');
    expect(Object.keys(config.encryption.keys)).toEqual(['k2', 'k1']);
  });
});

const base = { NODE_ENV: 'test', SECRET_KEY: 'x'.repeat(40) };
const problems = (env: Record<string, string>): string[] => {
  try {
    loadConfig({ ...base, ...env });
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
};

describe('delivery configuration is checked at start', () => {
  it('SMTP needs a valid host and a sender address; user and password go together', () => {
    expect(problems({ EMAIL_PROVIDER: 'smtp' })).toEqual(expect.arrayContaining([expect.stringMatching(/^SMTP_HOST: must be set/), expect.stringMatching(/^EMAIL_FROM: must be set/)]));
    expect(problems({ EMAIL_PROVIDER: 'smtp', SMTP_HOST: 'smtp..example', EMAIL_FROM: 'a@b.se' })).toEqual([expect.stringMatching(/SMTP_HOST: "smtp..example" is not a host name/)]);
    expect(problems({ EMAIL_PROVIDER: 'smtp', SMTP_HOST: 'smtp.example.com', EMAIL_FROM: 'Mina sidor <a@b.se>', SMTP_USER: 'u' })).toEqual([expect.stringMatching(/SMTP_PASSWORD/)]);
    expect(problems({ EMAIL_PROVIDER: 'smtp', SMTP_HOST: 'smtp.example.com', EMAIL_FROM: 'Mina sidor <a@b.se>', SMTP_PORT: '70000' })).toEqual([expect.stringMatching(/^SMTP_PORT/)]);
    expect(problems({ EMAIL_PROVIDER: 'smtp', SMTP_HOST: 'smtp.example.com', EMAIL_FROM: 'Mina sidor <a@b.se>' })).toEqual([]);
  });

  it('46elks and Twilio need their credentials and a valid sender', () => {
    expect(problems({ SMS_PROVIDER: '46elks' })).toEqual(
      expect.arrayContaining([expect.stringMatching(/^SMS_SENDER/), expect.stringMatching(/^ELKS_API_USERNAME/), expect.stringMatching(/^ELKS_API_PASSWORD/)]),
    );
    expect(problems({ SMS_PROVIDER: 'twilio', SMS_SENDER: 'Mina sidor!', TWILIO_ACCOUNT_SID: 'nope' })).toEqual(
      expect.arrayContaining([expect.stringMatching(/^SMS_SENDER: must be 3–11/), expect.stringMatching(/^TWILIO_ACCOUNT_SID/), expect.stringMatching(/^TWILIO_AUTH_TOKEN/)]),
    );
    expect(problems({ SMS_PROVIDER: 'twilio', SMS_SENDER: '+46701234567', TWILIO_ACCOUNT_SID: `AC${'a'.repeat(32)}`, TWILIO_AUTH_TOKEN: 't' })).toEqual([]);
    expect(problems({ SMS_PROVIDER: '46elks', SMS_SENDER: 'MinaSidor', ELKS_API_USERNAME: 'u', ELKS_API_PASSWORD: 'p', ELKS_BASE_URL: 'not a url' })).toEqual([
      expect.stringMatching(/^ELKS_BASE_URL/),
    ]);
  });

  it('production refuses the dev inbox, plain-text SMTP and http provider addresses', () => {
    const production = { NODE_ENV: 'production', ENCRYPTION_KEYS: 'k1:0123456789abcdef0123', PUBLIC_URL: 'https://minasidor.example' };
    const dev = problems(production);
    expect(dev).toEqual(expect.arrayContaining([expect.stringMatching(/^EMAIL_PROVIDER: the dev inbox is refused/), expect.stringMatching(/^SMS_PROVIDER: the dev inbox is refused/)]));
    const insecure = problems({
      ...production,
      EMAIL_PROVIDER: 'smtp',
      SMTP_HOST: 'smtp.example.com',
      EMAIL_FROM: 'a@b.se',
      SMTP_SECURITY: 'none',
      SMS_PROVIDER: '46elks',
      SMS_SENDER: 'MinaSidor',
      ELKS_API_USERNAME: 'u',
      ELKS_API_PASSWORD: 'p',
      ELKS_BASE_URL: 'http://127.0.0.1:9',
    });
    expect(insecure).toEqual([expect.stringMatching(/^SMTP_SECURITY/), expect.stringMatching(/^ELKS_BASE_URL: must be https/)]);
  });

  it('a lease shorter than two provider timeouts is refused (a second worker would take a message in flight)', () => {
    expect(problems({ PROVIDER_TIMEOUT_SECONDS: '30', OUTBOX_LEASE_SECONDS: '60' })).toEqual([expect.stringMatching(/^OUTBOX_LEASE_SECONDS/)]);
  });
});

describe('HTTP edge settings', () => {
  const production = {
    NODE_ENV: 'production',
    SECRET_KEY: 'x'.repeat(40),
    ENCRYPTION_KEYS: 'k1:0123456789abcdef0123',
    PUBLIC_URL: 'https://minasidor.example',
    EMAIL_PROVIDER: 'smtp',
    SMTP_HOST: 'smtp.example.com',
    EMAIL_FROM: 'a@b.se',
    SMS_PROVIDER: '46elks',
    SMS_SENDER: 'MinaSidor',
    ELKS_API_USERNAME: 'u',
    ELKS_API_PASSWORD: 'p',
  };

  it('TRUST_PROXY is off by default and takes a hop count or proxy addresses and networks', () => {
    expect(loadConfig(base).trustProxy).toBe(false);
    expect(loadConfig({ ...base, TRUST_PROXY: '2' }).trustProxy).toEqual({ hops: 2 });
    expect(loadConfig({ ...base, TRUST_PROXY: '10.0.0.0/8, 192.0.2.7,fd00::/8' }).trustProxy).toEqual({ addresses: ['10.0.0.0/8', '192.0.2.7', 'fd00::/8'] });
    expect(loadConfig({ ...base, TRUST_PROXY: 'false' }).trustProxy).toBe(false);
  });

  it('TRUST_PROXY=true is refused: it would believe any client about its own address', () => {
    expect(problems({ TRUST_PROXY: 'true' })).toEqual([expect.stringMatching(/^TRUST_PROXY: give the number of proxies/)]);
    expect(problems({ TRUST_PROXY: '10.0.0.0/33,proxy.local' })).toEqual([expect.stringMatching(/^TRUST_PROXY: not an IP address or CIDR: 10.0.0.0\/33, proxy.local/)]);
    expect(problems({ TRUST_PROXY: '11' })).toEqual([expect.stringMatching(/^TRUST_PROXY: at most 10/)]);
  });

  it('/metrics is beside the API in development only; METRICS_PORT moves it to a listener of its own', () => {
    expect(loadConfig(base).metrics).toEqual({ port: undefined, host: '127.0.0.1', onApiListener: true });
    expect(loadConfig(production).metrics).toEqual({ port: undefined, host: '127.0.0.1', onApiListener: false });
    expect(loadConfig({ ...production, METRICS_PORT: '9464', METRICS_HOST: '10.0.0.5' }).metrics).toEqual({ port: 9464, host: '10.0.0.5', onApiListener: false });
    expect(loadConfig({ ...base, METRICS_PORT: '9464' }).metrics.onApiListener).toBe(false);
  });
});
