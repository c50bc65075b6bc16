import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageMatching } from '../../../test/account-helpers.ts';
import { makeAccount, makeInstallation } from '../../../test/factories.ts';
import { signInApp } from '../../../test/sign-in.ts';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/test-app.ts';
import { testDbKinds } from '../../../test/test-db.ts';
import { listInstallationAudit } from '../audit/index.ts';
import type { Account } from '../identity/index.ts';
import type { Installation } from '../installations/index.ts';
import { createCodeWords } from './codewords.service.ts';
import { codeWords } from './codewords.tables.ts';
import type { Problem } from '../../../contract/problem.ts';

describe.each(testDbKinds())('code words (SPEC §5.1) on %s', (db) => {
  let t: TestApp;
  let owner: Account;
  let admin: Account;
  let installation: Installation;
  let asOwner: Record<string, string>;
  let asAdmin: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp({ db });
    owner = await makeAccount(t.services, { name: 'Olle Ägare' });
    admin = await makeAccount(t.services, { name: 'Anna Admin' });
    installation = await makeInstallation(t.services, [
      { accountId: owner.id, level: 'owner' },
      { accountId: admin.id, level: 'administrator' },
    ]);
    asOwner = (await signInApp(t, owner)).headers;
    asAdmin = (await signInApp(t, admin)).headers;
  });
  afterAll(() => t.close());

  const url = (path = '') => `/api/v1/installations/${installation.id}${path}`;
  const set = (headers: Record<string, string>, payload: Record<string, string>) => t.app.inject({ method: 'PUT', url: url('/code-words'), headers, payload });
  const reveal = (headers: Record<string, string>) => t.app.inject({ method: 'POST', url: url('/code-words/company/reveal'), headers });
  // Checks are the staff consoles' (alarm centre, customer service); the customer API has none.
  const staff = { id: '00000000-0000-4000-8000-00000000c5c5' };
  const startCheck = async () => (await t.services.codeWords.startCheck(installation, staff)).checkId;
  /** The answer of one try, or the code of the problem it raised. */
  const attempt = (checkId: string, word: string) => t.services.codeWords.attempt(installation, checkId, word, staff).catch((error: { code: string }) => error.code);
  const status = () => t.services.codeWords.status(installation.id);

  it('stores the customer word only as an argon2id hash and the company word only encrypted', async () => {
    expect((await reveal(asOwner)).json<Problem>().code).toBe('code_word_not_set');
    expect((await set(asAdmin, { customerWord: 'Blåbärsskog', companyWord: 'Kantarell' })).statusCode).toBe(204);
    const [row] = await t.services.db.select().from(codeWords);
    expect(row!.customerWordHash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(row)).not.toMatch(/bl[aå]b[aä]rsskog|kantarell/i);
    expect(row!.companyWordKeyId).toBe(t.services.config.encryption.currentKeyId);
    expect((await t.app.inject({ method: 'GET', url: url('/code-words'), headers: asAdmin })).json()).toMatchObject({ customerWordSet: true, companyWordSet: true });
    expect((await reveal(asAdmin)).json()).toEqual({ companyWord: 'Kantarell' });

    const mail = await t.latestMessage(owner.email);
    expect(mail?.subject).toMatch(/^Kodord ändrat för /);
    expect(mail?.body).toMatch(/Anna Admin ändrade båda kodorden/);
    expect(mail?.body).not.toMatch(/Kantarell|Blåbärsskog/);
    const actions = (await listInstallationAudit(t.services.db, installation.id)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['code_words_set', 'company_word_revealed']));
  });

  it('refuses words that sound alike after case, spaces and diacritics, also against the stored word', async () => {
    expect((await set(asOwner, { customerWord: 'Blåbär', companyWord: 'BLA BAR' })).json<Problem>().code).toBe('code_words_too_similar');
    // Against the stored company word (readable) and the stored customer word (through its hash).
    expect((await set(asOwner, { customerWord: 'kantarell' })).json<Problem>().code).toBe('code_words_too_similar');
    expect((await set(asOwner, { companyWord: 'Blabarsskog' })).json<Problem>().code).toBe('code_words_too_similar');
    expect((await set(asOwner, { companyWord: 'Trattkantarell' })).statusCode).toBe(204);
  });

  it('refuses the password, confusing words and bad lengths', async () => {
    expect((await set(asOwner, { customerWord: TEST_PASSWORD })).json<Problem>().code).toBe('code_word_equals_password');
    expect((await set(asOwner, { customerWord: 'Hjälp' })).json<Problem>().code).toBe('code_word_confusing');
    expect((await set(asOwner, { companyWord: '112 112' })).json<Problem>().code).toBe('code_word_confusing');
    expect((await set(asOwner, { customerWord: 'Nej' })).json<Problem>().code).toBe('code_word_too_short');
    // Each refusal names the word it is about, so the form can say which one.
    expect((await set(asOwner, { customerWord: 'Blåbärsskog', companyWord: 'Nej' })).json<Problem>().issues).toEqual([
      { path: 'body.companyWord', code: 'code_word_too_short', message: 'code word too short' },
    ]);
    expect((await set(asOwner, { customerWord: 'Nej', companyWord: 'Trattkantarell' })).json<Problem>().issues).toEqual([
      { path: 'body.customerWord', code: 'code_word_too_short', message: 'code word too short' },
    ]);
    expect((await set(asOwner, { customerWord: 'x'.repeat(41) })).json<Problem>().code).toBe('code_word_too_long');
    expect((await set(asOwner, {})).json<Problem>().code).toBe('validation_failed');
  });

  it('checks a spoken word: match or no match, at most two tries per call, never more under concurrency', async () => {
    const first = await startCheck();
    expect(await attempt(first, 'Lingon')).toEqual({ match: false, triesLeft: 1 });
    expect(await attempt(first, ' blåbärs SKOG ')).toEqual({ match: true, triesLeft: 0 });
    expect(await attempt(first, 'Blåbärsskog')).toBe('code_word_check_expired');

    const second = await startCheck();
    const results = await Promise.all(Array.from({ length: 5 }, () => attempt(second, 'Fel')));
    expect(results.filter((r) => typeof r === 'object')).toHaveLength(2);
    expect(results.filter((r) => typeof r === 'string').every((r) => r === 'code_word_tries_exhausted')).toBe(true);
    expect(await attempt(second, 'Blåbärsskog')).toBe('code_word_tries_exhausted');

    const third = await startCheck();
    t.clock.advanceMinutes(16);
    expect(await attempt(third, 'Blåbärsskog')).toBe('code_word_check_expired');
    const checks = (await listInstallationAudit(t.services.db, installation.id)).filter((a) => a.action === 'customer_word_checked');
    expect(checks).toHaveLength(4);
    expect(JSON.stringify(checks)).not.toMatch(/Blåbär|Lingon/);
  });

  it('offers no code-word check to customer sessions or integration tokens, however high their level', async () => {
    asAdmin = (await signInApp(t, admin)).headers;
    const token = (await t.app.inject({ method: 'POST', url: '/api/v1/me/tokens', headers: asAdmin, payload: { name: 'Skript', scope: 'read_write' } })).json<{ token: string }>().token;
    for (const headers of [asOwner, asAdmin, { authorization: `Bearer ${token}` }]) {
      const started = await t.app.inject({ method: 'POST', url: url('/code-word-checks'), headers });
      expect(started.statusCode).toBe(404);
      const tried = await t.app.inject({ method: 'POST', url: url(`/code-word-checks/${staff.id}/attempts`), headers, payload: { word: 'Lingon' } });
      expect(tried.statusCode).toBe(404);
    }
  });

  it('locks checking after 5 wrong guesses in 24 hours across checks, tells the owner once, and a new word lifts it', async () => {
    t.clock.advanceMinutes(24 * 60); // the earlier test's wrong guesses are out of the window
    asOwner = (await signInApp(t, owner)).headers;
    // Two concurrent calls with two tries each, then a third call: only 5 wrong guesses are ever compared.
    const calls = await Promise.all([startCheck(), startCheck(), startCheck()]);
    const results = await Promise.all(calls.flatMap((id) => [attempt(id, 'Fel ett'), attempt(id, 'Fel två')]));
    expect(results.filter((r) => typeof r === 'object')).toHaveLength(5);
    expect(results.filter((r) => typeof r === 'string')).toEqual(['code_word_locked']);
    // Locked: even the right word is no longer compared, and no new call can start.
    expect(await attempt(calls[2], 'Blåbärsskog').then(String)).toMatch(/code_word_(locked|tries_exhausted)/);
    await expect(t.services.codeWords.startCheck(installation, staff)).rejects.toMatchObject({ code: 'code_word_locked' });
    expect((await t.app.inject({ method: 'GET', url: url('/code-words'), headers: asOwner })).json()).toMatchObject({ customerWordLocked: true });

    const mail = await messageMatching(t, owner.email, /Någon har angett fel kodord/);
    expect(mail?.subject).toMatch(/^Kodordet för .* är spärrat$/);
    expect(mail?.body).not.toMatch(/Blåbär|Fel ett/);
    const actions = (await listInstallationAudit(t.services.db, installation.id)).map((a) => a.action);
    expect(actions.filter((a) => a === 'code_word_guessing_locked')).toHaveLength(1);

    expect((await set(asOwner, { customerWord: 'Hallonbuske' })).statusCode).toBe(204);
    expect(await status()).toMatchObject({ customerWordLocked: false });
    expect(await attempt(await startCheck(), 'hallon buske')).toEqual({ match: true, triesLeft: 0 });
  });

  it('a match takes its guess back, the window passes, and staff may lift a lock', async () => {
    t.clock.advanceMinutes(24 * 60);
    for (let i = 0; i < 4; i++) expect(await attempt(await startCheck(), 'Fel')).toMatchObject({ match: false });
    expect(await attempt(await startCheck(), 'Hallonbuske')).toMatchObject({ match: true });
    expect(await status()).toMatchObject({ customerWordLocked: false });
    // The fifth wrong guess of the window locks; 24 hours later the count would start afresh.
    expect(await attempt(await startCheck(), 'Fel')).toMatchObject({ match: false });
    expect(await status()).toMatchObject({ customerWordLocked: true });
    await t.services.codeWords.liftGuessingLock(installation, staff);
    expect(await status()).toMatchObject({ customerWordLocked: false });
    expect((await listInstallationAudit(t.services.db, installation.id)).map((a) => a.action)).toContain('code_word_lock_lifted');
    t.clock.advanceMinutes(24 * 60);
    for (let i = 0; i < 4; i++) expect(await attempt(await startCheck(), 'Fel')).toMatchObject({ match: false });
    expect(await status()).toMatchObject({ customerWordLocked: false });
  });

  it('re-seals the company word under the current key after a key rotation', async () => {
    const old = t.services.config.encryption;
    const rotated = { currentKeyId: 'k2', keys: { ...old.keys, k2: 'a brand new key of sufficient length' } };
    const service = createCodeWords({ db: t.services.db, clock: t.clock, keyRing: rotated, hasher: t.services.hasher, installations: t.services.installations });
    expect(await service.revealCompanyWord(installation, owner)).toBe('Trattkantarell');
    const [row] = await t.services.db.select().from(codeWords);
    expect(row!.companyWordKeyId).toBe('k2');
    expect(row!.companyWordSealed!.startsWith('k2.')).toBe(true);
    expect(await service.revealCompanyWord(installation, owner)).toBe('Trattkantarell');
  });
});
