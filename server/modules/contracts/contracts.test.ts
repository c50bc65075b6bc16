import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAccount, makeInstallation } from '../../../test/factories.ts';
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
          { number: 'F-2', issuedOn: '2026-10-25', dueOn: '2026-11-30', amountOre: 44900, status: 'unpaid' },
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
        { number: 'F-2', issuedOn: '2026-10-25', dueOn: '2026-11-30', amountOre: 44900, status: 'unpaid' },
        { number: 'F-1', issuedOn: '2026-09-25', dueOn: '2026-10-31', amountOre: 39900, status: 'paid' },
      ],
    });
    const audit = await listInstallationAudit(t.services.db, installationId);
    expect(audit.filter((a) => a.action === 'contract_recorded')).toHaveLength(2);
  });
});
