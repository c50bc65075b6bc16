import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Account, checkPage, describeInBrowser, portalForSuite, texts } from './portal.ts';

/** The phone width the issue names; `checkPage` looks at every page at 1280 px and at 360 px as well. */
const phoneWidth = 390;
const inviteePassword = 'Blå häst springer 42 varv';

describeInBrowser('An invited person keeps the mobile number the owner typed (ADR 0045)', () => {
  const portal = portalForSuite();

  describe.each(['sv', 'en'] as const)('in %s', (language) => {
    const t = texts(language);
    const i = t.installation;
    const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });
    /** A translated text up to its first placeholder, to find a sentence whose value is masked. */
    const startOf = (text: string) => new RegExp(text.split('{{')[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

    /** Password, then the code from `codeTo`'s inbox; ends on the page signing in leads to. */
    async function signIn(page: Page, email: string, codeTo: string, sentBy: string): Promise<void> {
      await page.getByLabel(t.signIn.email).fill(email);
      await page.getByLabel(t.signIn.password, { exact: true }).fill(inviteePassword);
      await page.getByRole('button', { name: t.signIn.submit }).click();
      await heading(page, t.signIn.codeTitle).waitFor();
      await page.getByText(startOf(sentBy)).waitFor();
      await page.getByLabel(t.signIn.code).fill(await portal.latestCode(codeTo));
      await page.getByRole('button', { name: t.signIn.verify, exact: true }).click();
    }

    /** The owner adds the person on "Add user" with their mobile number, just signed in (so no step-up is asked). */
    async function inviteThroughAddUser(owner: Account, person: { name: string; email: string; phone: string }): Promise<void> {
      const page = await portal.newPage(language);
      await portal.signIn({ page, as: owner });
      await page.getByRole('navigation', { name: t.shell.mainMenu }).getByRole('link', { name: i.menu.addUser, exact: true }).click();
      await heading(page, i.addUser.title).waitFor();
      await page.getByRole('radio', { name: i.levels.user, exact: true }).check();
      await page.getByLabel(i.addUser.name).fill(person.name);
      await page.getByLabel(i.addUser.email).fill(person.email);
      await page.getByLabel(i.addUser.phone, { exact: true }).fill(person.phone);
      await page.getByRole('button', { name: i.addUser.submit }).click();
      await page.getByText(i.addUser.sent.replace('{{email}}', person.email)).waitFor();
      await page.context().close();
    }

    it('confirms the typed number with the SMS code while accepting, and later signs in with a code by SMS', async () => {
      const owner = await portal.createAccount({ name: 'Olle Ägare', language });
      await portal.createInstallation([{ accountId: owner.id, level: 'owner' }], `Sjöboden ${language}`);
      const newcomer = { name: `Nora Ny ${language}`, email: `nora.${language}@example.com`, phone: language === 'sv' ? '+46705551201' : '+46705551202' };

      await inviteThroughAddUser(owner, { ...newcomer, phone: newcomer.phone.replace('+46', '0') });

      // On a phone, the invitee creates an account, confirms the address and signs in: codes by e-mail, no number yet.
      const token = (await portal.messageMatching(newcomer.email, /\/invitation#token=([A-Za-z0-9_-]+)/))[1]!;
      let invitee = await portal.newPage(language, phoneWidth);
      const inviteeContext = invitee.context();
      await invitee.goto(`/invitation#token=${token}`);
      await heading(invitee, i.invitation.title).waitFor();
      await invitee.getByLabel(i.invitation.password, { exact: true }).fill(inviteePassword);
      await invitee.getByRole('button', { name: i.invitation.register }).click();
      await invitee.getByText(i.invitation.registered.replace('{{email}}', newcomer.email)).waitFor();
      const verifyToken = (await portal.messageMatching(newcomer.email, /\/verify-email#token=([A-Za-z0-9_-]+)/))[1]!;
      await invitee.close();
      invitee = await inviteeContext.newPage();
      await invitee.goto(`/verify-email#token=${verifyToken}`);
      await invitee.getByRole('button', { name: t.signedOut.verifyEmail.submit }).click();
      await invitee.getByRole('link', { name: t.signedOut.links.toSignIn }).click();
      await heading(invitee, t.signIn.title).waitFor();
      await signIn(invitee, newcomer.email, newcomer.email, t.signIn.sentByEmail);
      await heading(invitee, i.invitation.title).waitFor();

      // The number the owner typed waits to be confirmed, shown as readers in Sweden expect it.
      const phonePanel = invitee.getByRole('region', { name: i.invitation.phoneTitle });
      const typed = newcomer.phone.replace(/^\+46(\d{2})(\d{3})(\d{2})(\d{2})$/, '0$1-$2 $3 $4');
      const unbroken = typed.replace(/ /g, '\u00a0');
      await phonePanel.getByText(i.invitation.phoneIntro.replace('{{inviter}}', owner.name).replace('{{phone}}', unbroken)).waitFor();
      expect(await phonePanel.getByLabel(i.invitation.phone, { exact: true }).inputValue()).toBe(typed);
      await checkPage(invitee, 'invitation-phone-offered', language);

      await phonePanel.getByRole('button', { name: i.invitation.sendPhoneCode }).click();
      await phonePanel.getByText(startOf(i.invitation.phoneCodeSent)).waitFor();
      await phonePanel.getByLabel(i.invitation.phoneCode).fill(await portal.latestCode(newcomer.phone));
      await checkPage(invitee, 'invitation-phone-code', language);
      await phonePanel.getByRole('button', { name: i.invitation.confirmPhone }).click();
      await phonePanel.getByText(i.invitation.phoneConfirmed.replace('{{phone}}', unbroken)).waitFor();
      await checkPage(invitee, 'invitation-phone-confirmed', language);

      await invitee.getByRole('button', { name: i.invitation.accept }).click();
      await invitee.getByText(i.invitation.accepted.replace('{{alias}}', `Sjöboden ${language}`)).waitFor();
      await inviteeContext.close();

      // Later, on another device, the sign-in code comes by SMS to the confirmed number.
      const later = await portal.newPage(language, phoneWidth);
      await later.goto('/sign-in');
      await signIn(later, newcomer.email, newcomer.phone, t.signIn.sentBySms);
      await heading(later, t.overview.greeting.replace('{{name}}', newcomer.name)).waitFor();
      await checkPage(later, 'invitation-phone-signed-in-by-sms', language);
      await later.context().close();
    });

    it('an account without a number that accepts without confirming keeps getting its codes by e-mail', async () => {
      const owner = await portal.createAccount({ name: 'Ingrid Inbjuder', language });
      await portal.createInstallation([{ accountId: owner.id, level: 'owner' }], `Torpet ${language}`);
      const newcomer = await portal.createAccount({ name: `Sam Snabb ${language}`, language, phone: null, password: inviteePassword });
      await inviteThroughAddUser(owner, { name: newcomer.name, email: newcomer.email, phone: '070-555 12 99' });
      const token = (await portal.messageMatching(newcomer.email, /\/invitation#token=([A-Za-z0-9_-]+)/))[1]!;

      const invitee = await portal.newPage(language);
      await invitee.goto(`/invitation#token=${token}`);
      await invitee.getByRole('link', { name: i.invitation.signInToAccept }).click();
      await signIn(invitee, newcomer.email, newcomer.email, t.signIn.sentByEmail);
      await invitee.getByRole('region', { name: i.invitation.phoneTitle }).getByText(i.invitation.phoneSkip).waitFor();
      await invitee.getByRole('button', { name: i.invitation.accept }).click();
      await invitee.getByText(i.invitation.accepted.replace('{{alias}}', `Torpet ${language}`)).waitFor();
      await invitee.context().close();

      const later = await portal.newPage(language);
      await later.goto('/sign-in');
      await later.getByLabel(t.signIn.email).fill(newcomer.email);
      await later.getByLabel(t.signIn.password, { exact: true }).fill(inviteePassword);
      await later.getByRole('button', { name: t.signIn.submit }).click();
      await later.getByText(startOf(t.signIn.sentByEmail)).waitFor();
      await later.getByText(t.signIn.fallbackNoPhone).waitFor();
      await later.context().close();
    });
  });
});
