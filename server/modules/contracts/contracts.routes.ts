import type { FastifyInstance } from 'fastify';
import { contractInfo } from '../../../contract/contracts.ts';
import { installationParams } from '../../../contract/installations.ts';
import { problems, typed } from '../../http/route-kit.ts';
import { requireAccess } from '../installations/index.ts';
import type { ContractsService } from './contracts.service.ts';

/** Contract information for the owner and administrators (SPEC §6). */
export function contractsRoutes(app: FastifyInstance, contracts: ContractsService): void {
  typed(app).get(
    '/installations/:installationId/contract',
    {
      config: { permission: 'contract.view' },
      schema: {
        tags: ['contract'],
        summary: 'Contract, services, price, invoices and termination state',
        params: installationParams,
        response: { 200: contractInfo, ...problems('unauthenticated', 'forbidden', 'not_found', 'access_window_closed') },
      },
    },
    async (request) => contracts.get(requireAccess(request).installation.id),
  );
}
