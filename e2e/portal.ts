import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe } from 'vitest';
import { devMessages } from '../contract/dev.ts';
import { systemClock } from '../server/core/clock.ts';
import { buildApp } from '../server/http/app.ts';
import { serveSpa, webDistDir } from '../server/http/spa.ts';
import { createServices } from '../server/services.ts';
import { makeAccount, makeInstallation } from '../test/factories.ts';
import { createTestDb } from '../test/test-db.ts';
import { TEST_PASSWORD, testConfig } from '../test/test-app.ts';
import { languageStorageKey, type Language } from '../web/lib/i18n.ts';
import en from '../web/locales/en.ts';
import sv from '../web/locales/sv.ts';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);
export { TEST_PASSWORD };

export const widths = { desktop: 1280, phone: 360 } as const;
const screenshotDir = fileURLToPath(new URL('../test-results/screenshots/', import.meta.url));

export type Account = Awaited<ReturnType<typeof makeAccount>>;

/** Uncaught errors and CSP refusals per page; checkPage fails on any. */
const pageErrors = new WeakMap<Page, string[]>();

/** The language the page shows, as its <html lang> says. */
export async function pageLanguage(page: Page): Promise<Language> {
  return (await page.locator('html').getAttribute('lang')) === 'en' ? 'en' : 'sv';
}

/** `npm test` builds the SPA first; a direct vitest run builds it here when it is missing. */
async function ensureSpaBuilt(): Promise<void> {
  if (existsSync(`${webDistDir}index.html`)) return;
  const { build } = await import('vite');
  await build({ configFile: fileURLToPath(new URL('../web/vite.config.ts', import.meta.url)), logLevel: 'warn' });
}

/**
 * The real server (API + built SPA) on a loopback port with an in-memory database, the real
 * clock and the outbox worker running, plus a headless Chromium to drive it.
 */
export async function startPortal(env: Record<string, string> = {}) {
  await ensureSpaBuilt();
  const database = await createTestDb('pglite');
  const services = createServices({ config: testConfig(env), database, clock: systemClock, logger: pino({ level: 'silent' }) });
  const app = await buildApp({ services, extend: async (instance) => void (await serveSpa(instance, { isProduction: false })) });
  await app.listen({ host: '127.0.0.1', port: 0 });
  await services.worker.start();
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser: Browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  /** Codes already handed out, so latestCode waits for a new one rather than returning an old one. */
  const usedCodes = new Set<string>();

  return {
    baseUrl,
    /** For journeys that set up state the UI under test does not create (e.g. an account customer service made). */
    services,

    createAccount: (overrides: Parameters<typeof makeAccount>[1] = {}) => makeAccount(services, overrides),

    /** An installation with these members, as the company provisions it; a contract may come with it. */
    async createInstallation(members: Parameters<typeof makeInstallation>[1], alias?: string, contract?: Omit<Parameters<typeof services.contracts.record>[0], 'installationId'>) {
      const installation = await makeInstallation(services, members, alias);
      if (contract) await services.contracts.record({ ...contract, installationId: installation.id });
      return installation;
    },

    /** A fresh browser (own cookies and storage) showing the portal in `language`. */
    async newPage(language: Language, width: number = widths.desktop): Promise<Page> {
      const context = await browser.newContext({ baseURL: baseUrl, viewport: { width, height: 900 }, locale: language === 'sv' ? 'sv-SE' : 'en-GB' });
      await context.addInitScript(([key, value]) => localStorage.getItem(key) ?? localStorage.setItem(key, value), [languageStorageKey, language] as const);
      const page = await context.newPage();
      const errors: string[] = [];
      pageErrors.set(page, errors);
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        // A refused inline script or style would mean the CSP broke part of the page.
        if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) errors.push(message.text());
      });
      return page;
    },

    /** Sign in through the portal with password and the code from the dev inbox; ends on the overview. */
    async signIn({ page, as, trustDevice = false }: { page: Page; as: Account; trustDevice?: boolean }): Promise<void> {
      await page.goto('/sign-in');
      const t = texts(await pageLanguage(page));
      await page.getByLabel(t.signIn.email).fill(as.email);
      await page.getByLabel(t.signIn.password, { exact: true }).fill(TEST_PASSWORD);
      await page.getByRole('button', { name: t.signIn.submit }).click();
      await page.getByRole('heading', { level: 1, name: t.signIn.codeTitle }).waitFor();
      await page.getByLabel(t.signIn.code).fill(await this.latestCode(as.phone!));
      if (trustDevice) await page.getByLabel(t.signIn.trustDevice).check();
      await page.getByRole('button', { name: t.signIn.verify, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: t.overview.greeting.replace('{{name}}', as.name) }).waitFor();
    },

    /**
     * Sign in so that the session has no recent step-up: trust the device on a first sign-in,
     * sign out, and sign in again without a code. Sensitive changes then ask for confirmation.
     */
    async signInOnTrustedDevice({ page, as }: { page: Page; as: Account }): Promise<void> {
      await this.signIn({ page, as, trustDevice: true });
      const t = texts(await pageLanguage(page));
      await page.getByRole('button', { name: t.shell.signOut }).click();
      await page.getByLabel(t.signIn.email).fill(as.email);
      await page.getByLabel(t.signIn.password, { exact: true }).fill(TEST_PASSWORD);
      await page.getByRole('button', { name: t.signIn.submit }).click();
      await page.getByText(t.overview.signedInWithTrustedDevice).waitFor();
    },

    /**
     * Waits (15 s at most) until `pick` finds what it wants in the bodies of the newest `limit`
     * messages the dev inbox received for `recipient`, newest first.
     */
    async inboxFind<T>(recipient: string, limit: number, pick: (bodies: string[]) => T | undefined, what: string): Promise<T> {
      const deadline = Date.now() + 15_000;
      while (Date.now() < deadline) {
        const response = await fetch(`${baseUrl}/api/v1/dev/messages?${new URLSearchParams({ to: recipient, limit: String(limit) })}`);
        const found = pick(devMessages.parse(await response.json()).map((message) => message.body));
        if (found !== undefined) return found;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      throw new Error(`no ${what} for ${recipient} within 15 s`);
    },

    /** The newest message for `recipient` that matches `pattern`, waiting for one. */
    messageMatching(recipient: string, pattern: RegExp): Promise<RegExpMatchArray> {
      return this.inboxFind(recipient, 5, (bodies) => bodies.map((body) => body.match(pattern)).find((match) => match !== null), `message matching ${pattern}`);
    },

    /** The newest not yet used six-digit code the dev inbox received for `recipient`. */
    async latestCode(recipient: string): Promise<string> {
      const code = await this.inboxFind(
        recipient,
        1,
        ([body]) => {
          const found = body?.match(/\b(\d{6})\b/)?.[1];
          return found && !usedCodes.has(found) ? found : undefined;
        },
        'new code',
      );
      usedCodes.add(code);
      return code;
    },

    async close() {
      await browser.close();
      await app.close();
      await services.worker.stop();
      await database.close();
    },
  };
}

