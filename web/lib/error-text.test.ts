import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../contract/errors.ts';
import en from '../locales/en.ts';
import sv from '../locales/sv.ts';

describe('error texts', () => {
  it.each([
    ['sv', sv],
    ['en', en],
  ] as const)('every error code of the API has a text in %s', (_language, catalog) => {
    const texts: Record<string, string | undefined> = catalog.errors;
    const missing = errorCodes.filter((code) => !texts[code]?.trim());
    expect(missing).toEqual([]);
  });

  it('the two catalogues have the same keys everywhere', () => {
    const keys = (value: unknown, prefix = ''): string[] =>
      typeof value === 'object' && value !== null ? Object.entries(value).flatMap(([key, inner]) => keys(inner, `${prefix}${key}.`)) : [prefix.slice(0, -1)];
    expect(keys(en).sort()).toEqual(keys(sv).sort());
  });
});
