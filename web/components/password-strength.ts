/**
 * A rough strength estimate for the meter under a new password (SPEC §3.3).
 *
 * Deliberately a small heuristic, not zxcvbn: its dictionaries would add about a megabyte to
 * the page for every visitor, and the server checks the real policy (length, a list of
 * 10,000+ common passwords, the account's own name and e-mail) anyway and answers with an
 * error code. So the meter only needs to nudge people towards long passphrases: it rewards
 * length and variety and punishes repeats, keyboard runs and a few very common stems.
 */

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export type StrengthLevel = 'tooShort' | 'weak' | 'fair' | 'good' | 'strong';

const commonStems = [
  'password',
  'passw0rd',
  'lösenord',
  'losenord',
  'qwerty',
  'asdf',
  'abc123',
  'letmein',
  'welcome',
  'välkommen',
  'sommar',
  'vinter',
  'hejsan',
  'admin',
  'iloveyou',
  'monkey',
  'dragon',
];
const runs = ['0123456789', 'abcdefghijklmnopqrstuvwxyzåäö', 'qwertyuiopå', 'asdfghjklöä', 'zxcvbnm'];

/** Characters as the server counts them: NFKC, by code point. */
export function passwordLength(password: string): number {
  return [...password.normalize('NFKC')].length;
}

/** Length of the characters that add little: repeats of the previous one and steps along a keyboard or alphabet run. */
function predictableCount(lower: string): number {
  let count = 0;
  for (let i = 1; i < lower.length; i++) {
    const pair = lower.slice(i - 1, i + 1);
    if (pair[0] === pair[1] || runs.some((run) => run.includes(pair) || [...run].reverse().join('').includes(pair))) count++;
  }
  return count;
}

function alphabetSize(password: string): number {
  let size = 0;
  if (/[a-zåäö]/.test(password)) size += 29;
  if (/[A-ZÅÄÖ]/.test(password)) size += 29;
  if (/\d/.test(password)) size += 10;
  if (/[^\p{L}\d]/u.test(password)) size += 20;
  if (/[^\p{ASCII}åäöÅÄÖ]/u.test(password)) size += 40;
  return Math.max(size, 10);
}

/** Estimated bits of guessing work, then bands picked so a four-word passphrase reads "strong". */
export function passwordStrength(password: string): StrengthLevel {
  const length = passwordLength(password);
  if (length < PASSWORD_MIN_LENGTH) return 'tooShort';
  const lower = password.normalize('NFKC').toLowerCase();
  if (/^(.+?)\1+$/su.test(lower)) return 'weak';
  const effective = length - predictableCount(lower) * 0.75 - (commonStems.some((stem) => lower.includes(stem)) ? 6 : 0);
  const bits = Math.max(0, effective) * Math.log2(alphabetSize(password));
  if (bits < 50) return 'weak';
  if (bits < 65) return 'fair';
  if (bits < 85) return 'good';
  return 'strong';
}