export type Portal = Awaited<ReturnType<typeof startPortal>>;

if (!hasChromium) console.warn(`Browser journeys skipped: no Chromium at ${chromiumPath} (set CHROMIUM_PATH).`);

/** A describe block of browser journeys; skipped, with the warning above, where no Chromium is. */
export const describeInBrowser = (name: string, body: () => void, timeout = 240_000) => describe.skipIf(!hasChromium)(name, { timeout }, body);

/**
 * The portal for the journeys of one describe block: started before them, closed after. Used
 * like the portal itself; touching it outside a test is a mistake and says so.
 */
export function portalForSuite(env: Record<string, string> = {}): Portal {
  let started: Portal | undefined;
  beforeAll(async () => {
    started = await startPortal(env);
  });
  afterAll(() => started?.close());
  return new Proxy({} as Portal, {
    get(_, key) {
      if (!started) throw new Error('the portal starts in beforeAll; use it inside a test');
      const value: unknown = Reflect.get(started, key);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(started) : value;
    },
  });
}

/** The texts a journey looks for, in the page's language. */
export function texts(language: Language) {
  return { sv, en }[language];
}

/**
 * Check a page the way an auditor would, at desktop and phone width: axe-core finds no WCAG 2.2
 * A/AA violations, and a screenshot is saved for a person to look at. `extraWidths` adds widths
 * a page's layout changes at, such as a common phone's 390 px.
 */
export async function checkPage(page: Page, name: string, language: Language, extraWidths: readonly number[] = []): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  const errors = pageErrors.get(page) ?? [];
  if (errors.length) throw new Error(`errors in the page before ${name}:\n${errors.join('\n')}`);
  const original = page.viewportSize();
  for (const [label, width] of [...Object.entries(widths), ...extraWidths.map((w) => [`${w}px`, w] as const)]) {
    await page.setViewportSize({ width, height: 900 });
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    const problems = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    if (problems.length) throw new Error(`axe found problems on ${name} (${language}, ${label}):\n${problems.join('\n')}`);
    await page.screenshot({ path: `${screenshotDir}${name}-${language}-${label}.png`, fullPage: true });
  }
  if (original) await page.setViewportSize(original);
}
