import * as OTPAuth from 'otpauth';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Language } from '../web/lib/i18n.ts';
import { qrCodeDataUrl } from '../web/lib/qr-code.ts';
import { type Account, checkPage, describeInBrowser, pageLanguage, type Portal, portalForSuite, TEST_PASSWORD, texts } from './portal.ts';

const NEW_PASSWORD = 'blå kaffekopp vid stranden 2031';

/** The menu entries of Säkerhet, in menu order, with the heading each page shows. */
function securityPages(language: Language) {
  const t = texts(language).security;
  return [
    { link: t.menu.password, heading: t.password.title, name: 'security-password' },
    { link: t.menu.twoFactor, heading: t.twoFactor.title, name: 'security-two-factor' },
    { link: t.menu.devices, heading: t.devices.title, name: 'security-devices' },
    { link: t.menu.sessions, heading: t.sessions.title, name: 'security-sessions' },
    { link: t.menu.activity, heading: t.activity.title, name: 'security-activity' },
    { link: t.menu.integrations, heading: t.integrations.title, name: 'security-integrations' },
  ];
}

/** Opens a page of the security menu group the way a user does and waits for its heading. */
async function openFromMenu(page: Page, link: string, heading: string): Promise<void> {
  const t = texts(await pageLanguage(page));
  await page.getByRole('navigation', { name: t.shell.mainMenu }).getByRole('link', { name: link, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** Signs in with another password than the fixture's; ends on the overview. */
async function signInWith(portal: Portal, page: Page, as: Account, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.locator('html[lang]').waitFor({ state: 'attached' });
  const t = texts(await pageLanguage(page));
  await page.getByLabel(t.signIn.email).fill(as.email);
  await page.getByLabel(t.signIn.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: t.signIn.submit }).click();
  await page.getByRole('heading', { level: 1, name: t.signIn.codeTitle }).waitFor();
  await page.getByLabel(t.signIn.code).fill(await portal.latestCode(as.phone!));
  await page.getByRole('button', { name: t.signIn.verify, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: t.overview.greeting.replace('{{name}}', as.name) }).waitFor();
}

describeInBrowser('Mina sidor › Säkerhet in a real browser', () => {
  const portal = portalForSuite();

  describe.each(['sv', 'en'] as const)('in %s', (language) => {
    const t = texts(language);
    const s = t.security;

    it('shows every page of the security menu', async () => {
      const account = await portal.createAccount({ name: 'Vera Visning', language });
      const page = await portal.newPage(language);
      await portal.signIn({ page, as: account });
      for (const { link, heading, name } of securityPages(language)) {
        await openFromMenu(page, link, heading);
        // Each list has loaded (or says it is empty) before the page is checked.
        await page.getByRole('status').filter({ hasText: t.app.loading }).waitFor({ state: 'detached' });
        await checkPage(page, name, language);
      }
      await page.context().close();
    });

    it('changes the password, and the new one signs in', async () => {
      const account = await portal.createAccount({ name: 'Petra Lösen', language });
      const page = await portal.newPage(language);
      await portal.signIn({ page, as: account });
      await openFromMenu(page, s.menu.password, s.password.title);

      await page.getByLabel(s.password.current).fill('not my password at all');
      await page.getByLabel(s.password.new).fill(NEW_PASSWORD);
      await page.getByRole('button', { name: s.password.submit }).click();
      await page.getByRole('alert').getByText(t.errors.wrong_password).waitFor();
      // The message is read out with the field it is about, which takes focus.
      const current = page.getByLabel(s.password.current);
      await expect.poll(() => current.evaluate((el) => el === document.activeElement)).toBe(true);
      await expect.poll(() => current.getAttribute('aria-invalid')).toBe('true');
      await checkPage(page, 'security-password-wrong', language);

      // Corrected, the field's message goes before the form is sent again.
      await current.fill(TEST_PASSWORD);
      await expect.poll(() => current.getAttribute('aria-invalid')).toBeNull();
      expect(await page.getByText(t.errors.wrong_password).count()).toBe(0);
      await page.getByLabel(s.password.new).fill('short');
      await page.getByRole('button', { name: s.password.submit }).click();
      await page.getByRole('alert').getByText(t.errors.password_too_short).waitFor();
      // The rule refused is read out with the new password, which takes the focus.
      const newPassword = page.getByLabel(s.password.new);
      await expect.poll(() => newPassword.getAttribute('aria-invalid')).toBe('true');
      await expect.poll(() => newPassword.evaluate((el) => el === document.activeElement)).toBe(true);

      await page.getByLabel(s.password.new).fill(NEW_PASSWORD);
      await page.getByRole('button', { name: s.password.submit }).click();
      await page.getByRole('status').getByText(s.password.changed).waitFor();
      await checkPage(page, 'security-password-changed', language);

      await page.getByRole('button', { name: t.shell.signOut }).click();
      await page.getByRole('heading', { level: 1, name: t.signIn.title }).waitFor();
      await page.getByLabel(t.signIn.email).fill(account.email);
      await page.getByLabel(t.signIn.password, { exact: true }).fill(TEST_PASSWORD);
      await page.getByRole('button', { name: t.signIn.submit }).click();
      await page.getByRole('alert').getByText(t.errors.invalid_credentials).waitFor();
      await signInWith(portal, page, account, NEW_PASSWORD);
      await page.context().close();
    });

    it('signs out another sign-in, then all the others', async () => {
      const account = await portal.createAccount({ name: 'Sigge Session', language });
      const page = await portal.newPage(language);
      const elsewhere = await portal.newPage(language);
      const thirdPlace = await portal.newPage(language);
      await portal.signIn({ page, as: account });
      await portal.signIn({ page: elsewhere, as: account });

      await openFromMenu(page, s.menu.sessions, s.sessions.title);
      const list = page.getByRole('list', { name: s.sessions.listTitle });
      await expect.poll(() => list.getByRole('listitem').count()).toBe(2);
      await list.getByText(s.sessions.current).waitFor();
      await checkPage(page, 'security-sessions-two', language);

      // Only the other sign-in has a button; this one signs out from the header.
      const signOutOther = list.getByRole('button', { name: s.sessions.signOut });
      await expect.poll(() => signOutOther.count()).toBe(1);
      await signOutOther.click();
      await page.getByRole('status').getByText(s.sessions.signedOut.split('{{device}}')[1]!.trim()).waitFor();
      await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
      await page.getByText(s.sessions.noOthers).waitFor();
      await checkPage(page, 'security-sessions-signed-out', language);

      // The other browser finds its session gone.
      await elsewhere.goto('/account');
      await elsewhere.getByRole('heading', { level: 1, name: t.signIn.title }).waitFor();

      await portal.signIn({ page: thirdPlace, as: account });
      await page.reload();
      await expect.poll(() => list.getByRole('listitem').count()).toBe(2);
      await page.getByRole('button', { name: s.sessions.signOutOthers }).click();
      await page.getByRole('status').getByText(s.sessions.signedOutOthers_one.replace('{{count}}', '1')).waitFor();
      await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
      await thirdPlace.goto('/account');
      await thirdPlace.getByRole('heading', { level: 1, name: t.signIn.title }).waitFor();

      for (const each of [page, elsewhere, thirdPlace]) await each.context().close();
    });

    it('removes a trusted device', async () => {
      const account = await portal.createAccount({ name: 'Tove Tillit', language });
      const page = await portal.newPage(language);
      await portal.signIn({ page, as: account, trustDevice: true });
      await openFromMenu(page, s.menu.devices, s.devices.title);
      const list = page.getByRole('list', { name: s.devices.listTitle });
      await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
      await checkPage(page, 'security-devices-one', language);

      await list.getByRole('button', { name: s.common.remove }).click();
      await page.getByText(s.devices.empty).waitFor();
      await page
        .getByRole('status')
        .filter({ hasText: s.devices.removed.split('{{name}}')[1]!.trim() })
        .waitFor();
      await checkPage(page, 'security-devices-removed', language);

      // No longer trusted: the next sign-in asks for a code again.
      await page.getByRole('button', { name: t.shell.signOut }).click();
      await page.getByLabel(t.signIn.email).fill(account.email);
      await page.getByLabel(t.signIn.password, { exact: true }).fill(TEST_PASSWORD);
      await page.getByRole('button', { name: t.signIn.submit }).click();
      await page.getByRole('heading', { level: 1, name: t.signIn.codeTitle }).waitFor();
      await page.context().close();
    });

    it('creates an integration token, shows it once, and revokes it', async () => {
      const account = await portal.createAccount({ name: 'Ivar Integration', language });
      const page = await portal.newPage(language);
      await portal.signIn({ page, as: account });
      await openFromMenu(page, s.menu.integrations, s.integrations.title);

      await page.getByRole('button', { name: s.integrations.create }).click();
      await page.getByRole('alert').getByText(s.integrations.nameMissing).waitFor();
      await expect.poll(() => page.getByLabel(s.integrations.name).getAttribute('aria-invalid')).toBe('true');

      await page.getByLabel(s.integrations.name).fill('Home Assistant');
      await page.getByLabel(s.integrations.scope.read_write).check();
      await page.getByRole('button', { name: s.integrations.create }).click();
      const shownOnce = page.getByRole('heading', { level: 3, name: s.integrations.createdTitle });
      await shownOnce.waitFor();
      await expect.poll(() => shownOnce.evaluate((el) => el === document.activeElement)).toBe(true);
      const token = await page.getByLabel(s.integrations.tokenLabel.replace('{{name}}', 'Home Assistant')).inputValue();
      await checkPage(page, 'security-integrations-created', language);

      // The token works against the API until it is revoked.
      const asIntegration = () => fetch(`${portal.baseUrl}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
      expect((await asIntegration()).status).toBe(200);

      await page.getByRole('button', { name: s.integrations.done }).click();
      const list = page.getByRole('list', { name: s.integrations.listTitle });
      await list.getByText('Home Assistant').waitFor();
      await list.getByText(s.integrations.scope.read_write).waitFor();
      await list
        .getByText(s.common.neverUsed)
        .or(list.getByText(s.common.lastUsed.split('{{date}}')[0]!.trim()))
        .first()
        .waitFor();
      await checkPage(page, 'security-integrations-listed', language);

      await list.getByRole('button', { name: s.integrations.revokeNamed.replace('{{name}}', 'Home Assistant') }).click();
      await page.getByRole('status').getByText(s.integrations.revoked.replace('{{name}}', 'Home Assistant')).waitFor();
      await page.getByText(s.integrations.empty).waitFor();
      expect((await asIntegration()).status).toBe(401);
      await page.context().close();
    });

    it('connects an authenticator app, lists it and shows it in the activity log', async () => {
      const account = await portal.createAccount({ name: 'Tage Totp', language });
      const page = await portal.newPage(language);
      await portal.signIn({ page, as: account });
      await openFromMenu(page, s.menu.twoFactor, s.twoFactor.title);
      await page.getByText(s.twoFactor.noApps).waitFor();

      await page.getByLabel(s.twoFactor.appLabel).fill('Min mobil');
      await page.getByRole('button', { name: s.twoFactor.addApp }).click();
      const enrolHeading = page.getByRole('heading', { level: 3, name: s.twoFactor.enrolTitle });
      await enrolHeading.waitFor();
      await expect.poll(() => enrolHeading.evaluate((el) => el === document.activeElement)).toBe(true);
      // The QR code is drawn on the page from the same link the app would open, with no outside service.
      const qr = page.getByRole('img', { name: s.twoFactor.qrAlt });
      await qr.waitFor();
      const enrolUri = await page.getByRole('link', { name: s.twoFactor.enrolLink }).getAttribute('href');
      expect(await qr.getAttribute('src')).toBe(await qrCodeDataUrl(enrolUri!));
      const key = await page.locator('.enrolment__secret code').textContent();
      expect(key).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/);
      expect(key!.replace(/ /g, '')).toBe(OTPAuth.URI.parse(enrolUri!).secret.base32);
      await checkPage(page, 'security-two-factor-enrol', language);

      await page.getByLabel(s.twoFactor.appCode).fill('000000');
      await page.getByRole('button', { name: s.twoFactor.confirmApp }).click();
      await page.getByRole('alert').getByText(t.errors.invalid_code).waitFor();

      // The app would read the same key from the otpauth link.
      const uri = await page.getByRole('link', { name: s.twoFactor.enrolLink }).getAttribute('href');
      const app = OTPAuth.URI.parse(uri!);
      await page.getByLabel(s.twoFactor.appCode).fill(app.generate());
      await page.getByRole('button', { name: s.twoFactor.confirmApp }).click();
      await page.getByRole('status').getByText(s.twoFactor.appAdded).waitFor();
      const apps = page.getByRole('list', { name: s.twoFactor.appsTitle });
      await apps.getByText('Min mobil').waitFor();
      // The new app becomes what sign-ins ask for first.
      await expect.poll(() => page.getByLabel(s.twoFactor.preferred.totp).isChecked()).toBe(true);
      await checkPage(page, 'security-two-factor-app', language);

      await openFromMenu(page, s.menu.activity, s.activity.title);
      await page.getByText(s.activity.kind.totp_added).waitFor();
      await page.getByText(s.activity.kind.sign_in, { exact: true }).first().waitFor();
      await checkPage(page, 'security-activity-filled', language);
      await page.context().close();
    });

    it('asks a trusted-device sign-in to confirm who it is before connecting an app or creating a token', async () => {
      const account = await portal.createAccount({ name: 'Stina Stegupp', language });
      const page = await portal.newPage(language);
      await portal.signInOnTrustedDevice({ page, as: account });
      const dialog = page.getByRole('dialog', { name: t.stepUp.title });

      // Cancelled, nothing happens and the page says why.
      await openFromMenu(page, s.menu.twoFactor, s.twoFactor.title);
      await page.getByRole('button', { name: s.twoFactor.addApp }).click();
      await dialog.waitFor();
      await dialog.getByRole('button', { name: t.stepUp.cancel }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('alert').getByText(t.errors.step_up_required).waitFor();

      // Confirmed, the same press goes on to the app's key.
      await page.getByRole('button', { name: s.twoFactor.addApp }).click();
      await dialog.getByLabel(t.stepUp.password).fill(TEST_PASSWORD);
      await dialog.getByRole('button', { name: t.stepUp.confirm, exact: true }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('heading', { level: 3, name: s.twoFactor.enrolTitle }).waitFor();

      // The confirmation holds for a while: creating a token right after asks nothing.
      await openFromMenu(page, s.menu.integrations, s.integrations.title);
      await page.getByLabel(s.integrations.name).fill('Hemmet');
      await page.getByRole('button', { name: s.integrations.create }).click();
      await page.getByRole('heading', { level: 3, name: s.integrations.createdTitle }).waitFor();
      expect(await dialog.isVisible()).toBe(false);
      await page.context().close();
    });
  });
});
