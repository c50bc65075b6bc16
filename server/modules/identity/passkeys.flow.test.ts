import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asWeb, type Call } from '../../../test/account-helpers.ts';
import { makeAccount } from '../../../test/factories.ts';
import { signInWeb } from '../../../test/sign-in.ts';
import { softwareAuthenticator } from '../../../test/software-authenticator.ts';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/test-app.ts';
import { testDbKinds } from '../../../test/test-db.ts';
import type { Problem } from '../../../contract/problem.ts';
import type { CodeRequired } from '../../../contract/auth.ts';

describe.each(testDbKinds())('passkeys on %s', (db) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ db });
  });
  afterAll(() => t.close());

  const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/v1${url}`, payload });

  async function enrol(me: Call) {
    const authenticator = softwareAuthenticator(t.services.config.publicUrl);
    const options = (await me('POST', '/me/two-factor/passkeys/options')).json<{ challenge: string }>();
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers as any
    expect(options).toMatchObject({ rp: { name: 'Mina sidor' }, challenge: expect.any(String) });
    const added = await me('POST', '/me/two-factor/passkeys', { response: authenticator.create(options), label: 'Min telefon' });
    expect(added.statusCode).toBe(204);
    return authenticator;
  }

  it('enrols a passkey; sign-in then asks for it and it signs in', async () => {
    const account = await makeAccount(t.services);
    const me = asWeb(t, await signInWeb(t, account));
    const authenticator = await enrol(me);
    expect((await me('GET', '/me/two-factor')).json()).toMatchObject({ preferred: 'passkey', methods: ['sms', 'email', 'passkey'], passkeys: [{ label: 'Min telefon' }] });

    const step1 = (await post('/auth/login', { email: account.email, password: TEST_PASSWORD })).json<CodeRequired>();
    expect(step1).toMatchObject({ status: 'code_required', channel: 'passkey', methods: ['sms', 'email', 'passkey'] });
    const options = (await post('/auth/login/passkey/options', { flowId: step1.flowId })).json<{ challenge: string; allowCredentials: unknown }>();
    expect(options.allowCredentials).toEqual([expect.objectContaining({ id: authenticator.id })]);
    const signed = await post('/auth/login/passkey', { flowId: step1.flowId, response: authenticator.get(options) });
    expect(signed.statusCode).toBe(200);
    const cookie = signed.cookies.find((c) => c.name === '__Host-pv_session')!;
    const session = await t.app.inject({ method: 'GET', url: '/api/v1/me', cookies: { [cookie.name]: cookie.value } });
    expect(session.json<{ secondFactor: string }>().secondFactor).toBe('passkey');
  });

  it("an answer to another challenge, a replayed answer or a stranger's passkey fails and counts as a wrong code", async () => {
    const account = await makeAccount(t.services);
    const authenticator = await enrol(asWeb(t, await signInWeb(t, account)));
    const stranger = softwareAuthenticator(t.services.config.publicUrl);

    const { flowId } = (await post('/auth/login', { email: account.email, password: TEST_PASSWORD })).json<{ flowId: string }>();
    const options = (await post('/auth/login/passkey/options', { flowId })).json<{ challenge: string }>();
    const wrongChallenge = await post('/auth/login/passkey', { flowId, response: authenticator.get({ challenge: 'bm90IHRoZSBjaGFsbGVuZ2U' }) });
    expect(wrongChallenge.json<Problem>().code).toBe('invalid_code');
    // The challenge was used by the failed try: even the right answer to it is refused now.
    expect((await post('/auth/login/passkey', { flowId, response: authenticator.get(options) })).json<Problem>().code).toBe('invalid_code');
    const again = (await post('/auth/login/passkey/options', { flowId })).json<{ challenge: string }>();
    expect((await post('/auth/login/passkey', { flowId, response: stranger.get(again) })).json<Problem>().code).toBe('invalid_code');
    const locking = await post('/auth/login/passkey', { flowId, response: authenticator.get(again) });
    expect(locking.json<Problem>().code).toBe('account_locked');
  });

  it('steps up with a passkey; removing the last one goes back to SMS', async () => {
    const account = await makeAccount(t.services);
    const me = asWeb(t, await signInWeb(t, account));
    const authenticator = await enrol(me);
    t.clock.advanceMinutes(11);
    const options = (await me('POST', '/auth/step-up/passkey/options')).json<{ challenge: string }>();
    expect((await me('POST', '/auth/step-up/passkey', { response: authenticator.get(options) })).statusCode).toBe(200);
    const [passkey] = (await me('GET', '/me/two-factor')).json<{ passkeys: { id: string }[] }>().passkeys;
    expect((await me('DELETE', `/me/two-factor/passkeys/${passkey!.id}`)).statusCode).toBe(204);
    expect((await post('/auth/login', { email: account.email, password: TEST_PASSWORD })).json()).toMatchObject({ channel: 'sms', methods: ['sms', 'email'] });
  });

  it('a registration for another challenge is rejected', async () => {
    const me = asWeb(t, await signInWeb(t, await makeAccount(t.services)));
    const authenticator = softwareAuthenticator(t.services.config.publicUrl);
    await me('POST', '/me/two-factor/passkeys/options');
    const rejected = await me('POST', '/me/two-factor/passkeys', { response: authenticator.create({ challenge: 'b3RoZXI' }) });
    expect(rejected.json<Problem>().code).toBe('passkey_rejected');
  });
});
