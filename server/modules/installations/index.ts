import { createInstallationsService } from './installations.service.ts';
import type { InstallationsDeps } from './installations.types.ts';
import { createInvitationsService } from './invitations.service.ts';
import { createMembersService } from './members.service.ts';

export function createInstallations(deps: InstallationsDeps) {
  const service = createInstallationsService(deps);
  return { service, members: createMembersService(deps, service), invitations: createInvitationsService(deps, service) };
}

export type Installations = ReturnType<typeof createInstallations>;
export type { Access, InstallationsDeps } from './installations.types.ts';
export type { Installation } from './installations.tables.ts';
export type { NewInstallation } from './installations.service.ts';
export { guardInstallationRoutes, requireAccess } from './guard.routes.ts';
export { installationsRoutes } from './installations.routes.ts';
export { installationAliases, installationsOfAccounts } from './installations.store.ts';
