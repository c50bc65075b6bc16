import type { Services } from '../server/services.ts';
import type { AccessWindow } from '../contract/installations.ts';
import { TEST_PASSWORD } from './test-app.ts';

let counter = 0;

/** An active account with verified e-mail and phone, ready to sign in. */
export async function makeAccount(services: Services, overrides: Partial<{ email: string; name: string; phone: string | null; language: 'sv' | 'en'; password: string }> = {}) {
  counter += 1;
  return services.identity.accounts.create({
    email: overrides.email ?? `person${counter}@example.com`,
    name: overrides.name ?? 'Kim Testsson',
    phone: overrides.phone === undefined ? `+4670${String(1000000 + counter).slice(-7)}` : overrides.phone,
    language: overrides.language ?? 'sv',
    password: overrides.password ?? TEST_PASSWORD,
    verified: true,
  });
}

let installationCounter = 0;

/** An installation with the given members (exactly one owner), as the company provisions it. */
export async function makeInstallation(
  services: Services,
  members: Array<{ accountId: string; level: 'owner' | 'administrator' | 'user' | 'restricted'; accessWindow?: AccessWindow }>,
  alias = 'Villa Testgården',
) {
  installationCounter += 1;
  return services.installations.service.provision({
    number: `9${String(process.pid).slice(-3)}${String(installationCounter).padStart(4, '0')}`,
    alias,
    address: { street: 'Testvägen 1', postalCode: '123 45', city: 'Teststad' },
    members,
  });
}
