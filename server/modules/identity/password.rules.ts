import { dictionary } from '@zxcvbn-ts/language-common';
import type { ErrorCode } from '../../../contract/errors.ts';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

const commonPasswords: ReadonlySet<string> = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));

/** Set and check the same way: NFKC, never trimmed (SPEC §3.3). */
export function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

function isRepetition(value: string): boolean {
  for (let size = 1; size <= value.length / 2; size++) {
    if (value.length % size === 0 && value.slice(0, size).repeat(value.length / size) === value) return true;
  }
  return false;
}

function isCommon(lower: string): boolean {
  if (commonPasswords.has(lower) || isRepetition(lower)) return true;
  // "qwertyqwerty1" style: a common word doubled with a digit or symbol tail.
  const stem = lower.replace(/[\d\W_]+$/u, '');
  return stem.length >= 4 && stem.length < lower.length && (commonPasswords.has(stem) || isRepetition(stem));
}

/** Parts of the person's own name and e-mail that must not make up the password. */
function personalWords(person: { name?: string; email?: string }): string[] {
  const local = person.email?.split('@')[0] ?? '';
  return [...(person.name ?? '').split(/[\s\-.]+/u), ...local.split(/[._+-]+/u), local].map((w) => w.normalize('NFKC').toLowerCase()).filter((w) => w.length >= 3);
}

function builtFromPersonalData(lower: string, person: { name?: string; email?: string }): boolean {
  let rest = lower;
  for (const word of personalWords(person).sort((a, b) => b.length - a.length)) rest = rest.split(word).join('');
  if (rest === lower) return false;
  // What is left after removing the name and e-mail parts is too little to protect the account.
  return rest.replace(/[\d\W_]/gu, '').length < 6;
}

/** The password policy of SPEC §3.3; returns the first rule broken, or null. */
export function checkPasswordPolicy(password: string, person: { name?: string; email?: string }): ErrorCode | null {
  const normalized = normalizePassword(password);
  const length = [...normalized].length;
  if (length < PASSWORD_MIN_LENGTH) return 'password_too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'password_too_long';
  const lower = normalized.toLowerCase();
  if (isCommon(lower)) return 'password_too_common';
  if (builtFromPersonalData(lower, person)) return 'password_contains_personal_data';
  return null;
}
