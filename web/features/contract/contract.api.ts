import { contractInfo } from '../../../contract/contracts.ts';
import { request } from '../../lib/http.ts';

export const contractQueryKey = (installationId: string) => ['installation', installationId, 'contract'] as const;

export const contractApi = {
  get: (installationId: string) => request('GET', `/installations/${installationId}/contract`, contractInfo),
};
