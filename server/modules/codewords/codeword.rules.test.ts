import { describe, expect, it } from 'vitest';
import { codeWordKey, codeWordProblem, tooSimilar } from './codeword.rules.ts';

describe('code word rules (SPEC §5.1)', () => {
  it.each([
    ['Blåbär', 'blabar'],
    ['BLÅBÄR', 'blåbär'],
    ['Blå bär', 'blåbär'],
    ['  Älg-Öga ', 'algoga'],
    ['Smörgås', 'SMORGAS'],
    ['Ödmjuk', 'odmjuk'],
    ['Crème brûlée', 'cremebrulee'],
    ['Blåbär', 'Bla\u030Abar'], // å written as a + combining ring
    ['Køkken', 'kokken'],
  ])('"%s" and "%s" count as the same word', (a, b) => {
    expect(tooSimilar(a, b)).toBe(true);
  });

  it.each([
    ['Blåbär', 'Lingon'],
    ['Äpple', 'Apelsin'],
  ])('"%s" and "%s" differ', (a, b) => {
    expect(tooSimilar(a, b)).toBe(false);
  });

  it('keys ignore case, spaces, punctuation and diacritics', () => {
    expect(codeWordKey(' Hjärtat i Åre! ')).toBe('hjartatiare');
  });

  it.each([
    ['ja', 'code_word_too_short'],
    ['n e j', 'code_word_too_short'],
    ['Ok!', 'code_word_too_short'],
    ['Larm', 'code_word_confusing'],
    ['HJÄLP', 'code_word_confusing'],
    ['hjalp', 'code_word_confusing'],
    ['Hjälp mig', 'code_word_confusing'],
    ['Falskt larm', 'code_word_confusing'],
    ['lösenord', 'code_word_confusing'],
    ['1234', 'code_word_confusing'],
    ['12 34 56', 'code_word_confusing'],
    ['aaaa', 'code_word_confusing'],
    ['Vintergatan över Kiruna i februari, kallt', 'code_word_too_long'],
  ])('refuses "%s" (%s)', (word, problem) => {
    expect(codeWordProblem(word)).toBe(problem);
  });

  it.each(['Blåbärsskog', 'Kantarell', 'Tre små grisar', 'Ekorre 7'])('accepts "%s"', (word) => {
    expect(codeWordProblem(word)).toBeNull();
  });
});
