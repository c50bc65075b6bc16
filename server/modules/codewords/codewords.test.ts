import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, makeInstallation } from '../../../test/factories.ts';
import { signInApp } from '../../../test/sign-in.ts';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/test-app.ts';
import { testDbKinds } from '../../../test/test-db.ts';
import { listInstallationAudit } from '../audit/index.ts';
import type { Account } from '../identity/index.ts';
import type { Installation } from '../installations/index.ts';
import { createCodeWords } from './codewords.service.ts';
import { codeWords } from './codewords.tables.ts';

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
  const startCheck = async (headers: Record<string, string>) => (await t.app.inject({ method: 'POST', url: url('/code-word-checks'), headers })).json().checkId as string;
  const attempt = (headers: Record<string, string>, checkId: string, word: string) =>
    t.app.inject({ method: 'POST', url: url(`/code-word-checks/${checkId}/attempts`), headers, payload: { word } });

  it('stores the customer word only as an argon2id hash and the company word only encrypted', async () => {
    expect((await reveal(asOwner)).json().code).toBe('code_word_not_set');
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
    expect((await set(asOwner, { customerWord: 'Blåbär', companyWord: 'BLA BAR' })).json().code).toBe('code_words_too_similar');
    // Against the stored company word (readable) and the stored customer word (through its hash).
    expect((await set(asOwner, { customerWord: 'kantarell' })).json().code).toBe('code_words_too_similar');
    expect((await set(asOwner, { companyWord: 'Blabarsskog' })).json().code).toBe('code_words_too_similar');
    expect((await set(asOwner, { companyWord: 'Trattkantarell' })).statusCode).toBe(204);
  });

  it('refuses the password, confusing words and bad lengths', async () => {
    expect((await set(asOwner, { customerWord: TEST_PASSWORD })).json().code).toBe('code_word_equals_password');
    expect((await set(asOwner, { customerWord: 'Hjälp' })).json().code).toBe('code_word_confusing');
    expect((await set(asOwner, { companyWord: '112 112' })).json().code).toBe('code_word_confusing');
    expect((await set(asOwner, { customerWord: 'Nej' })).json().code).toBe('code_word_too_short');
    expect((await set(asOwner, { customerWord: 'x'.repeat(41) })).json().code).toBe('code_word_too_long');
    expect((await set(asOwner, {})).json().code).toBe('validation_failed');
  });

  it('checks a spoken word: match or no match, at most two tries per call, never more under concurrency', async () => {
    const first = await startCheck(asAdmin);
    expect((await attempt(asAdmin, first, 'Lingon')).json()).toEqual({ match: false, triesLeft: 1 });
    expect((await attempt(asAdmin, first, ' blåbärs SKOG ')).json()).toEqual({ match: true, triesLeft: 0 });
    expect((await attempt(asAdmin, first, 'Blåbärsskog')).json().code).toBe('code_word_check_expired');

    const second = await startCheck(asAdmin);
    const results = await Promise.all(Array.from({ length: 5 }, () => attempt(asAdmin, second, 'Fel')));
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(2);
    expect(results.filter((r) => r.statusCode === 429).every((r) => r.json().code === 'code_word_tries_exhausted')).toBe(true);
    expect((await attempt(asAdmin, second, 'Blåbärsskog')).json().code).toBe('code_word_tries_exhausted');

    const third = await startCheck(asAdmin);
    t.clock.advanceMinutes(16);
    asAdmin = (await signInApp(t, admin)).headers;
    expect((await attempt(asAdmin, third, 'Blåbärsskog')).json().code).toBe('code_word_check_expired');
    const checks = (await listInstallationAudit(t.services.db, installation.id)).filter((a) => a.action === 'customer_word_checked');
    expect(checks).toHaveLength(4);
    expect(JSON.stringify(checks)).not.toMatch(/Blåbär|Lingon/);
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
