import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, makeInstallation } from '../../../test/factories.ts';
import { signInApp } from '../../../test/sign-in.ts';
import { createTestApp, type TestApp } from '../../../test/test-app.ts';
import { testDbKinds } from '../../../test/test-db.ts';
import { listInstallationAudit } from '../audit/index.ts';
import type { ContractRecord } from './contracts.service.ts';

describe.each(testDbKinds())('contract information (SPEC §6) on %s', (db) => {
  let t: TestApp;
  let installationId: string;
  beforeAll(async () => {
    t = await createTestApp({ db });
    const owner = await makeAccount(t.services);
    installationId = (await makeInstallation(t.services, [{ accountId: owner.id, level: 'owner' }])).id;
  });
  afterAll(() => t.close());

  const contract = (overrides: Partial<ContractRecord> = {}): ContractRecord => ({
    installationId,
    contractNumber: 'AV-1',
    startDate: '2025-02-01',
    bindingMonths: 24,
    services: ['alarm_monitoring'],
    monthlyPriceOre: 39900,
    terminationState: 'none',
    terminationRequestedOn: null,
    terminationEndsOn: null,
    invoices: [{ number: 'F-1', issuedOn: '2026-09-25', dueOn: '2026-10-31', amountOre: 39900, status: 'unpaid' }],
    ...overrides,
  });

  it('is not found before the company has reported one', async () => {
    await expect(t.services.contracts.get(installationId)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('takes the latest report from the company: contract replaced, invoices added or updated, newest first', async () => {
    await t.services.contracts.record(contract());
    await t.services.contracts.record(
      contract({
        services: ['alarm_monitoring', 'contact_alarm'],
        monthlyPriceOre: 44900,
        terminationState: 'requested',
        terminationRequestedOn: '2026-11-01',
        terminationEndsOn: '2027-01-31',
        invoices: [
          { number: 'F-1', issuedOn: '2026-09-25', dueOn: '2026-10-31', amountOre: 39900, status: 'paid' },
          { number: 'F-2', issuedOn: '2026-10-25', dueOn: '2026-11-30', amountOre: 44900, status: 'unpaid', documentUrl: 'https://billing.example.com/F-2.pdf' },
        ],
      }),
    );
    expect(await t.services.contracts.get(installationId)).toEqual({
      contractNumber: 'AV-1',
      startDate: '2025-02-01',
      bindingMonths: 24,
      bindingEndsOn: '2027-01-31',
      services: ['alarm_monitoring', 'contact_alarm'],
      monthlyPriceOre: 44900,
      currency: 'SEK',
      termination: { state: 'requested', requestedOn: '2026-11-01', endsOn: '2027-01-31' },
      invoices: [
        { number: 'F-2', issuedOn: '2026-10-25', dueOn: '2026-11-30', amountOre: 44900, status: 'unpaid', documentUrl: 'https://billing.example.com/F-2.pdf' },
        { number: 'F-1', issuedOn: '2026-09-25', dueOn: '2026-10-31', amountOre: 39900, status: 'paid', documentUrl: null },
      ],
    });
    const audit = await listInstallationAudit(t.services.db, installationId);
    expect(audit.filter((a) => a.action === 'contract_recorded')).toHaveLength(2);
  });

  it('refuses a report whose invoice links a document the portal could not safely open, storing none of it', async () => {
    for (const documentUrl of ['http://billing.example.com/F-3.pdf', 'javascript:alert(1)', 'https://me:pw@billing.example.com/F-3.pdf']) {
      await expect(
        t.services.contracts.record(
          contract({ monthlyPriceOre: 1, invoices: [{ number: 'F-3', issuedOn: '2026-11-25', dueOn: '2026-12-31', amountOre: 1, status: 'unpaid', documentUrl }] }),
        ),
      ).rejects.toMatchObject({ code: 'validation_failed' });
    }
    const stored = await t.services.contracts.get(installationId);
    expect(stored.monthlyPriceOre).toBe(44900);
    expect(stored.invoices.map((i) => i.number)).toEqual(['F-2', 'F-1']);
  });

  it('drops the document link when a later report has none for that invoice', async () => {
    await t.services.contracts.record(contract({ invoices: [{ number: 'F-2', issuedOn: '2026-10-25', dueOn: '2026-11-30', amountOre: 44900, status: 'paid' }] }));
    const f2 = (await t.services.contracts.get(installationId)).invoices.find((i) => i.number === 'F-2');
    expect(f2).toMatchObject({ status: 'paid', documentUrl: null });
  });

  it('answers the document link through the API, where the contract schema checks it is https', async () => {
    const owner = await makeAccount(t.services);
    const other = await makeInstallation(t.services, [{ accountId: owner.id, level: 'owner' }]);
    await t.services.contracts.record(
      contract({
        installationId: other.id,
        contractNumber: 'AV-2',
        invoices: [{ number: 'G-1', issuedOn: '2026-10-25', dueOn: '2026-11-30', amountOre: 44900, status: 'unpaid', documentUrl: 'https://billing.example.com/G-1.pdf' }],
      }),
    );
    const { headers } = await signInApp(t, owner);
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/installations/${other.id}/contract`, headers });
    expect(response.statusCode).toBe(200);
    expect(response.json<{ invoices: unknown }>().invoices).toEqual([
      { number: 'G-1', issuedOn: '2026-10-25', dueOn: '2026-11-30', amountOre: 44900, status: 'unpaid', documentUrl: 'https://billing.example.com/G-1.pdf' },
    ]);
  });
});
