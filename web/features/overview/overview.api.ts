import { z } from 'zod';
import { installationOverview } from '../../../contract/overview.ts';
import { request } from '../../lib/http.ts';

export const overviewQueryKey = (installationId: string) => ['installation', installationId, 'overview'] as const;

export const overviewApi = {
  get: (installationId: string) => request('GET', `/installations/${installationId}/overview`, installationOverview),
  leave: (installationId: string) => request('POST', `/installations/${installationId}/leave`, z.null()),
};
