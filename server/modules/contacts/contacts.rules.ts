import type { z } from 'zod';
import type { contactPersonInput } from '../../../contract/contacts.ts';
import { AppError } from '../../core/app-error.ts';
import { normalizePhone } from '../identity/index.ts';

export type ContactInput = z.infer<typeof contactPersonInput>;

/** Phones in E.164 with the account phone rules, without duplicates; invalid_phone otherwise. */
export function normalizeContact(input: ContactInput): ContactInput {
  const phones = input.phones.map((raw, index) => {
    const phone = normalizePhone(raw);
    if (!phone) throw new AppError('invalid_phone', { field: `phones.${index}` });
    return phone;
  });
  return { ...input, phones: [...new Set(phones)] };
}

/** A new order must name every contact person exactly once. */
export function isPermutation(current: readonly string[], proposed: readonly string[]): boolean {
  return current.length === proposed.length && new Set(proposed).size === proposed.length && proposed.every((id) => current.includes(id));
}
