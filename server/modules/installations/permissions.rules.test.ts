import { describe, expect, it } from 'vitest';
import { ASSIGNABLE_LEVELS, PERMISSIONS, allowedActions, decide } from './permissions.rules.ts';

// The fixed test clock: Thursday 15 January 2026, 10:00 in Stockholm.
const now = new Date('2026-01-15T09:00:00Z');
const tz = 'Europe/Stockholm';

describe('permission table (SPEC §4.2)', () => {
  it('gives managing actions to the owner and administrators only', () => {
    const managersOnly = Object.entries(PERMISSIONS)
      .filter(([, p]) => p.levels.user === 'deny')
      .map(([a]) => a);
    expect(managersOnly.sort()).toEqual(
      ['codewords.reveal', 'codewords.set', 'codewords.view', 'contacts.manage', 'contacts.view', 'contract.view', 'members.manage', 'members.view'].sort(),
    );
    for (const action of managersOnly) expect(PERMISSIONS[action as keyof typeof PERMISSIONS].levels).toMatchObject({ owner: 'allow', administrator: 'allow', restricted: 'deny' });
  });

  it('needs step-up for code words, contact persons and users (SPEC §3.9)', () => {
    const stepUp = Object.entries(PERMISSIONS)
      .filter(([, p]) => p.stepUp)
      .map(([a]) => a);
    expect(stepUp.sort()).toEqual(['codewords.reveal', 'codewords.set', 'contacts.manage', 'members.manage'].sort());
  });

  it('lets only the owner make administrators, and nobody make an owner', () => {
    expect(ASSIGNABLE_LEVELS.owner).toEqual(['administrator', 'user', 'restricted']);
    expect(ASSIGNABLE_LEVELS.administrator).toEqual(['user', 'restricted']);
    expect(ASSIGNABLE_LEVELS.user).toEqual([]);
    expect(Object.values(ASSIGNABLE_LEVELS).flat()).not.toContain('owner');
  });

  it('holds a restricted user to their window, except for leaving', () => {
    const weekend = { level: 'restricted' as const, accessWindow: { weekdays: [6, 7] } };
    expect(decide(weekend, 'installation.view', now, tz)).toBe('outside_window');
    expect(decide(weekend, 'membership.leave', now, tz)).toBe('allow');
    expect(allowedActions(weekend, now, tz)).toEqual(['membership.leave']);
    expect(allowedActions({ level: 'restricted', accessWindow: null }, now, tz)).toEqual(['installation.view', 'membership.leave']);
    expect(decide({ level: 'user', accessWindow: null }, 'contract.view', now, tz)).toBe('forbidden');
  });
});
