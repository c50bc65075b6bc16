import { describe, expect, it } from 'vitest';
import { formatPhone } from '../contract/format/phone.ts';
import { invitationStorageKey } from '../web/lib/invitation-token.ts';
import { languageStorageKey } from '../web/lib/i18n.ts';
import { checkPage, describeInBrowser, portalForSuite, TEST_PASSWORD, texts } from './portal.ts';

/** Codes may be re-sent after this many seconds here (30 in production) so the journey need not wait long. */
const RESEND_INTERVAL_SECONDS = 8;

describeInBrowser('Mina sidor in a real browser', () => {
  const portal = portalForSuite({ CODE_RESEND_INTERVAL_SECONDS: String(RESEND_INTERVAL_SECONDS) });

  describe.each(['sv', 'en'] as const)('in %s', (language) => {
    const t = texts(language);

    it('signs in with the SMS code and shows the overview and the account', async () => {
      const account = await portal.createAccount({ name: 'Sara Sms', language });
      const page = await portal.newPage(language);
      await page.goto('/');
      // Signed out, the portal sends the visitor to sign in.
      await page.getByRole('heading', { level: 1, name: t.signIn.title }).waitFor();
      await checkPage(page, 'sign-in', language);

      await page.getByLabel(t.signIn.email).fill(account.email);
      await page.getByLabel(t.signIn.password, { exact: true }).fill(TEST_PASSWORD);
      await page.getByRole('button', { name: t.signIn.submit }).click();
      const codeHeading = page.getByRole('heading', { level: 1, name: t.signIn.codeTitle });
      await codeHeading.waitFor();
      // Focus moves to the new step so screen readers start there.
      await expect.poll(() => codeHeading.evaluate((el) => el === document.activeElement)).toBe(true);
      // Where the code went, masked.
      await page.getByText(t.signIn.sentBySms.replace('{{to}}', `+46 *** ** ${account.phone!.slice(-2)}`)).waitFor();
      await checkPage(page, 'sign-in-code', language);

      await page.getByLabel(t.signIn.code).fill('000000');
      await page.getByRole('button', { name: t.signIn.verify, exact: true }).click();
      await page.getByRole('alert').getByText(t.errors.invalid_code).waitFor();
      await checkPage(page, 'sign-in-code-wrong', language);

      await page.getByLabel(t.signIn.code).fill(await portal.latestCode(account.phone!));
      await page.getByRole('button', { name: t.signIn.verify, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: t.overview.greeting.replace('{{name}}', account.name) }).waitFor();
      await page.getByText(t.overview.signedInWithSms).waitFor();
      await checkPage(page, 'overview', language);

      await page.getByRole('navigation', { name: t.shell.mainMenu }).getByRole('link', { name: t.menu.account }).click();
      await page.getByRole('heading', { level: 1, name: t.account.title }).waitFor();
      await page.getByText(account.email).waitFor();
      await page.getByText(formatPhone(account.phone!)).waitFor();
      await checkPage(page, 'account', language);

      const invitation = JSON.stringify({ token: 'an-invitation-for-another-account' });
      await page.evaluate(([key, value]) => (localStorage.setItem('left-behind', 'yes'), localStorage.setItem(key, value)), [invitationStorageKey, invitation] as const);
      await page.getByRole('button', { name: t.shell.signOut }).click();
      await page.getByRole('status').getByText(t.signIn.signedOut).waitFor();
      // Clear-Site-Data dropped what the signed-in pages stored; the language and a waiting invitation stay.
      const stored = await page.evaluate((keys) => ['left-behind', ...keys].map((key) => localStorage.getItem(key)), [languageStorageKey, invitationStorageKey]);
      expect(stored).toEqual([null, language, invitation]);
      await checkPage(page, 'signed-out', language);
      await page.goto('/account');
      await page.getByRole('heading', { level: 1, name: t.signIn.title }).waitFor();
      await page.context().close();
    });

    it('sends the code by e-mail at once on "I didn\'t get a code"; another code waits as the server asks', async () => {
      const account = await portal.createAccount({ name: 'Erik Epost', language });
      const page = await portal.newPage(language);
      await page.goto('/sign-in');
      await page.getByLabel(t.signIn.email).fill(account.email);
      await page.getByLabel(t.signIn.password, { exact: true }).fill(TEST_PASSWORD);
      await page.getByRole('button', { name: t.signIn.submit }).click();
      const noCode = page.getByRole('button', { name: t.signIn.noCode });

      // A wrong number or no phone at hand is known at once: the switch to e-mail does not wait.
      await noCode.click();
      const masked = `${account.email[0]}***${account.email.split('@')[0]!.slice(-1)}@example.com`;
      await page.getByRole('status').getByText(t.signIn.resentByEmail.replace('{{to}}', masked)).waitFor();

      // Another code right after must wait: the time left is shown and counts down.
      await noCode.click();
      await page.getByRole('alert').getByText(t.errors.resend_too_soon).waitFor();
      const wait = t.signIn.resendWait.split('{{time}}')[0]!;
      await expect.poll(() => page.getByRole('timer').textContent()).toMatch(new RegExp(`^${wait}\\d s`));
      await checkPage(page, 'sign-in-resend-wait', language);
      await page
        .getByRole('status')
        .getByText(t.signIn.waitOver)
        .waitFor({ timeout: (RESEND_INTERVAL_SECONDS + 5) * 1000 });
      await checkPage(page, 'sign-in-code-by-email', language);

      await page.getByLabel(t.signIn.code).fill(await portal.latestCode(account.email));
      await page.getByRole('button', { name: t.signIn.verify, exact: true }).click();
      await page.getByText(t.overview.signedInWithEmail).waitFor();
      await page.context().close();
    });

    it('skips the code on a trusted device', async () => {
      const account = await portal.createAccount({ name: 'Tina Tillit', language });
      const page = await portal.newPage(language);
      await portal.signIn({ page, as: account, trustDevice: true });
      await page.getByRole('button', { name: t.shell.signOut }).click();
      await page.getByRole('heading', { level: 1, name: t.signIn.title }).waitFor();

      await page.getByLabel(t.signIn.email).fill(account.email);
      await page.getByLabel(t.signIn.password, { exact: true }).fill(TEST_PASSWORD);
      await page.getByRole('button', { name: t.signIn.submit }).click();
      await page.getByText(t.overview.signedInWithTrustedDevice).waitFor();
      await page.context().close();
    });

    it('locks the account after four wrong passwords and shows the time left', async () => {
      const account = await portal.createAccount({ name: 'Lars Låst', language });
      const page = await portal.newPage(language);
      await page.goto('/sign-in');
      await page.getByLabel(t.signIn.email).fill(account.email);
      const password = page.getByLabel(t.signIn.password, { exact: true });
      const submit = page.getByRole('button', { name: t.signIn.submit });
      for (let attempt = 1; attempt <= 3; attempt += 1) {
        await password.fill(`wrong password ${attempt}`);
        await submit.click();
        await page.getByRole('alert').getByText(t.errors.invalid_credentials).waitFor();
      }
      await password.fill('wrong password 4');
      await submit.click();
      await page.getByRole('alert').getByText(t.errors.account_locked).waitFor();
      const tryAgain = t.signIn.tryAgainIn.split('{{time}}')[0]!;
      await expect.poll(() => page.getByRole('timer').textContent()).toMatch(new RegExp(`^${tryAgain}1[45] min \\d\\d s`));
      // What to do: the alarm is fine, a new password lifts the lock now, or call customer service.
      const notice = page.getByRole('alert');
      await notice.getByText(t.signIn.lockedAlarmUnaffected).waitFor();
      await notice.getByText(t.signIn.lockedResetLifts).waitFor();
      await notice.getByRole('link', { name: /^\+?[\d ()-]+$/ }).waitFor();
      await checkPage(page, 'sign-in-locked', language);

      // Even the right password is refused while locked.
      await password.fill(TEST_PASSWORD);
      await submit.click();
      await page.getByRole('alert').getByText(t.errors.account_locked).waitFor();
      await notice.getByRole('link', { name: t.signedOut.links.forgotPassword }).click();
      await page.waitForURL('**/forgot-password');
      await page.context().close();
    });

    it('shows the dev inbox and a page for unknown addresses', async () => {
      const account = await portal.createAccount({ name: 'Doris Dev', language });
      const page = await portal.newPage(language);
      await page.goto('/sign-in');
      await page.getByLabel(t.signIn.email).fill(account.email);
      await page.getByLabel(t.signIn.password, { exact: true }).fill(TEST_PASSWORD);
      await page.getByRole('button', { name: t.signIn.submit }).click();
      await page.getByRole('heading', { level: 1, name: t.signIn.codeTitle }).waitFor();

      await page.goto(`/dev/inbox?to=${encodeURIComponent(account.phone!)}`);
      await page.getByRole('heading', { level: 1, name: t.devInbox.title }).waitFor();
      await page.getByRole('listitem').getByText(t.devInbox.to.replace('{{to}}', account.phone!)).waitFor();
      await checkPage(page, 'dev-inbox', language);
      await page.goto('/no/such/page');
      await page.getByRole('heading', { level: 1, name: t.notFound.title }).waitFor();
      await checkPage(page, 'not-found', language);
      await page.context().close();
    });
  });

  it('switches language, remembers it and sets <html lang>', async () => {
    const sv = texts('sv');
    const en = texts('en');
    const account = await portal.createAccount({ name: 'Signe Språk' });
    const page = await portal.newPage('sv');
    await page.goto('/sign-in');
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    await page.getByRole('button', { name: sv.language.en }).click();
    await page.getByRole('heading', { level: 1, name: en.signIn.title }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.title()).toBe(en.app.pageTitle.replace('{{page}}', en.signIn.title));

    await page.reload();
    await page.getByRole('heading', { level: 1, name: en.signIn.title }).waitFor();

    await portal.signIn({ page, as: account });
    await page.getByRole('button', { name: en.language.sv }).click();
    await page.getByRole('navigation', { name: sv.shell.mainMenu }).getByRole('link', { name: sv.menu.overview }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    await page.context().close();
  });

  it('has a skip link and collapses the menu behind a button on phones', async () => {
    const t = texts('sv');
    const account = await portal.createAccount({ name: 'Mona Mobil' });
    const page = await portal.newPage('sv', 360);
    await portal.signIn({ page, as: account });
    // On a fresh load the first Tab reaches the skip link, which jumps past header and menu.
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    const skipLink = page.getByRole('link', { name: t.app.skipToContent });
    expect(await skipLink.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

    const menuButton = page.getByRole('button', { name: t.shell.menuButton });
    const menu = page.getByRole('navigation', { name: t.shell.mainMenu });
    expect(await menuButton.getAttribute('aria-expanded')).toBe('false');
    expect(await menu.isVisible()).toBe(false);
    await menuButton.click();
    expect(await menuButton.getAttribute('aria-expanded')).toBe('true');
    await menu.getByRole('link', { name: t.menu.account }).click();
    await page.getByRole('heading', { level: 1, name: t.account.title }).waitFor();
    expect(await menu.isVisible()).toBe(false);
    await page.context().close();
  });
});
