import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, makeInstallation } from '../../test/factories.ts';
import { ELKS_PASSWORD, ELKS_USER, startFakeSmsProvider, TWILIO_SID, TWILIO_TOKEN, type FakeSmsProvider } from '../../test/fake-sms-provider.ts';
import { mimePart, startSmtpSink, type SmtpSink } from '../../test/smtp-sink.ts';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../test/test-app.ts';
import { outbox, smsDeliveries, type OutgoingMessage } from '../modules/notifications/index.ts';
import { formatSmsUsage, smsUsageReport } from '../modules/backoffice/index.ts';
import { smtpProvider } from '../providers/smtp.provider.ts';
import { createOutboxWorker, type WorkerDeps } from './outbox-worker.ts';
import type { CodeRequired } from '../../contract/auth.ts';

/** Real providers against local servers that speak SMTP and the 46elks / Twilio HTTP APIs. */
let sms: FakeSmsProvider;
let smtp: SmtpSink;
const apps = {} as Record<'46elks' | 'twilio', TestApp>;
beforeAll(async () => {
  sms = await startFakeSmsProvider();
  smtp = await startSmtpSink({ user: 'portvakt', password: 'smtp-test-password' });
  apps['46elks'] = await createTestApp({ env: env('46elks') });
  apps.twilio = await createTestApp({ env: env('twilio') });
});
afterAll(async () => {
  await Promise.all(Object.values(apps).map((t) => t.close()));
  await sms.close();
  await smtp.close();
});

/** A second worker on the same database, with other settings or providers. */
function workerWith(t: TestApp, overrides: Partial<WorkerDeps>) {
  const { database, clock, notifications, logger, providers } = t.services;
  return createOutboxWorker({ database, clock, notifications, logger, email: providers.email, sms: providers.sms, ...overrides });
}

function env(provider: '46elks' | 'twilio'): Record<string, string> {
  return {
    EMAIL_PROVIDER: 'smtp',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    SMTP_SECURITY: 'none',
    SMTP_USER: 'portvakt',
    SMTP_PASSWORD: 'smtp-test-password',
    EMAIL_FROM: 'Mina sidor <no-reply@portvakt.example>',
    SMS_PROVIDER: provider,
    SMS_SENDER: 'MinaSidor',
    ELKS_BASE_URL: sms.baseUrl,
    ELKS_API_USERNAME: ELKS_USER,
    ELKS_API_PASSWORD: ELKS_PASSWORD,
    TWILIO_BASE_URL: sms.baseUrl,
    TWILIO_ACCOUNT_SID: TWILIO_SID,
    TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
    PROVIDER_TIMEOUT_SECONDS: '1',
  };
}

let phoneCounter = 0;
const newPhone = () => `+4673${String(1_000_000 + (phoneCounter += 1)).slice(-7)}`;

async function queue(t: TestApp, message: Partial<OutgoingMessage> & Pick<OutgoingMessage, 'channel' | 'to'>): Promise<number> {
  return t.services.db.transaction((tx) =>
    t.services.notifications.enqueue(tx, {
      language: 'sv',
      template: message.channel === 'sms' ? 'login_code' : 'account_locked',
      vars: { code: '314159', name: 'Kim', minutes: 5, supportPhone: '+46 771 00 00 00', portalUrl: 'https://minasidor.example/' },
      ...message,
    }),
  );
}

const row = async (t: TestApp, id: number) => (await t.services.db.select().from(outbox).where(eq(outbox.id, id)))[0]!;

