import { describe, expect, it } from 'vitest';
import { checkPage, describeInBrowser, portalForSuite, TEST_PASSWORD, texts } from './portal.ts';

describeInBrowser('Konto: the account page in a real browser', () => {
  const portal = portalForSuite();

  describe.each(['sv', 'en'] as const)('in %s', (language) => {
    const t = texts(language);

    it('changes the mobile number and e-mail after confirming with the password in the step-up dialog', async () => {
      const account = await portal.createAccount({ name: 'Kim Konto', language });
      const page = await portal.newPage(language);
      await portal.signInOnTrustedDevice({ page, as: account });
      await page.getByRole('navigation', { name: t.shell.mainMenu }).getByRole('link', { name: t.menu.account }).click();
      await page.getByRole('heading', { level: 1, name: t.account.title }).waitFor();
      await checkPage(page, 'account-edit', language);

      // Typed the Swedish way, stored in E.164, shown the Swedish way again.
      const digits = String(Date.now()).slice(-7);
      const newPhone = `+4670${digits}`;
      const shownPhone = `070-${digits.slice(0, 3)} ${digits.slice(3, 5)} ${digits.slice(5)}`;
      await page.getByLabel(t.account.newPhone).fill(shownPhone);
      await page.getByRole('button', { name: t.account.sendPhoneCode }).click();
      // The change needs a fresh confirmation: the dialog asks, then the change goes through.
      const dialog = page.getByRole('dialog', { name: t.stepUp.title });
      await dialog.waitFor();
      await checkPage(page, 'step-up-dialog', language);
      await dialog.getByLabel(t.stepUp.password).fill('not the password');
      await dialog.getByRole('button', { name: t.stepUp.confirm, exact: true }).click();
      // Signed in, the user is told it is the password that is wrong, not "address or password".
      await dialog.getByRole('alert').getByText(t.errors.wrong_password).waitFor();
      await dialog.getByLabel(t.stepUp.password).fill(TEST_PASSWORD);
      await dialog.getByRole('button', { name: t.stepUp.confirm, exact: true }).click();
      await dialog.waitFor({ state: 'hidden' });

      await page.getByLabel(t.account.phoneCode).fill(await portal.latestCode(newPhone));
      await page.getByRole('button', { name: t.account.confirmPhone }).click();
      await page.getByRole('status').getByText(t.account.phoneChanged).waitFor();
      await page.getByRole('definition').getByText(shownPhone).waitFor();
      // A new number abroad gets no SMS: the page says so and where to turn.
      await page.getByLabel(t.account.newPhone).fill('+44 7400 123456');
      await page.getByRole('button', { name: t.account.sendPhoneCode }).click();
      await page.getByRole('alert').getByText(t.errors.sms_destination_not_allowed).waitFor();

      // Still within the step-up's few minutes: no second question.
      const newEmail = `ny.${account.email}`;
      await page.getByLabel(t.account.newEmail).fill(newEmail);
      await page.getByRole('button', { name: t.account.changeEmail }).click();
      await page.getByRole('status').getByText(t.account.emailChangeSent.replace('{{email}}', newEmail)).waitFor();
      expect(await dialog.isVisible()).toBe(false);
      await checkPage(page, 'account-changed', language);
      await page.context().close();
    });

    it('links from Konto to changing the password', async () => {
      const account = await portal.createAccount({ name: 'Lina Länk', language });
      const page = await portal.newPage(language);
      await portal.signIn({ page, as: account });
      await page.goto('/account');
      await page.getByRole('heading', { level: 1, name: t.account.title }).waitFor();
      await page.getByRole('link', { name: t.account.changePassword }).click();
      await page.getByRole('heading', { level: 1, name: t.security.password.title }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/security/password');
      await page.context().close();
    });
  });

  it('cancelling the step-up dialog leaves the change undone and says why', async () => {
    const t = texts('sv');
    const account = await portal.createAccount({ name: 'Ada Avbryt' });
    const page = await portal.newPage('sv');
    await portal.signInOnTrustedDevice({ page, as: account });
    await page.goto('/account');
    await page.getByLabel(t.account.newEmail).fill(`annan.${account.email}`);
    await page.getByRole('button', { name: t.account.changeEmail }).click();
    const dialog = page.getByRole('dialog', { name: t.stepUp.title });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('alert').getByText(t.errors.step_up_required).waitFor();
    await page.context().close();
  });

  it('remembers the language per account, not per browser', async () => {
    const sv = texts('sv');
    const en = texts('en');
    const account = await portal.createAccount({ name: 'Sture Språk', language: 'sv' });
    const page = await portal.newPage('sv');
    await portal.signIn({ page, as: account });
    await page.goto('/account');
    await page.getByRole('group', { name: sv.account.language }).getByLabel(en.language.en).check();
    await page.getByRole('button', { name: sv.account.save }).click();
    await page.getByRole('heading', { level: 1, name: en.account.title }).waitFor();
    await page.context().close();

    // A browser that never saw this account starts in Swedish and turns English once signed in.
    const elsewhere = await portal.newPage('sv');
    await elsewhere.goto('/sign-in');
    await elsewhere.getByLabel(sv.signIn.email).fill(account.email);
    await elsewhere.getByLabel(sv.signIn.password, { exact: true }).fill(TEST_PASSWORD);
    await elsewhere.getByRole('button', { name: sv.signIn.submit }).click();
    await elsewhere.getByLabel(sv.signIn.code).fill(await portal.latestCode(account.phone!));
    await elsewhere.getByRole('button', { name: sv.signIn.verify, exact: true }).click();
    await elsewhere.getByRole('heading', { level: 1, name: en.overview.greeting.replace('{{name}}', account.name) }).waitFor();

    // The header's switch saves the choice to the account too.
    await elsewhere.getByRole('button', { name: en.language.sv }).click();
    const savedLanguage = async () => ((await (await elsewhere.request.get('/api/v1/me')).json()) as { language: string }).language;
    await expect.poll(savedLanguage).toBe('sv');
    await elsewhere.context().close();
  });

  it('closes the account, says so, and ends the session', async () => {
    const t = texts('en');
    const account = await portal.createAccount({ name: 'Stig Slut', language: 'en' });
    const page = await portal.newPage('en');
    await portal.signInOnTrustedDevice({ page, as: account });
    await page.goto('/account');
    const close = page.getByRole('button', { name: t.account.close });
    expect(await close.isDisabled()).toBe(true);
    await page.getByLabel(t.account.closeUnderstood).check();
    await close.click();
    const dialog = page.getByRole('dialog', { name: t.stepUp.title });
    await dialog.getByLabel(t.stepUp.password).fill(TEST_PASSWORD);
    await dialog.getByRole('button', { name: t.stepUp.confirm, exact: true }).click();
    // It ends on a page saying the account is closed, not merely signed out.
    await page.getByRole('heading', { level: 1, name: t.accountClosed.title }).waitFor();
    await checkPage(page, 'account-closed', 'en');
    await page.goto('/account');
    await page.getByRole('heading', { level: 1, name: t.signIn.title }).waitFor();
    await page.context().close();
  });
});
