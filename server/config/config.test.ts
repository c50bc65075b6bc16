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

  it('refuses argon2 settings below the SPEC minimum', () => {
    expect(() => loadConfig({ SECRET_KEY: 'x'.repeat(40), ARGON2_MEMORY_KIB: '1024' })).toThrow(ConfigError);
  });

  it('reads a rotatable key ring', () => {
    const config = loadConfig({ SECRET_KEY: 'x'.repeat(40), ENCRYPTION_KEYS: 'k2:aaaaaaaaaaaaaaaaaaaa,k1:bbbbbbbbbbbbbbbbbbbb' });
    expect(config.encryption.currentKeyId).toBe('k2');
    expect(Object.keys(config.encryption.keys)).toEqual(['k2', 'k1']);
  });
});
