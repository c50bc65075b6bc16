import type { FastifyInstance } from 'fastify';
import { installationParams } from '../../../contract/installations.ts';
import { installationOverview } from '../../../contract/overview.ts';
import { problems, typed } from '../../http/route-kit.ts';
import { requireAccess } from '../installations/index.ts';
import type { OverviewService } from './overview.service.ts';

/** Every member who may view the installation gets its overview; the figures inside follow their own permissions. */
export function overviewRoutes(app: FastifyInstance, overview: OverviewService): void {
  typed(app).get(
    '/installations/:installationId/overview',
    {
      config: { permission: 'installation.view' },
      schema: {
        tags: ['installations'],
        summary: 'The installation at a glance: my level, users, code words set or not, contact persons (each only where my level may see it)',
        params: installationParams,
        response: { 200: installationOverview, ...problems('unauthenticated', 'forbidden', 'not_found', 'access_window_closed') },
      },
    },
    async (request) => overview.get(requireAccess(request)),
  );
}
