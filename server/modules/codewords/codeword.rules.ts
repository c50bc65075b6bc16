import type { ErrorCode } from '../../../contract/errors.ts';

export const CODE_WORD_MIN_LENGTH = 4;
export const CODE_WORD_MAX_LENGTH = 40;
/** Tries per call to the alarm centre (SPEC §5.1). */
export const CHECK_MAX_TRIES = 2;
export const CHECK_TTL_SECONDS = 15 * 60;
/**
 * Wrong guesses of the customer's word per installation, across every check and caller, before
 * checks stop until the owner sets a new word or staff lift the lock: two tries a call would
 * otherwise let anyone allowed to start checks guess without end.
 */
export const GUESS_LIMIT = 5;
export const GUESS_WINDOW_HOURS = 24;

/** Letters that do not decompose into a base letter and a mark. */
const FOLD: Record<string, string> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', ł: 'l', đ: 'd', þ: 'th' };

/**
 * What an operator hears: case, spaces, punctuation and diacritics do not count, so
 * "Blå Bär", "blabar" and "BLÅBÄR" are one word. Both words are compared in this form,
 * and the customer's word is hashed in it so a check forgives the same differences.
 */
export function codeWordKey(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[øæœßłđþ]/gu, (c) => FOLD[c] ?? c)
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** Words an operator could mistake for an answer, a call for help or a routine phrase. */
const REFUSED = new Set(
  [
    'ja',
    'nej',
    'jo',
    'nä',
    'japp',
    'nepp',
    'okej',
    'ok',
    'okay',
    'visst',
    'kanske',
    'yes',
    'no',
    'yeah',
    'nope',
    'maybe',
    'larm',
    'larmet',
    'alarm',
    'hjälp',
    'hjälp mig',
    'help',
    'help me',
    'sos',
    'nödläge',
    'emergency',
    'polis',
    'polisen',
    'police',
    'brand',
    'det brinner',
    'fire',
    'ambulans',
    'ambulance',
    'inbrott',
    'tjuv',
    'tjuvar',
    'burglar',
    'kodord',
    'kodordet',
    'code word',
    'lösenord',
    'password',
    'hemligt',
    'secret',
    'pin',
    'pinkod',
    'test',
    'testar',
    'testa',
    'hej',
    'hejsan',
    'hallå',
    'hello',
    'stopp',
    'stop',
    'avbryt',
    'cancel',
    'falsklarm',
    'falskt larm',
    'false alarm',
    'allt ok',
    'allt väl',
    'allt lugnt',
    'ingen fara',
    'inget',
    'ingen',
    'nothing',
    'vet ej',
    'vet inte',
    'kommer inte ihåg',
    'glömt',
    'kundtjänst',
    'larmcentral',
    'larmcentralen',
    'väktare',
    'vakt',
  ].map(codeWordKey),
);

/** The rules one word must pass on its own; null when it may be used. */
export function codeWordProblem(word: string): ErrorCode | null {
  const key = codeWordKey(word);
  if ([...key].length < CODE_WORD_MIN_LENGTH) return 'code_word_too_short';
  if ([...word.trim()].length > CODE_WORD_MAX_LENGTH) return 'code_word_too_long';
  if (/^\d+$/u.test(key) || REFUSED.has(key) || /^(.)\1*$/u.test(key)) return 'code_word_confusing';
  return null;
}

/** The two words must sound different to the operator. */
export function tooSimilar(a: string, b: string): boolean {
  return codeWordKey(a) === codeWordKey(b);
}
