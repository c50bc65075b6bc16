import type { FastifyInstance } from 'fastify';
import { devMessages, devMessagesQuery } from '../../../contract/dev.ts';
import type { Db } from '../../db/database.ts';
import { problems, typed } from '../../http/route-kit.ts';
import { listDevMessages } from './dev-inbox.store.ts';

/** The dev inbox (SPEC §11): registered only when a dev provider is configured. */
export function devInboxRoutes(app: FastifyInstance, options: { db: Db }): void {
  typed(app).get(
    '/dev/messages',
    {
      schema: {
        tags: ['development'],
        summary: 'Messages the dev inbox received, newest first (development only)',
        querystring: devMessagesQuery,
        response: { 200: devMessages, ...problems() },
      },
    },
    async (request) => {
      const rows = await listDevMessages(options.db, recipientFilter(request.query.to), request.query.limit);
      return rows.map((m) => ({ channel: m.channel, to: m.recipient, subject: m.subject, body: m.body, createdAt: m.createdAt.toISOString() }));
    },
  );
}

/** An unescaped "+" in a query string arrives as a space: "?to=+4670…" still means the phone number. */
function recipientFilter(to: string | undefined): string | undefined {
  const trimmed = to?.trim();
  return trimmed && /^\d{6,15}$/.test(trimmed) ? `+${trimmed}` : trimmed;
}
