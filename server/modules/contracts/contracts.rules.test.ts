import { describe, expect, it } from 'vitest';
import { bindingEndsOn } from './contracts.rules.ts';

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
