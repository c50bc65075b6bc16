import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Account, checkPage, describeInBrowser, portalForSuite, TEST_PASSWORD, texts } from './portal.ts';
import { addVirtualAuthenticator, apiSignIn, expectOk, linkFromInbox, serveAsLocalhost } from './signed-out.helpers.ts';

const NEW_PASSWORD = 'blå cykel under gamla eken';

describeInBrowser('signed-out journeys in a real browser', () => {
  const portal = portalForSuite();

  describe.each(['sv', 'en'] as const)('in %s', (language) => {
    const t = texts(language);
    const s = t.signedOut;
    const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name }).waitFor();
    /** Opened as from an e-mail: a fresh load, not a fragment change of the page already shown. */
    const openLink = async (page: Page, link: string) => {
      await page.goto('/sign-in');
      await page.goto(link);
    };

    /** Password and the SMS code on the sign-in page, ending on the overview. */
    async function signInWith(page: Page, account: Pick<Account, 'email' | 'name'>, password: string, codeFrom: string) {
      await page.goto('/sign-in');
      await page.getByLabel(t.signIn.email).fill(account.email);
      await page.getByLabel(t.signIn.password, { exact: true }).fill(password);
      await page.getByRole('button', { name: t.signIn.submit }).click();
      await heading(page, t.signIn.codeTitle);
      await page.getByLabel(t.signIn.code).fill(await portal.latestCode(codeFrom));
      await page.getByRole('button', { name: t.signIn.verify, exact: true }).click();
      await heading(page, t.overview.greeting.replace('{{name}}', account.name));
    }

    it('resets a forgotten password through the e-mailed link and signs in with the new one', async () => {
      const account = await portal.createAccount({ name: 'Glenn Glömsk', language });
      const page = await portal.newPage(language);
      await page.goto('/sign-in');
      await page.getByRole('link', { name: s.links.forgotPassword }).click();
      await heading(page, s.forgot.title);
      await checkPage(page, 'forgot-password', language);

      await page.getByLabel(s.forgot.email).fill(account.email);
      await page.getByRole('button', { name: s.forgot.submit }).click();
      await heading(page, s.forgot.sentTitle);
      await page.getByRole('status').getByText(s.forgot.sent.replace('{{email}}', account.email)).waitFor();
      await checkPage(page, 'forgot-password-sent', language);

      const link = await linkFromInbox(portal, account.email, 'reset-password');
      await openLink(page, link);
      await heading(page, s.reset.title);
      // The token leaves the address bar once read.
      expect(new URL(page.url()).hash).toBe('');
      const password = page.getByLabel(s.reset.password, { exact: true });
      await password.fill('kort');
      await page.getByText(s.newPassword.strength.replace('{{level}}', s.newPassword.levels.tooShort)).waitFor();
      await checkPage(page, 'reset-password', language);

      // The server is the judge: a common password is refused and said so at the field.
      await password.fill('password1234');
      await page.getByRole('button', { name: s.reset.submit }).click();
      await page.getByRole('alert').getByText(t.errors.password_too_common).waitFor();
      expect(await password.getAttribute('aria-invalid')).toBe('true');
      await checkPage(page, 'reset-password-refused', language);

      await password.fill(NEW_PASSWORD);
      await page.getByText(s.newPassword.strength.replace('{{level}}', s.newPassword.levels.strong)).waitFor();
      await page.getByRole('button', { name: s.reset.submit }).click();
      await heading(page, s.reset.doneTitle);
      await checkPage(page, 'reset-password-done', language);

      // The link works once.
      await openLink(page, link);
      await page.getByLabel(s.reset.password, { exact: true }).fill(`${NEW_PASSWORD} igen`);
      await page.getByRole('button', { name: s.reset.submit }).click();
      await page.getByRole('alert').getByText(t.errors.link_invalid).waitFor();
      await page.getByRole('alert').getByRole('link', { name: s.reset.newLink }).waitFor();
      await checkPage(page, 'reset-password-used-link', language);

      await page.getByRole('link', { name: s.links.backToSignIn }).click();
      await signInWith(page, account, NEW_PASSWORD, account.phone!);
      await page.context().close();
    });

    it('activates an account customer service created, after asking for a new link', async () => {
      const email = `aktiv.${language}@example.com`;
      const account = await portal.services.identity.activation.createPendingAccount({ email, name: 'Alma Aktiv', phone: language === 'sv' ? '+46705550101' : '+46705550102', language });
      const firstLink = await linkFromInbox(portal, email, 'activate');
      const page = await portal.newPage(language);
      await page.goto('/sign-in');
      await page.getByRole('link', { name: s.links.resendActivation }).click();
      await heading(page, s.resendActivation.title);
      await checkPage(page, 'resend-activation', language);
      await page.getByLabel(s.resendActivation.email).fill(email);
      await page.getByRole('button', { name: s.resendActivation.submit }).click();
      await heading(page, s.resendActivation.sentTitle);
      await checkPage(page, 'resend-activation-sent', language);

      // The new link voids the first one.
      await openLink(page, firstLink);
      await page.getByLabel(s.activate.password, { exact: true }).fill(NEW_PASSWORD);
      await page.getByRole('button', { name: s.activate.submit }).click();
      await page.getByRole('alert').getByText(t.errors.link_invalid).waitFor();

      await openLink(page, await linkFromInbox(portal, email, 'activate'));
      await heading(page, s.activate.title);
      await page.getByLabel(s.activate.password, { exact: true }).fill(NEW_PASSWORD);
      await checkPage(page, 'activate', language);
      await page.getByRole('button', { name: s.activate.submit }).click();
      await heading(page, s.activate.doneTitle);
      await checkPage(page, 'activate-done', language);
      await page.getByRole('link', { name: s.links.toSignIn }).click();
      await signInWith(page, account, NEW_PASSWORD, account.phone!);
      await page.context().close();
    });

    it('registers an account, confirms the address through the link and signs in', async () => {
      const person = { name: 'Rut Registrerad', email: `ny.${language}@example.com` };
      const page = await portal.newPage(language);
      await page.goto('/sign-in');
      await page.getByRole('link', { name: s.links.register }).click();
      await heading(page, s.register.title);
      await checkPage(page, 'register', language);

      await page.getByLabel(s.register.name).fill(person.name);
      await page.getByLabel(s.register.email).fill(person.email);
      await page.getByLabel(s.register.password, { exact: true }).fill(NEW_PASSWORD);
      await page.getByRole('button', { name: s.register.submit }).click();
      await heading(page, s.register.sentTitle);
      await checkPage(page, 'register-sent', language);

      await openLink(page, await linkFromInbox(portal, person.email, 'verify-email'));
      await heading(page, s.verifyEmail.title);
      await checkPage(page, 'verify-email', language);
      await page.getByRole('button', { name: s.verifyEmail.submit }).click();
      await heading(page, s.verifyEmail.doneTitle);
      await checkPage(page, 'verify-email-done', language);

      // No phone yet: the code comes by e-mail.
      await signInWith(page, person, NEW_PASSWORD, person.email);
      await page.context().close();
    });

    it('confirms a new e-mail address, then undoes the change from the old one', async () => {
      const account = await portal.createAccount({ name: 'Eva Epostbyte', language });
      const newEmail = `byte.${language}@example.com`;
      const me = await apiSignIn(portal, account);
      await expectOk(me.call('POST', '/auth/step-up/password', { password: TEST_PASSWORD }));
      await expectOk(me.call('POST', '/me/email', { email: newEmail }));

      const page = await portal.newPage(language);
      const confirmLink = await linkFromInbox(portal, newEmail, 'confirm-email');
      await openLink(page, confirmLink);
      await heading(page, s.confirmEmail.title);
      await checkPage(page, 'confirm-email', language);
      await page.getByRole('button', { name: s.confirmEmail.submit }).click();
      await heading(page, s.confirmEmail.doneTitle);
      await checkPage(page, 'confirm-email-done', language);

      // A used link says so, and what to do instead.
      await openLink(page, confirmLink);
      await page.getByRole('button', { name: s.confirmEmail.submit }).click();
      await page.getByRole('alert').getByText(t.errors.link_invalid).waitFor();
      await page.getByRole('alert').getByText(s.confirmEmail.retry).waitFor();
      await checkPage(page, 'confirm-email-used-link', language);

      await openLink(page, await linkFromInbox(portal, account.email, 'undo-email-change'));
      await heading(page, s.undoEmail.title);
      await checkPage(page, 'undo-email-change', language);
      await page.getByRole('button', { name: s.undoEmail.submit }).click();
      await heading(page, s.undoEmail.doneTitle);
      await checkPage(page, 'undo-email-change-done', language);

      // A link without its token explains itself.
      await page.goto('/confirm-email');
      await page.getByRole('alert').getByText(s.link.missingToken).waitFor();
      await page.context().close();
    });

    it('signs in with the authenticator app, or with an SMS code instead', async () => {
      const account = await portal.createAccount({ name: 'Tove Totp', language });
      const me = await apiSignIn(portal, account);
      await expectOk(me.call('POST', '/auth/step-up/password', { password: TEST_PASSWORD }));
      const { id, secret } = await expectOk<{ id: string; secret: string }>(me.call('POST', '/me/two-factor/totp', { label: 'Mobilen' }));
      const app = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 });
      await expectOk(me.call('POST', `/me/two-factor/totp/${id}/confirm`, { code: app.generate() }));

      const page = await portal.newPage(language);
      const password = async () => {
        await page.getByLabel(t.signIn.email).fill(account.email);
        await page.getByLabel(t.signIn.password, { exact: true }).fill(TEST_PASSWORD);
        await page.getByRole('button', { name: t.signIn.submit }).click();
        await heading(page, s.secondStep.totpTitle);
      };
      await page.goto('/sign-in');
      await password();
      await checkPage(page, 'sign-in-totp', language);
      // The enrolment used this 30-second step's code; the app's next one is also accepted.
      await page.getByLabel(s.secondStep.totpCode).fill(app.generate({ timestamp: Date.now() + 30_000 }));
      await page.getByRole('button', { name: t.signIn.verify, exact: true }).click();
      await page.getByText(t.overview.signedInWithTotp).waitFor();

      await page.getByRole('button', { name: t.shell.signOut }).click();
      await heading(page, t.signIn.title);
      await password();
      await page.getByRole('button', { name: s.secondStep.useSms }).click();
      const smsHeading = page.getByRole('heading', { level: 1, name: t.signIn.codeTitle });
      await smsHeading.waitFor();
      // Focus follows the switch to the new step.
      await expect.poll(() => smsHeading.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.getByText(t.signIn.sentBySms.replace('{{to}}', `+46 *** ** ${account.phone!.slice(-2)}`)).waitFor();
      await checkPage(page, 'sign-in-totp-switched-to-sms', language);
      await page.getByLabel(t.signIn.code).fill(await portal.latestCode(account.phone!));
      await page.getByRole('button', { name: t.signIn.verify, exact: true }).click();
      await page.getByText(t.overview.signedInWithSms).waitFor();
      await page.context().close();
    });
  });
});

