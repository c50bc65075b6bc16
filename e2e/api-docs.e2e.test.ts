import { expect, it } from 'vitest';
import { describeInBrowser, portalForSuite } from './portal.ts';

describeInBrowser('API documentation', () => {
  const portal = portalForSuite();

  it('renders the Swagger UI under its strict CSP, with nothing refused', async () => {
    const page = await portal.newPage('en');
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    page.on('pageerror', (error) => refused.push(error.message));
    // Violations are events too, also for refusals the console does not show.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { violations: string[] }).violations = seen;
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    const answer = await page.goto('/api/docs');
    expect(answer?.headers()['content-security-policy']).toMatch(/^default-src 'none'; script-src 'self'/);
    await page.getByRole('heading', { name: /Portvakt API/ }).waitFor();
    await page.getByText('/api/v1/auth/login', { exact: true }).first().waitFor();
    const violations = await page.evaluate(() => (window as unknown as { violations: string[] }).violations);
    expect([...refused, ...violations]).toEqual([]);
  });
});
