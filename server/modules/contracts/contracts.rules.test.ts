import { describe, expect, it } from 'vitest';
import { bindingEndsOn, invoiceDocumentUrl } from './contracts.rules.ts';

describe('binding period', () => {
  it.each([
    ['2024-03-01', 36, '2027-02-28'],
    ['2024-01-15', 12, '2025-01-14'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-05-10', 0, '2024-05-09'],
  ])('from %s for %i months ends on %s', (start, months, end) => {
    expect(bindingEndsOn(start, months)).toBe(end);
  });
});

describe('invoice document links', () => {
  it.each([
    ['https://billing.example.com/invoices/7101502.pdf', 'https://billing.example.com/invoices/7101502.pdf'],
    ['https://billing.example.com/f?id=7101502&format=pdf', 'https://billing.example.com/f?id=7101502&format=pdf'],
    ['HTTPS://Billing.Example.com/a b.pdf', 'https://billing.example.com/a%20b.pdf'],
  ])('links %s as %s', (raw, linked) => {
    expect(invoiceDocumentUrl(raw)).toBe(linked);
  });

  it.each([
    ['plain http', 'http://billing.example.com/7101502.pdf'],
    ['a script', 'javascript:alert(1)'],
    ['inline data', 'data:application/pdf;base64,JVBERi0='],
    ['a relative path', '/invoices/7101502.pdf'],
    ['credentials in the address', 'https://user:secret@billing.example.com/7101502.pdf'],
    ['a user name alone', 'https://user@billing.example.com/7101502.pdf'],
    ['an overlong address', `https://billing.example.com/${'a'.repeat(2000)}`],
    ['no address at all', ''],
  ])('refuses %s', (_what, raw) => {
    expect(invoiceDocumentUrl(raw)).toBeNull();
  });
});
