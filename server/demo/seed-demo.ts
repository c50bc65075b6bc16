import type { Services } from '../services.ts';

export const DEMO_ACCOUNTS = [
  { email: 'owner@example.com', name: 'Olivia Ägare', phone: '+46701740001', language: 'sv' as const },
  { email: 'admin@example.com', name: 'Adam Administratör', phone: '+46701740002', language: 'sv' as const },
  { email: 'user@example.com', name: 'Ulla Användare', phone: '+46701740003', language: 'en' as const },
];

const LEVELS = ['owner', 'administrator', 'user'] as const;

/** Demo data of SPEC §11; does nothing when it already exists. Returns whether it created it. */
export async function seedDemo(services: Services, password: string): Promise<boolean> {
  if (await services.identity.accounts.findByEmail(DEMO_ACCOUNTS[0]!.email)) return false;
  const accounts = [];
  for (const person of DEMO_ACCOUNTS) accounts.push(await services.identity.accounts.create({ ...person, password, verified: true }));
  const owner = accounts[0]!;

  const installation = await services.installations.service.provision({
    number: '4021587',
    alias: 'Villa Solbacken',
    address: { street: 'Solbackevägen 14', postalCode: '183 65', city: 'Täby' },
    members: accounts.map((account, i) => ({ accountId: account.id, level: LEVELS[i]! })),
  });
  await services.codeWords.set(installation, owner, { customerWord: 'Blåbärsskog', companyWord: 'Kantarell' });
  await services.contacts.add(installation.id, owner, { name: 'Sven Ägare', phones: ['0701740010'], relation: 'Make', keyHolder: true });
  await services.contacts.add(installation.id, owner, { name: 'Karin Lind', phones: ['0701740011', '0701740012'], relation: 'Granne', keyHolder: false });
  await services.contracts.record({
    installationId: installation.id,
    contractNumber: 'AV-2024-018342',
    startDate: '2024-03-01',
    bindingMonths: 36,
    services: ['alarm_monitoring', 'contact_alarm', 'guard_response'],
    monthlyPriceOre: 44900,
    terminationState: 'none',
    terminationRequestedOn: null,
    terminationEndsOn: null,
    invoices: [
      { number: '7100234', issuedOn: '2026-08-25', dueOn: '2026-09-30', amountOre: 44900, status: 'paid' },
      // The billing system keeps documents of recent invoices only, so the oldest has none.
      { number: '7100871', issuedOn: '2026-09-25', dueOn: '2026-10-31', amountOre: 44900, status: 'paid', documentUrl: 'https://billing.example.com/invoices/7100871.pdf' },
      { number: '7101502', issuedOn: '2026-10-25', dueOn: '2026-11-30', amountOre: 44900, status: 'unpaid', documentUrl: 'https://billing.example.com/invoices/7101502.pdf' },
    ],
  });
  return true;
}
