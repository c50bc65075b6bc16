import { z } from 'zod';
import { codeWordStatus, revealedCompanyWord } from '../../../contract/codewords.ts';
import { request } from '../../lib/http.ts';

export const codeWordsQueryKey = (installationId: string) => ['installation', installationId, 'code-words'] as const;

/** Code words (SPEC §5.1); changing and revealing need a recent step-up, which the API asks for. */
export const codeWordsApi = {
  status: (installationId: string) => request('GET', `/installations/${installationId}/code-words`, codeWordStatus),
  set: (installationId: string, words: { customerWord?: string; companyWord?: string }) => request('PUT', `/installations/${installationId}/code-words`, z.null(), words),
  revealCompanyWord: (installationId: string) => request('POST', `/installations/${installationId}/code-words/company/reveal`, revealedCompanyWord),
};
