import type { FastifyInstance } from 'fastify';
import { AppError } from '../../core/app-error.ts';

const MAX_DEPTH = 20;
/** With the u flag a surrogate pair is one code point, so this finds only the lone halves. */
// eslint-disable-next-line no-control-regex -- NUL is exactly the character refused here
const NUL_OR_LONE_SURROGATE = /[\u0000\p{Surrogate}]/u;

/**
 * Text PostgreSQL cannot store: NUL, which text refuses, and a lone UTF-16 surrogate, which
 * jsonb refuses and text would keep as a replacement character.
 */
function isIllFormed(text: string): boolean {
  return NUL_OR_LONE_SURROGATE.test(text);
}

/** The path of the first ill-formed string or key, in the form validation issues use ("body.name"). */
function findIllFormedText(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return isIllFormed(value) ? path : undefined;
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return undefined;
  for (const [key, inner] of Object.entries(value)) {
    // A bad key is named by where it sits: echoing it would carry the bad text into the answer.
    if (isIllFormed(key)) return path;
    const found = findIllFormedText(inner, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** Refused at the door for every route, before validation, with the field named. */
export function registerRejectIllFormedText(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const path = findIllFormedText(request.params, 'params') ?? findIllFormedText(request.query, 'querystring') ?? findIllFormedText(request.body, 'body');
    if (path) throw new AppError('validation_failed', { extra: { issues: [{ path, code: 'invalid', message: 'contains a NUL character or a lone UTF-16 surrogate' }] } });
  });
}
