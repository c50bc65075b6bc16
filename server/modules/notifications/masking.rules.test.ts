import { describe, expect, it } from 'vitest';
import { maskEmail, maskPhone } from './masking.rules.ts';

describe('masked addresses', () => {
  it('shows enough of an e-mail to recognise it', () => {
    expect(maskEmail('owner@example.com')).toBe('o***r@example.com');
    expect(maskEmail('ab@example.com')).toBe('a*@example.com');
  });
  it('shows only the last two digits of a phone number', () => {
    expect(maskPhone('+46701740001')).toBe('+46 *** ** 01');
    expect(maskPhone('+4712345678')).toBe('+47 *** ** 78');
  });
});
