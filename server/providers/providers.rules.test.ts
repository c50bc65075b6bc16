import { describe, expect, it } from 'vitest';
import { isPermanentHttpFailure, mayHaveArrived } from './http-status.rules.ts';
import { CLOCK_SKEW_MS, findOurs } from './reconcile.rules.ts';
import { isPermanentSmtpFailure } from './smtp.provider.ts';

describe('provider failures', () => {
  it('HTTP: a refused message is permanent; rate limits, credentials, credit and server errors are retried', () => {
    for (const status of [400, 403, 404, 422]) expect(isPermanentHttpFailure(status)).toBe(true);
    for (const status of [401, 402, 408, 429, 500, 502, 503, 504]) expect(isPermanentHttpFailure(status)).toBe(false);
  });
  it('network: only errors before the request left prove nothing was sent', () => {
    expect(mayHaveArrived('ECONNREFUSED')).toBe(false);
    expect(mayHaveArrived('ENOTFOUND')).toBe(false);
    expect(mayHaveArrived('ECONNRESET')).toBe(true);
    expect(mayHaveArrived(undefined)).toBe(true);
  });
  it('SMTP: 5xx about the message is permanent; 4xx, authentication and server set-up problems are retried', () => {
    expect(isPermanentSmtpFailure({ responseCode: 550, command: 'RCPT TO' })).toBe(true);
    expect(isPermanentSmtpFailure({ responseCode: 550, code: 'EENVELOPE' })).toBe(true);
    expect(isPermanentSmtpFailure({ responseCode: 554, command: 'DATA' })).toBe(true);
    expect(isPermanentSmtpFailure({ responseCode: 451, command: 'RCPT TO' })).toBe(false);
    expect(isPermanentSmtpFailure({ responseCode: 535, command: 'AUTH PLAIN' })).toBe(false);
    expect(isPermanentSmtpFailure({ responseCode: 502, command: 'STARTTLS' })).toBe(false);
    expect(isPermanentSmtpFailure({ code: 'ETIMEDOUT' })).toBe(false);
  });
});

describe('finding an interrupted attempt in the provider history', () => {
  const since = new Date('2026-11-25T20:00:00Z');
  const at = (ms: number) => new Date(since.getTime() + ms);
  const wanted = { to: '+46701234567', text: '123456 är din kod' };
  it('matches recipient and text, created after the attempt started (less clock skew)', () => {
    const listed = [
      { id: 'old', ...wanted, createdAt: at(-CLOCK_SKEW_MS - 1000) },
      { id: 'other-text', to: wanted.to, text: '654321 är din kod', createdAt: at(1000) },
      { id: 'other-number', to: '+46709999999', text: wanted.text, createdAt: at(1000) },
      { id: 'ours', ...wanted, createdAt: at(-2000) },
    ];
    expect(findOurs(listed, wanted, since)?.id).toBe('ours');
    expect(findOurs(listed.slice(0, 3), wanted, since)).toBeUndefined();
  });
});
