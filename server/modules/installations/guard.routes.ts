import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { InstallationAction } from '../../../contract/installations.ts';
import { requireActor } from '../../http/plugins/session.ts';
import type { InstallationsService } from './installations.service.ts';
import type { Access } from './installations.types.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The action of the permission table this route performs on `:installationId`. */
    permission?: InstallationAction;
  }
  interface FastifyRequest {
    installationAccess: Access | null;
  }
}

/**
 * Every route with an `:installationId` names its action, and this one hook checks it, so no
 * route decides access on its own. A route that names none is refused at start-up.
 */
export function guardInstallationRoutes(app: FastifyInstance, installations: InstallationsService): void {
  app.decorateRequest('installationAccess', null);
  app.addHook('onRoute', (route) => {
    const config = route.config;
    if (route.url.includes(':installationId') && !config?.permission) {
      throw new Error(`${String(route.method)} ${route.url} must name a permission`);
    }
  });
  app.addHook('preHandler', async (request) => {
    const permission = request.routeOptions.config.permission;
    if (!permission) return;
    const { installationId } = request.params as { installationId: string };
    request.installationAccess = await installations.authorize(requireActor(request), installationId, permission);
  });
}

/** The access the guard established for this request. */
export function requireAccess(request: FastifyRequest): Access {
  if (!request.installationAccess) throw new Error('route reached without the installation guard');
  return request.installationAccess;
}
