/**
 * The baseline of the session-read benchmark: bare Fastify and a node-postgres pool of the same
 * size as the server's, answering GET /me with one primary-key lookup in the same accounts
 * table. No cookies, no hooks, no schemas, no logging: the floor every real request stands on.
 *
 * It carries the same probe as the server (CPU time, event-loop delay) for comparison.
 * Env: DATABASE_URL, DATABASE_POOL_SIZE, PORT (0 = any); tells the parent its port over IPC.
 */
import Fastify from 'fastify';
import pg from 'pg';
import { installProbe } from './lib/probe.ts';

installProbe();

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
pool.on('error', () => {});

const app = Fastify({ logger: false });
app.get('/health', async () => ({ status: 'ok' }));
app.get('/me', async (request, reply) => {
  const id = request.headers['x-account-id'];
  if (typeof id !== 'string') return reply.code(400).send({ error: 'x-account-id missing' });
  const { rows } = await pool.query('SELECT id, email, name, phone, language FROM accounts WHERE id = $1', [id]);
  if (!rows[0]) return reply.code(404).send({ error: 'not found' });
  return rows[0];
});

const address = await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
process.send?.({ type: 'ready', port: Number(new URL(address).port) });

const shutdown = async () => {
  await app.close();
  await pool.end();
  process.exit(0);
};
process.on('SIGTERM', () => void shutdown());
process.on('SIGINT', () => void shutdown());