describeInBrowser('passkey sign-in in a real browser', () => {
  /** Only the browser sees this port: its requests are forwarded to the portal. */
  const PORT = 47991;
  const portal = portalForSuite({ PUBLIC_URL: `http://localhost:${PORT}` });

  it.each(['sv', 'en'] as const)('signs in with a passkey in %s', async (language) => {
    const t = texts(language);
    const account = await portal.createAccount({ name: 'Petra Passkey', language });
    const page = await portal.newPage(language);
    const origin = await serveAsLocalhost(page.context(), portal, PORT);
    await addVirtualAuthenticator(page);
    const password = async () => {
      await page.goto(`${origin}/sign-in`);
      await page.getByLabel(t.signIn.email).fill(account.email);
      await page.getByLabel(t.signIn.password, { exact: true }).fill(TEST_PASSWORD);
      await page.getByRole('button', { name: t.signIn.submit }).click();
    };
    await password();
    await page.getByLabel(t.signIn.code).fill(await portal.latestCode(account.phone!));
    await page.getByRole('button', { name: t.signIn.verify, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: t.overview.greeting.replace('{{name}}', account.name) }).waitFor();
    // Added on the security page: the page's own WebAuthn ceremony with Chromium's virtual authenticator.
    await page.goto(`${origin}/security/two-step-verification`);
    await page.getByLabel(t.security.twoFactor.passkeyLabel).fill('Testnyckel');
    await page.getByRole('button', { name: t.security.twoFactor.addPasskey }).click();
    await page.getByRole('status').getByText(t.security.twoFactor.passkeyAdded).waitFor();
    await page.getByText('Testnyckel').first().waitFor();
    await checkPage(page, 'security-passkey-added', language);
    await page.getByRole('button', { name: t.shell.signOut }).click();
    await page.getByRole('heading', { level: 1, name: t.signIn.title }).waitFor();

    // With a passkey the sign-in asks for it first; SMS and e-mail stay one press away.
    await password();
    await page.getByRole('heading', { level: 1, name: t.signedOut.secondStep.passkeyTitle }).waitFor();
    await page.getByRole('button', { name: t.signedOut.secondStep.useSms }).waitFor();
    await checkPage(page, 'sign-in-passkey', language);
    await page.getByRole('button', { name: t.signedOut.secondStep.passkeyButton }).click();
    await page.getByText(t.overview.signedInWithPasskey).waitFor();
    // Requests still being forwarded to the portal are dropped, not failed, as the browser closes.
    await page.context().unrouteAll({ behavior: 'ignoreErrors' });
    await page.context().close();
  });
});