describe.each(['46elks', 'twilio'] as const)('delivery through %s and SMTP', (provider) => {
  let t: TestApp;
  beforeAll(() => {
    t = apps[provider];
  });
  afterEach(() => t.clock.advanceMinutes(60));

  it('sends an SMS in E.164 with the configured sender and records id, parts and cost', async () => {
    const to = newPhone();
    const id = await queue(t, { channel: 'sms', to, accountId: null });
    await t.deliver();
    const [accepted] = sms.sentTo(to);
    expect(accepted).toMatchObject({ provider, from: 'MinaSidor', to });
    expect(accepted!.text).toContain('314159');

    const sent = await row(t, id);
    expect(sent).toMatchObject({ status: 'sent', providerMessageId: accepted!.id, sealedContent: '', attemptStartedAt: null });
    const [usage] = await t.services.db.select().from(smsDeliveries).where(eq(smsDeliveries.outboxId, id));
    expect(usage).toMatchObject({ provider, providerMessageId: accepted!.id, segments: 1 });
    // 46elks tells the cost (1/10000 SEK); Twilio prices come later, so the cost is estimated.
    if (provider === '46elks') expect(usage).toMatchObject({ costTenThousandths: 3500, currency: 'SEK', costEstimated: false });
    else expect(usage).toMatchObject({ costTenThousandths: 4500, currency: 'SEK', costEstimated: true });
  });

  it('retries after a 5xx and then delivers once', async () => {
    const to = newPhone();
    sms.failNext({ status: 503 });
    const id = await queue(t, { channel: 'sms', to });
    await t.deliver();
    expect(await row(t, id)).toMatchObject({ status: 'pending', attempts: 1, attemptStartedAt: null });
    expect((await row(t, id)).lastError).toMatch(/503/);
    t.clock.advanceMinutes(1);
    await t.deliver();
    expect(await row(t, id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(sms.sentTo(to)).toHaveLength(1);
  });

  it('retries after a timeout and then delivers once', async () => {
    const to = newPhone();
    sms.failNext('hang');
    const id = await queue(t, { channel: 'sms', to });
    await t.deliver();
    const after = await row(t, id);
    expect(after).toMatchObject({ status: 'pending', attempts: 1 });
    expect(after.lastError).toMatch(/no answer/);
    expect(after.attemptStartedAt).not.toBeNull();
    t.clock.advanceMinutes(1);
    await t.deliver();
    expect(await row(t, id)).toMatchObject({ status: 'sent' });
    expect(sms.sentTo(to)).toHaveLength(1);
  });

  it('a timeout after the provider accepted is settled by asking the provider, not by sending again', async () => {
    const to = newPhone();
    sms.failNext('accept-then-hang');
    const id = await queue(t, { channel: 'sms', to });
    await t.deliver();
    expect(sms.sentTo(to)).toHaveLength(1);
    expect(await row(t, id)).toMatchObject({ status: 'pending' });
    t.clock.advanceMinutes(1);
    const posts = sms.posts;
    await t.deliver();
    expect(sms.posts).toBe(posts);
    expect(sms.sentTo(to)).toHaveLength(1);
    expect(await row(t, id)).toMatchObject({ status: 'sent', providerMessageId: sms.sentTo(to)[0]!.id });
  });

  it('a number the provider refuses (4xx) goes to the dead letters at once', async () => {
    const id = await queue(t, { channel: 'sms', to: '+0000' });
    await t.deliver();
    const dead = await row(t, id);
    expect(dead).toMatchObject({ status: 'dead', attempts: 1, sealedContent: '' });
    expect(dead.lastError).toMatch(provider === '46elks' ? /403/ : /400/);
  });

  it('gives up after the last attempt', async () => {
    const worker = workerWith(t, { maxAttempts: 2 });
    sms.failNext({ status: 500 }, { status: 502 });
    const id = await queue(t, { channel: 'sms', to: newPhone() });
    await worker.drain();
    t.clock.advanceMinutes(1);
    await worker.drain();
    expect(await row(t, id)).toMatchObject({ status: 'dead', attempts: 2 });
  });
});

describe('e-mail over SMTP', () => {
  let t: TestApp;
  beforeAll(() => {
    t = apps['46elks'];
  });

  it.each(['sv', 'en'] as const)('sends multipart text + accessible HTML in %s, with a Message-ID from the idempotency key', async (language) => {
    const to = `kim.${language}@example.com`;
    const id = await queue(t, { channel: 'email', to, language });
    await t.deliver();
    const [mail] = smtp.to(to);
    expect(mail).toBeDefined();
    expect(mail!.from).toBe('no-reply@portvakt.example');
    expect(mail!.raw).toMatch(/multipart\/alternative/);
    const text = mimePart(mail!.raw, 'text/plain')!;
    const html = mimePart(mail!.raw, 'text/html')!;
    expect(text).toContain(language === 'sv' ? 'Ditt larm påverkas inte' : 'Your alarm is not affected');
    expect(html).toContain(`<html lang="${language}">`);
    expect(html).toContain('<a href="https://minasidor.example/">https://minasidor.example/</a>');
    const sent = await row(t, id);
    expect(mail!.raw).toContain(`Message-ID: <${sent.idempotencyKey}@portvakt.example>`);
    expect(sent).toMatchObject({ status: 'sent', providerMessageId: `<${sent.idempotencyKey}@portvakt.example>` });
  });

  it('a mailbox the server refuses (550) goes to the dead letters', async () => {
    const id = await queue(t, { channel: 'email', to: 'nobody@invalid.example' });
    await t.deliver();
    expect(await row(t, id)).toMatchObject({ status: 'dead' });
  });

  it('with STARTTLS required, a server that offers no TLS gets nothing in plain text', async () => {
    const strict = smtpProvider({ ...t.services.config.smtp, security: 'starttls' });
    const id = await queue(t, { channel: 'email', to: 'tls.only@example.com' });
    await workerWith(t, { email: strict }).drain();
    strict.close();
    expect(smtp.to('tls.only@example.com')).toHaveLength(0);
    expect(await row(t, id)).toMatchObject({ status: 'pending', attempts: 1 });
  });

  it('an SMTP server that is down is retried', async () => {
    const down = smtpProvider({ ...t.services.config.smtp, port: 1 });
    const id = await queue(t, { channel: 'email', to: 'kim@example.com' });
    await workerWith(t, { email: down }).drain();
    down.close();
    const after = await row(t, id);
    expect(after).toMatchObject({ status: 'pending', attempts: 1 });
    expect(after.lastError).toMatch(/ECONNECTION|ESOCKET/);
  });
});

describe.each(['46elks', 'twilio'] as const)('SMS outage during sign-in (%s)', (provider) => {
  let t: TestApp;
  beforeAll(() => {
    t = apps[provider];
  });

  const login = (email: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: TEST_PASSWORD } });
  const status = (flowId: string) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login/status', payload: { flowId } });
  const codeIn = (to: string) => mimePart(smtp.to(to).at(-1)!.raw, 'text/plain')!.match(/\b(\d{6})\b/)![1]!;

  it.each([
    ['a 5xx', { status: 503 }],
    ['a timeout', 'hang'],
  ] as const)('after %s the code arrives by e-mail at once and the client is told', async (_name, fault) => {
    const account = await makeAccount(t.services, { email: `o.${provider}.${_name.length}@example.com`, phone: newPhone() });
    sms.failNext(fault);
    const step1 = (await login(account.email)).json<CodeRequired>();
    expect(step1).toMatchObject({ status: 'code_required', channel: 'sms' });
    await t.deliver();

    expect(sms.sentTo(account.phone!)).toHaveLength(0);
    const polled = await status(step1.flowId);
    expect(polled.statusCode).toBe(200);
    // eslint-disable-next-line @typescript-eslint/no-unsafe-assignment -- vitest types its asymmetric matchers as any
    expect(polled.json()).toMatchObject({ channel: 'email', fallbackReason: 'sms_failed', sentTo: expect.stringMatching(/^o\*\*\*\d@example\.com$/) });
    const mailText = mimePart(smtp.to(account.email).at(-1)!.raw, 'text/plain')!;
    expect(mailText).toMatch(/svagare skydd än kod via SMS/);

    const verified = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login/verify', payload: { flowId: step1.flowId, code: codeIn(account.email) } });
    expect(verified.statusCode).toBe(200);
    const cookie = verified.cookies.find((c) => c.name === '__Host-pv_session')!;
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', cookies: { [cookie.name]: cookie.value } });
    expect(me.json()).toMatchObject({ secondFactor: 'email' });
  });

  it('a failed SMS whose code was already replaced sends no e-mail', async () => {
    const account = await makeAccount(t.services, { phone: newPhone() });
    const { flowId } = (await login(account.email)).json<{ flowId: string }>();
    t.clock.advance(31_000);
    const resend = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login/resend', payload: { flowId, channel: 'email' } });
    expect(resend.statusCode).toBe(200);
    sms.failNext({ status: 500 });
    await t.deliver();
    expect(smtp.to(account.email)).toHaveLength(1);
    const polled = (await status(flowId)).json<Partial<CodeRequired>>();
    expect(polled).toMatchObject({ channel: 'email' });
    expect(polled.fallbackReason).toBeUndefined();
  });

  it('the status of an unknown flow is a problem, not a 500', async () => {
    const polled = await status('no-such-flow');
    expect(polled.statusCode).toBe(410);
    expect(polled.json()).toMatchObject({ code: 'flow_expired' });
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login/status', payload: {} });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'validation_failed' });
  });
});

