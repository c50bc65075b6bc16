import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkPage, describeInBrowser, portalForSuite, texts } from './portal.ts';

const fill = (text: string, values: Record<string, string | number>) => text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key]));
const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describeInBrowser('The overview at a glance and invoice documents in a real browser', () => {
  const portal = portalForSuite();

  describe.each(['sv', 'en'] as const)('in %s', (language) => {
    const t = texts(language);
    const g = t.overview.glance;
    const c = t.installation.contract;

    let households = 0;
    /** An installation as the company provisions it, with a second user, a company word, two contact persons and invoices. */
    async function household() {
      households += 1;
      const n = `${language}-${households}`;
      const owner = await portal.createAccount({ name: 'Olga Översikt', language });
      const user = await portal.createAccount({ name: 'Ulf Användare', language });
      const alias = `Villa Överblick ${language}`;
      const installation = await portal.createInstallation(
        [
          { accountId: owner.id, level: 'owner' },
          { accountId: user.id, level: 'user' },
        ],
        alias,
        {
          contractNumber: `AV-glance-${n}`,
          startDate: '2025-03-01',
          bindingMonths: 24,
          services: ['alarm_monitoring'],
          monthlyPriceOre: 39_900,
          terminationState: 'none',
          terminationRequestedOn: null,
          terminationEndsOn: null,
          invoices: [
            { number: `D-${n}-1`, issuedOn: '2026-10-01', dueOn: '2026-10-31', amountOre: 39_900, status: 'paid' },
            { number: `D-${n}-2`, issuedOn: '2026-11-01', dueOn: '2026-11-30', amountOre: 39_900, status: 'unpaid', documentUrl: `https://billing.example.com/invoices/D-${n}-2.pdf` },
          ],
        },
      );
      const s = portal.services;
      await s.codeWords.set(installation, owner, { companyWord: 'Kantarell' });
      await s.contacts.add(installation.id, owner, { name: 'Sven Granne', phones: ['0701740010'], relation: 'Granne', keyHolder: true });
      await s.contacts.add(installation.id, owner, { name: 'Karin Lind', phones: ['0701740011'], relation: 'Syster', keyHolder: false });
      return { owner, user, alias, invoice: (k: 1 | 2) => `D-${n}-${k}` };
    }

    it('shows the owner their level, users, code words and contact persons with shortcuts, at 1280 and 390 px', async () => {
      const { owner, alias } = await household();
      const page = await portal.newPage(language);
      await portal.signIn({ page, as: owner });
      const glance = page.getByRole('region', { name: g.title });
      await glance.getByText(fill(g.levelIntro.owner, { alias })).waitFor();
      const users = glance.getByRole('link', { name: new RegExp(`^${g.users}`) });
      await users.getByText(fill(g.userCount_other, { count: 2 })).waitFor();
      const codeWords = glance.getByRole('link', { name: new RegExp(`^${g.codeWords}`) });
      await codeWords.getByText(g.customerWordMissing).waitFor();
      await codeWords.getByText(g.companyWordSet).waitFor();
      const contacts = glance.getByRole('link', { name: new RegExp(`^${g.contactPersons}`) });
      await contacts.getByText(fill(g.contactCount_other, { count: 2, max: 5 })).waitFor();
      await page.getByRole('region', { name: t.overview.app.title }).getByText(t.overview.app.text).waitFor();
      await checkPage(page, 'overview-glance-owner', language, [390]);

      await page.setViewportSize({ width: 390, height: 900 });
      expect(await noSidewaysScroll(page)).toBe(true);
      await contacts.click();
      await page.getByRole('heading', { level: 1, name: t.installation.contacts.title }).waitFor();
      await page.goBack();
      await codeWords.click();
      await page.getByRole('heading', { level: 1, name: t.installation.codeWords.title }).waitFor();
    });

    it('shows a user their level and no figure or shortcut their level does not open', async () => {
      const { user, alias } = await household();
      const page = await portal.newPage(language, 390);
      await portal.signIn({ page, as: user });
      const glance = page.getByRole('region', { name: g.title });
      await glance.getByText(fill(g.levelIntro.user, { alias })).waitFor();
      expect(await glance.getByRole('link').count()).toBe(0);
      expect(await page.getByText(g.companyWordSet).count()).toBe(0);
      await page.getByRole('region', { name: t.overview.app.title }).waitFor();
      expect(await noSidewaysScroll(page)).toBe(true);
      await checkPage(page, 'overview-glance-user', language, [390]);
    });

    it('links an invoice document where the billing system has one, readable at 360 px without scrolling sideways', async () => {
      const { owner, invoice } = await household();
      const page = await portal.newPage(language, 360);
      await portal.signIn({ page, as: owner });
      await page.goto('/contract');
      await page.getByRole('heading', { level: 1, name: c.title }).waitFor();
      const table = page.getByRole('table', { name: c.invoices });
      const document = table.getByRole('link', { name: fill(c.documentLinkLabel, { number: invoice(2) }) });
      await document.waitFor();
      expect(await document.getAttribute('href')).toBe(`https://billing.example.com/invoices/${invoice(2)}.pdf`);
      expect(await document.getAttribute('target')).toBe('_blank');
      expect(await document.textContent()).toBe(c.documentLink);
      // The older invoice has no document, and no empty line for one either.
      expect(await table.getByRole('link').count()).toBe(1);
      const documentCell = (number: string) => table.getByRole('row', { name: new RegExp(number) }).locator(`td[data-label="${c.document}"]`);
      expect(await documentCell(invoice(1)).isVisible()).toBe(false);
      expect(await documentCell(invoice(2)).isVisible()).toBe(true);
      // Amount, due date and status stay on every invoice.
      const paidRow = table.getByRole('row', { name: new RegExp(invoice(1)) });
      for (const label of [c.dueOn, c.amount, c.status]) expect(await paidRow.locator(`td[data-label="${label}"]`).innerText()).not.toBe('');
      await paidRow.getByText(c.invoiceStatus.paid).waitFor();
      expect(await noSidewaysScroll(page)).toBe(true);
      expect(await table.evaluate((el) => el.getBoundingClientRect().right)).toBeLessThanOrEqual(360);
      await checkPage(page, 'contract-invoice-document', language);
    });
  });
});
