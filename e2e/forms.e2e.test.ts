import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkPage, describeInBrowser, portalForSuite, TEST_PASSWORD, texts } from './portal.ts';

/** What a screen reader reads with a field besides its label: the texts its aria-describedby names. */
const descriptionOf = (field: Locator) =>
  field.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ')
      .trim(),
  );
const isFocused = (field: Locator) => field.evaluate((element) => element === document.activeElement);

describeInBrowser('Form errors at the field that failed, in a real browser', () => {
  const portal = portalForSuite();

  describe.each(['sv', 'en'] as const)('in %s', (language) => {
    const t = texts(language);
    const i = t.installation;
    const openCodeWords = async (page: Page) => {
      await page.getByRole('navigation', { name: t.shell.mainMenu }).getByRole('link', { name: i.menu.codeWords, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: i.codeWords.title }).waitFor();
    };

    it('a code word that is too short is named at its own field, and the error goes when that field is edited', async () => {
      const owner = await portal.createAccount({ name: 'Frida Fält', language });
      await portal.createInstallation([{ accountId: owner.id, level: 'owner' }], `Fältet ${language}`);
      const page = await portal.newPage(language);
      await portal.signIn({ page, as: owner });
      await openCodeWords(page);

      const customerWord = page.getByLabel(i.codeWords.newCustomerWord);
      const companyWord = page.getByLabel(i.codeWords.newCompanyWord);
      await customerWord.fill('Blåbärsskog');
      await companyWord.fill('Nej');
      await page.getByRole('button', { name: i.codeWords.save }).click();

      await page.getByRole('alert').getByText(t.errors.code_word_too_short).waitFor();
      await expect.poll(() => companyWord.getAttribute('aria-invalid')).toBe('true');
      expect(await descriptionOf(companyWord)).toBe(t.errors.code_word_too_short);
      expect(await customerWord.getAttribute('aria-invalid')).toBeNull();
      expect(await isFocused(companyWord)).toBe(true);
      // The message is at the field, not repeated above the form.
      expect(await page.getByRole('alert').count()).toBe(1);
      await checkPage(page, 'form-code-word-too-short', language);

      await companyWord.pressSequentially('lika');
      await expect.poll(() => companyWord.getAttribute('aria-invalid')).toBeNull();
      expect(await page.getByText(t.errors.code_word_too_short).count()).toBe(0);
      await checkPage(page, 'form-code-word-edited', language);
      await page.context().close();
    });

    it('the step-up dialog says the password is wrong, at the password, until it is edited', async () => {
      const owner = await portal.createAccount({ name: 'Sture Steg', language });
      await portal.createInstallation([{ accountId: owner.id, level: 'owner' }], `Steget ${language}`);
      const page = await portal.newPage(language);
      await portal.signInOnTrustedDevice({ page, as: owner });
      await openCodeWords(page);
      await page.getByLabel(i.codeWords.newCustomerWord).fill('Blåklocka');
      await page.getByRole('button', { name: i.codeWords.save }).click();

      const dialog = page.getByRole('dialog', { name: t.stepUp.title });
      const password = dialog.getByLabel(t.stepUp.password);
      await password.fill('inte mitt lösenord alls');
      await dialog.getByRole('button', { name: t.stepUp.confirm, exact: true }).click();
      await dialog.getByRole('alert').getByText(t.errors.wrong_password).waitFor();
      expect(await dialog.getByText(t.errors.invalid_credentials).count()).toBe(0);
      await expect.poll(() => password.getAttribute('aria-invalid')).toBe('true');
      expect(await descriptionOf(password)).toBe(t.errors.wrong_password);
      expect(await isFocused(password)).toBe(true);
      await checkPage(page, 'form-step-up-wrong-password', language);

      await password.pressSequentially(TEST_PASSWORD);
      await expect.poll(() => password.getAttribute('aria-invalid')).toBeNull();
      expect(await dialog.getByText(t.errors.wrong_password).count()).toBe(0);
      await dialog.getByRole('button', { name: t.stepUp.confirm, exact: true }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByText(i.codeWords.saved).waitFor();
      await page.context().close();
    });
  });
});
