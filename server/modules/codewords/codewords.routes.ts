import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { codeWordStatus, revealedCompanyWord, setCodeWordsRequest } from '../../../contract/codewords.ts';
import { installationParams } from '../../../contract/installations.ts';
import { problems, typed } from '../../http/route-kit.ts';
import { requireAccess } from '../installations/index.ts';
import type { CodeWordsService } from './codewords.service.ts';

const tags = ['code words'];
const guarded = ['unauthenticated', 'forbidden', 'not_found', 'access_window_closed'] as const;

/** Code words (SPEC §5.1); access is checked by the installation guard from `config.permission`. */
export function codeWordsRoutes(app: FastifyInstance, codeWords: CodeWordsService): void {
  const r = typed(app);

  r.get(
    '/installations/:installationId/code-words',
    {
      config: { permission: 'codewords.view' },
      schema: { tags, summary: 'Whether the code words are set (never the words)', params: installationParams, response: { 200: codeWordStatus, ...problems(...guarded) } },
    },
    async (request) => codeWords.status(requireAccess(request).installation.id),
  );

  r.put(
    '/installations/:installationId/code-words',
    {
      config: { permission: 'codewords.set' },
      schema: {
        tags,
        summary: "Set the customer's and/or the company's code word",
        params: installationParams,
        body: setCodeWordsRequest,
        response: {
          204: z.null(),
          ...problems(
            ...guarded,
            'csrf_failed',
            'step_up_required',
            'code_word_too_short',
            'code_word_too_long',
            'code_word_confusing',
            'code_words_too_similar',
            'code_word_equals_password',
          ),
        },
      },
    },
    async (request, reply) => {
      const { installation, account } = requireAccess(request);
      await codeWords.set(installation, account, request.body);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/installations/:installationId/code-words/company/reveal',
    {
      config: { permission: 'codewords.reveal' },
      schema: {
        tags,
        summary: "Show the company's code word (after step-up; recorded)",
        params: installationParams,
        response: { 200: revealedCompanyWord, ...problems(...guarded, 'csrf_failed', 'step_up_required', 'code_word_not_set') },
      },
    },
    async (request) => {
      const { installation, account } = requireAccess(request);
      return { companyWord: await codeWords.revealCompanyWord(installation, account) };
    },
  );
}
