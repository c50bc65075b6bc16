import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Account, checkPage, describeInBrowser, portalForSuite, TEST_PASSWORD, texts } from './portal.ts';

const contract = {
  contractNumber: 'AV-100200',
  startDate: '2025-03-01',
  bindingMonths: 24,
  services: ['alarm_monitoring', 'fire_alarm'] as const,
  monthlyPriceOre: 39_900,
  terminationState: 'none' as const,
  terminationRequestedOn: null,
  terminationEndsOn: null,
};

describeInBrowser(
  'Installations, users, code words and contact persons in a real browser',
  () => {
    const portal = portalForSuite();

    describe.each(['sv', 'en'] as const)('in %s', (language) => {
      const t = texts(language);
      const i = t.installation;
      const menu = (page: Page) => page.getByRole('navigation', { name: t.shell.mainMenu });
      const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name });
      /** Signed in from a trusted device, without a code, which is no step-up: changes then ask for one. */
      const signInOnTrustedDevice = async (account: Account): Promise<Page> => {
        const page = await portal.newPage(language);
        await portal.signInOnTrustedDevice({ page, as: account });
        return page;
      };
      /** The portal's step-up dialog, answered with the password. */
      const confirmInDialog = async (page: Page) => {
        const dialog = page.getByRole('dialog', { name: t.stepUp.title });
        await dialog.getByLabel(t.stepUp.password).fill(TEST_PASSWORD);
        await dialog.getByRole('button', { name: t.stepUp.confirm, exact: true }).click();
        await dialog.waitFor({ state: 'hidden' });
      };
      const goTo = async (page: Page, link: string, title: string) => {
        await menu(page).getByRole('link', { name: link, exact: true }).click();
        await heading(page, title).waitFor();
      };

      it('shows the owner the installation, its contract, code words, contacts and users; a new person accepts an invitation', async () => {
        const owner = await portal.createAccount({ name: 'Olle Ägare', language });
        await portal.createInstallation([{ accountId: owner.id, level: 'owner' }], `Villa Solsidan ${language}`, {
          ...contract,
          contractNumber: `AV-${language}-1`,
          services: [...contract.services],
          invoices: [
            { number: `F-${language}-1`, issuedOn: '2026-10-01', dueOn: '2026-10-31', amountOre: 39_900, status: 'paid' },
            { number: `F-${language}-2`, issuedOn: '2026-11-01', dueOn: '2026-11-30', amountOre: 39_900, status: 'unpaid' },
          ],
        });
        const other = await portal.createAccount({ name: 'Stina Stuga' });
        await portal.createInstallation(
          [
            { accountId: other.id, level: 'owner' },
            { accountId: owner.id, level: 'administrator' },
          ],
          `Sommarstugan ${language}`,
        );

        const page = await signInOnTrustedDevice(owner);
        // Two installations: the switcher chooses which one the pages show, and remembers it.
        await page.getByLabel(i.switcher.label, { exact: true }).selectOption({ label: `Villa Solsidan ${language}, Testvägen 1, Teststad` });
        await page.getByRole('button', { name: i.switcher.choose }).click();
        const panel = page.getByRole('region', { name: i.current.title });
        await panel.getByText(`Villa Solsidan ${language}`).waitFor();
        await panel.getByText(i.levels.owner).waitFor();
        await checkPage(page, 'installation-overview', language);
        await page.reload();
        await page.getByRole('region', { name: i.current.title }).getByText(`Villa Solsidan ${language}`).waitFor();

        await goTo(page, i.menu.contract, i.contract.title);
        await page.getByText(`AV-${language}-1`).waitFor();
        await page.getByRole('cell', { name: i.contract.invoiceStatus.unpaid }).waitFor();
        await checkPage(page, 'installation-contract', language);
        // On a phone each invoice stacks: the page does not scroll sideways and every row still reads as a table row.
        await page.setViewportSize({ width: 360, height: 800 });
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
        const table = page.getByRole('table', { name: i.contract.invoices });
        expect(await table.evaluate((el) => el.getBoundingClientRect().right)).toBeLessThanOrEqual(360);
        await page.getByRole('cell', { name: i.contract.invoiceStatus.unpaid }).waitFor();
        await page.setViewportSize({ width: 1280, height: 900 });

        await goTo(page, i.menu.codeWords, i.codeWords.title);
        await page.getByLabel(i.codeWords.newCustomerWord).waitFor();
        await checkPage(page, 'installation-code-words', language);

        await goTo(page, i.menu.contacts, i.contacts.title);
        await page.getByText(i.contacts.empty).waitFor();
        await checkPage(page, 'installation-contacts', language);

        await goTo(page, i.menu.userList, i.users.title);
        await page.getByRole('heading', { level: 3, name: new RegExp(owner.name) }).waitFor();
        await checkPage(page, 'installation-users', language);

        // Add user: level, details, send; the step-up dialog asks for the password first.
        await goTo(page, i.menu.addUser, i.addUser.title);
        await checkPage(page, 'installation-add-user', language);
        const newcomer = { name: `Nina Ny ${language}`, email: `nina.${language}@example.com` };
        await page.getByRole('radio', { name: i.levels.restricted, exact: true }).check();
        await page.getByLabel(i.addUser.name).fill(newcomer.name);
        await page.getByLabel(i.addUser.email).fill(newcomer.email);
        await page.getByLabel(i.addUser.phone, { exact: true }).fill('070-555 12 34');
        await page.getByRole('checkbox', { name: new RegExp(language === 'sv' ? 'lördag' : 'Saturday', 'i') }).check();
        await checkPage(page, 'installation-add-user-restricted', language);
        await page.getByRole('radio', { name: i.levels.user, exact: true }).check();
        await page.getByRole('button', { name: i.addUser.submit }).click();
        await confirmInDialog(page);
        await page.getByText(i.addUser.sent.replace('{{email}}', newcomer.email)).waitFor();
        await checkPage(page, 'installation-add-user-sent', language);
        await page.getByRole('link', { name: i.addUser.toUsers }).click();
        const invitations = page.getByRole('region', { name: i.users.invitations });
        await invitations.getByRole('heading', { level: 3, name: newcomer.name }).waitFor();
        await checkPage(page, 'installation-users-invited', language);

        // A new person, in their own browser: the link shows the invitation; they create an account.
        const token = (await portal.messageMatching(newcomer.email, /\/invitation#token=([A-Za-z0-9_-]+)/))[1]!;
        let invitee = await portal.newPage(language);
        const inviteeContext = invitee.context();
        await invitee.goto(`/invitation#token=${token}`);
        await heading(invitee, i.invitation.title).waitFor();
        await invitee.getByText(owner.name, { exact: false }).first().waitFor();
        expect(invitee.url()).not.toContain(token);
        await checkPage(invitee, 'invitation-signed-out', language);
        await expect.poll(() => invitee.getByLabel(i.invitation.name).inputValue()).toBe(newcomer.name);
        await invitee.getByLabel(i.invitation.password, { exact: true }).fill('Blå häst springer 42 varv');
        await invitee.getByRole('button', { name: i.invitation.register }).click();
        await invitee.getByText(i.invitation.registered.replace('{{email}}', newcomer.email)).waitFor();
        await checkPage(invitee, 'invitation-registered', language);

        // They confirm the address through the e-mailed link, which opens in a new tab; signing in
        // there leads straight on to the invitation, the address already filled in.
        const verifyToken = (await portal.messageMatching(newcomer.email, /\/verify-email#token=([A-Za-z0-9_-]+)/))[1]!;
        await invitee.close();
        invitee = await inviteeContext.newPage();
        await invitee.goto(`/verify-email#token=${verifyToken}`);
        await invitee.getByRole('button', { name: t.signedOut.verifyEmail.submit }).click();
        await invitee.getByRole('link', { name: t.signedOut.links.toSignIn }).click();
        await heading(invitee, t.signIn.title).waitFor();
        expect(await invitee.getByLabel(t.signIn.email).inputValue()).toBe(newcomer.email);
        // The forgot-password page reached from there has the address too.
        await invitee.getByRole('link', { name: t.signedOut.links.forgotPassword }).click();
        await heading(invitee, t.signedOut.forgot.title).waitFor();
        expect(await invitee.getByLabel(t.signedOut.forgot.email).inputValue()).toBe(newcomer.email);
        await checkPage(invitee, 'forgot-password-prefilled', language);
        await invitee.goBack();
        await heading(invitee, t.signIn.title).waitFor();
        await invitee.getByLabel(t.signIn.email).fill(newcomer.email);
        await invitee.getByLabel(t.signIn.password, { exact: true }).fill('Blå häst springer 42 varv');
        await invitee.getByRole('button', { name: t.signIn.submit }).click();
        await heading(invitee, t.signIn.codeTitle).waitFor();
        await invitee.getByLabel(t.signIn.code).fill(await portal.latestCode(newcomer.email));
        await invitee.getByRole('button', { name: t.signIn.verify, exact: true }).click();
        await heading(invitee, i.invitation.title).waitFor();
        await checkPage(invitee, 'invitation-signed-in', language);
        await invitee.getByRole('button', { name: i.invitation.accept }).click();
        await invitee.getByText(i.invitation.accepted.replace('{{alias}}', `Villa Solsidan ${language}`)).waitFor();
        await checkPage(invitee, 'invitation-accepted', language);
        await invitee.getByRole('link', { name: i.invitation.toPortal }).click();
        const inviteePanel = invitee.getByRole('region', { name: i.current.title });
        await inviteePanel.getByText(`Villa Solsidan ${language}`).waitFor();
        await inviteePanel.getByText(i.levels.user, { exact: true }).waitFor();
        await invitee.context().close();

        // The owner now sees the new user with the chosen level, and the invitation is gone.
        await page.reload();
        const members = page.getByRole('region', { name: i.users.members });
        const card = members.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: newcomer.name }) });
        await card.getByText(i.levels.user, { exact: true }).first().waitFor();
        await page.getByRole('region', { name: i.users.invitations }).getByText(i.users.noInvitations).waitFor();
        await checkPage(page, 'installation-users-joined', language);

        // The owner restricts the new user to Saturdays.
        await card.getByLabel(i.users.changeLevel.replace('{{name}}', newcomer.name)).selectOption(i.levels.restricted);
        await card.getByRole('checkbox', { name: new RegExp(language === 'sv' ? 'lördag' : 'Saturday', 'i') }).check();
        await checkPage(page, 'installation-users-change', language);
        await card.getByRole('button', { name: i.users.saveLevel }).click();
        await page.getByRole('status').getByText(i.users.levelChanged.replace('{{name}}', newcomer.name).replace('{{level}}', i.levels.restricted)).waitFor();
        await card.getByText(language === 'sv' ? 'lör' : 'Sat', { exact: true }).waitFor();
        await page.context().close();
      });

      it('lets the owner of another installation, signed in, open an invitation in a new tab and accept it', async () => {
        const inviter = await portal.createAccount({ name: 'Ingrid Inbjuder', language });
        await portal.createInstallation([{ accountId: inviter.id, level: 'owner' }], `Fjällstugan ${language}`);
        const neighbour = await portal.createAccount({ name: `Gustav Granne ${language}`, language });
        await portal.createInstallation([{ accountId: neighbour.id, level: 'owner' }], `Grannhuset ${language}`);

        const page = await signInOnTrustedDevice(inviter);
        await goTo(page, i.menu.addUser, i.addUser.title);
        await page.getByRole('radio', { name: i.levels.user, exact: true }).check();
        await page.getByLabel(i.addUser.name).fill(neighbour.name);
        await page.getByLabel(i.addUser.email).fill(neighbour.email);
        await page.getByLabel(i.addUser.phone, { exact: true }).fill('070-555 43 21');
        await page.getByRole('button', { name: i.addUser.submit }).click();
        await confirmInDialog(page);
        await page.getByText(i.addUser.sent.replace('{{email}}', neighbour.email)).waitFor();
        await page.context().close();

        // The neighbour is signed in to their own installation and opens the e-mailed link in a new tab:
        // that tab's first request is a change, made before it has asked for anything else.
        const token = (await portal.messageMatching(neighbour.email, /\/invitation#token=([A-Za-z0-9_-]+)/))[1]!;
        const signedIn = await signInOnTrustedDevice(neighbour);
        const tab = await signedIn.context().newPage();
        await tab.goto(`/invitation#token=${token}`);
        await heading(tab, i.invitation.title).waitFor();
        await tab.getByRole('button', { name: i.invitation.accept }).waitFor();
        await checkPage(tab, 'invitation-new-tab', language);
        await tab.getByRole('button', { name: i.invitation.accept }).click();
        await tab.getByText(i.invitation.accepted.replace('{{alias}}', `Fjällstugan ${language}`)).waitFor();
        await checkPage(tab, 'invitation-new-tab-accepted', language);
        await signedIn.context().close();
      });

      it('shows a user fewer menu items and explains a page their level does not reach', async () => {
        const owner = await portal.createAccount({ name: 'Agnes Ägare' });
        const user = await portal.createAccount({ name: 'Ulf Användare', language });
        await portal.createInstallation(
          [
            { accountId: owner.id, level: 'owner' },
            { accountId: user.id, level: 'user' },
          ],
          `Radhuset ${language}`,
        );
        const page = await portal.newPage(language);
        await portal.signIn({ page, as: user });
        const panel = page.getByRole('region', { name: i.current.title });
        await panel.getByText(i.levels.user, { exact: true }).waitFor();
        await menu(page).getByRole('link', { name: t.menu.account }).waitFor();
        for (const hidden of [i.menu.contract, i.menu.codeWords, i.menu.contacts, i.menu.userList, i.menu.addUser]) {
          expect(await menu(page).getByRole('link', { name: hidden, exact: true }).count()).toBe(0);
        }
        await checkPage(page, 'installation-overview-user', language);
        await page.goto('/code-words');
        await page.getByText(i.notAllowed.replace('{{level}}', i.levels.user)).waitFor();
        await checkPage(page, 'installation-not-allowed', language);

        // Any member but the owner may leave, after saying so once more.
        await menu(page).getByRole('link', { name: t.menu.overview }).click();
        await panel.getByRole('button', { name: i.current.leave }).click();
        await checkPage(page, 'installation-leave-confirm', language);
        await panel.getByRole('button', { name: i.current.leaveYes }).click();
        await panel.getByText(i.current.left.replace('{{alias}}', `Radhuset ${language}`)).waitFor();
        await panel.getByText(i.current.none).waitFor();
        await page.context().close();
      });

      it('changes the code words after a step-up, shows the company word, and keeps the contact persons in order', async () => {
        const owner = await portal.createAccount({ name: 'Kajsa Kodord', language });
        await portal.createInstallation([{ accountId: owner.id, level: 'owner' }], `Torpet ${language}`);
        const page = await signInOnTrustedDevice(owner);

        await goTo(page, i.menu.codeWords, i.codeWords.title);
        await page.getByLabel(i.codeWords.newCustomerWord).fill('Blåklocka');
        await page.getByLabel(i.codeWords.newCompanyWord).fill('Vitsippa');
        await page.getByRole('button', { name: i.codeWords.save }).click();
        // Cancelling the step-up dialog leaves the words as they were, and the page says why.
        const dialog = page.getByRole('dialog', { name: t.stepUp.title });
        await dialog.getByRole('button', { name: t.stepUp.cancel }).click();
        await page.getByRole('alert').getByText(t.errors.step_up_required).waitFor();
        await checkPage(page, 'code-words-step-up-needed', language);

        await page.getByRole('button', { name: i.codeWords.save }).click();
        await confirmInDialog(page);
        await page.getByText(i.codeWords.saved).waitFor();
        const status = page.getByRole('region', { name: i.codeWords.status });
        await expect.poll(() => status.getByText(i.codeWords.isSet, { exact: true }).count()).toBe(2);
        await page.getByRole('button', { name: i.codeWords.reveal }).click();
        await page.getByText(i.codeWords.revealed.replace('{{word}}', 'Vitsippa')).waitFor();
        await checkPage(page, 'code-words-saved', language);

        // A word that is too easy to mishear is refused with the reason.
        await page.getByLabel(i.codeWords.newCustomerWord).fill('larm');
        await page.getByRole('button', { name: i.codeWords.save }).click();
        await page.getByRole('alert').getByText(t.errors.code_word_confusing).waitFor();

        await goTo(page, i.menu.contacts, i.contacts.title);
        const addForm = page.getByRole('region', { name: i.contacts.add });
        for (const [name, phone] of [
          ['Greta Granne', '070-111 22 33'],
          ['Sven Syster', '070-444 55 66'],
        ] as const) {
          await addForm.getByLabel(i.contacts.name).fill(name);
          await addForm.getByLabel(i.contacts.phone1, { exact: true }).fill(phone);
          await addForm.getByRole('button', { name: i.contacts.save }).click();
          await page.getByRole('status').getByText(i.contacts.added.replace('{{name}}', name)).waitFor();
        }
        await checkPage(page, 'contacts-two', language);
        await page.getByRole('button', { name: i.contacts.moveUp.replace('{{name}}', 'Sven Syster') }).click();
        await page.getByRole('status').getByText(i.contacts.moved.replace('{{name}}', 'Sven Syster').replace('{{position}}', '1')).waitFor();
        const names = page.getByRole('region', { name: i.contacts.list }).getByRole('heading', { level: 3 });
        await expect.poll(() => names.allTextContents()).toEqual([expect.stringContaining('Sven Syster'), expect.stringContaining('Greta Granne')]);

        const greta = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: /Greta Granne/ }) });
        await greta.getByRole('button', { name: i.contacts.edit }).click();
        await greta.getByLabel(i.contacts.relationField).fill(language === 'sv' ? 'Granne' : 'Neighbour');
        await greta.getByLabel(i.contacts.keyHolderField).check();
        await checkPage(page, 'contacts-edit', language);
        await greta.getByRole('button', { name: i.contacts.save }).click();
        await page.getByRole('status').getByText(i.contacts.updated.replace('{{name}}', 'Greta Granne')).waitFor();

        const sven = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: /Sven Syster/ }) });
        await sven.getByRole('button', { name: i.contacts.remove }).click();
        await checkPage(page, 'contacts-remove-confirm', language);
        await sven.getByRole('button', { name: i.contacts.removeYes }).click();
        await page.getByRole('status').getByText(i.contacts.removed.replace('{{name}}', 'Sven Syster')).waitFor();
        await expect.poll(() => names.count()).toBe(1);
        await page.context().close();
      });
    });
  },
  300_000,
);
