import { describe, expect, it } from 'vitest';
import { codeMatches, issueCode } from './code.rules.ts';

const key = 'k'.repeat(40);

describe('one-time codes', () => {
  it('are six digits and stored only as a keyed hash', () => {
    const { code, hash } = issueCode(key, 'login:a');
    expect(code).toMatch(/^\d{6}$/);
    expect(hash).not.toContain(code);
  });
  it('match only for the purpose they were issued for', () => {
    const { code, hash } = issueCode(key, 'login:a');
    expect(codeMatches(key, 'login:a', code, hash)).toBe(true);
    expect(codeMatches(key, 'login:b', code, hash)).toBe(false);
    expect(codeMatches('other'.repeat(8), 'login:a', code, hash)).toBe(false);
  });
  it('never match when nothing is stored (a consumed or expired code)', () => {
    const { code } = issueCode(key, 'login:a');
    expect(codeMatches(key, 'login:a', code, null)).toBe(false);
  });
});
