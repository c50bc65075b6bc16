import type { Services } from '../services.ts';

export const DEMO_ACCOUNTS = [
  { email: 'owner@example.com', name: 'Olivia Ägare', phone: '+46701740001', language: 'sv' as const },
  { email: 'admin@example.com', name: 'Adam Administratör', phone: '+46701740002', language: 'sv' as const },
  { email: 'user@example.com', name: 'Ulla Användare', phone: '+46701740003', language: 'en' as const },
];

/** Demo data of SPEC §11; does nothing when it already exists. Returns whether it created it. */
export async function seedDemo(services: Services, password: string): Promise<boolean> {
  if (await services.identity.accounts.findByEmail(DEMO_ACCOUNTS[0]!.email)) return false;
  for (const person of DEMO_ACCOUNTS) {
    await services.identity.accounts.create({ ...person, password, verified: true });
  }
  return true;
}
