import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { licenceAllowed, productionPackages } from './dependency-licences.ts';

const root = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');

describe('licences of production dependencies', () => {
  it('accepts permissive licences and SPDX choices that include one', () => {
    expect(licenceAllowed('MIT')).toBe(true);
    expect(licenceAllowed('(MIT OR Apache-2.0)')).toBe(true);
    expect(licenceAllowed('(AGPL-3.0-or-later OR MIT)')).toBe(true);
    expect(licenceAllowed('MIT AND BSD-3-Clause')).toBe(true);
  });

  it('refuses copyleft, unknown and combined-with-copyleft licences', () => {
    expect(licenceAllowed('AGPL-3.0-or-later')).toBe(false);
    expect(licenceAllowed('GPL-2.0')).toBe(false);
    expect(licenceAllowed('UNKNOWN')).toBe(false);
    expect(licenceAllowed('MIT AND GPL-3.0')).toBe(false);
  });

  it('finds the installed production tree, and not the development tools', () => {
    const names = new Set(productionPackages(root).map((p) => p.name));
    expect(names).toContain('fastify');
    expect(names).toContain('avvio'); // a dependency of a dependency
    expect(names).not.toContain('vitest');
    expect(names).not.toContain('playwright-core');
  });

  it('every installed production package carries an allowed licence', () => {
    const refused = productionPackages(root)
      .filter((p) => !licenceAllowed(p.licence))
      .map((p) => `${p.name}@${p.version}: ${p.licence}`);
    expect(refused).toEqual([]);
  });
});