describe('SMS usage accounting', () => {
  it('counts SMS, parts and cost per account, installation and day, beside the monthly budget', async () => {
    const t = apps['46elks'];
    const accountId = randomUUID();
    const installationId = randomUUID();
    await queue(t, { channel: 'sms', to: newPhone(), accountId, installationId });
    await queue(t, { channel: 'sms', to: newPhone(), accountId });
    await t.deliver();
    const month = t.clock.now().toISOString().slice(0, 7);
    const report = await smsUsageReport(t.services.db, month, 20000);
    expect(report.byAccount.find((l) => l.key === accountId)).toMatchObject({ sms: 2, segments: 2, costTenThousandths: 7000, currency: 'SEK', estimated: 0 });
    expect(report.byInstallation.find((l) => l.key === installationId)).toMatchObject({ sms: 1, costTenThousandths: 3500 });
    expect(report.byDay.map((l) => l.key)).toContain(t.clock.now().toISOString().slice(0, 10));
    expect(formatSmsUsage(report)).toContain(accountId);
  });

  it("counts a user's sign-in codes in each installation the user belongs to", async () => {
    const t = apps['46elks'];
    const owner = await makeAccount(t.services, { phone: newPhone() });
    const member = await makeAccount(t.services, { phone: newPhone() });
    const home = await makeInstallation(
      t.services,
      [
        { accountId: owner.id, level: 'owner' },
        { accountId: member.id, level: 'user' },
      ],
      'Villa Räkning',
    );
    const cabin = await makeInstallation(t.services, [{ accountId: member.id, level: 'owner' }], 'Stuga Räkning');
    for (const account of [owner, member]) {
      const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: account.email, password: TEST_PASSWORD, client: 'web' } });
      expect(login.json()).toMatchObject({ channel: 'sms' });
    }
    await t.deliver();
    const report = await smsUsageReport(t.services.db, t.clock.now().toISOString().slice(0, 7), 20000);
    expect(report.byInstallation.find((l) => l.key === home.id)).toMatchObject({ sms: 2, alias: 'Villa Räkning' });
    expect(report.byInstallation.find((l) => l.key === cabin.id)).toMatchObject({ sms: 1, alias: 'Stuga Räkning' });
    expect(formatSmsUsage(report)).toContain(`Stuga Räkning (${cabin.id})`);
  });
});

describe('waking the workers', () => {
  it('a queued message wakes a sleeping worker as soon as its transaction commits', async () => {
    const t = apps['46elks'];
    await t.deliver();
    // Polling alone would take ten minutes: only the outbox's insert trigger can wake it in time.
    const worker = workerWith(t, { pollIntervalMs: 600_000 });
    await worker.start();
    try {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const to = newPhone();
      await queue(t, { channel: 'sms', to });
      await expect.poll(() => sms.sentTo(to).length, { timeout: 15_000, interval: 100 }).toBe(1);
    } finally {
      await worker.stop();
    }
  });
});
