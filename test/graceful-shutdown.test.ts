import { request, type IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { startServerProcess } from './server-process.ts';
import type { Problem } from '../contract/problem.ts';

const body = JSON.stringify({ email: 'owner@example.com', password: 'not the demo password at all' });

/** A sign-in whose body is only half sent: in flight until `finish()`. */
function requestInFlight(url: string): { finish(): void; response: Promise<{ status: number; body: string; connection?: string }> } {
  const req = request(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } });
  const response = new Promise<{ status: number; body: string; connection?: string }>((resolve, reject) => {
    req.on('response', (res: IncomingMessage) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, body: text, connection: res.headers.connection }));
    });
    req.on('error', reject);
  });
  req.write(body.slice(0, 20));
  return { finish: () => req.end(body.slice(20)), response };
}

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  for (const started = Date.now(); !check(); await new Promise((r) => setTimeout(r, 25))) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
  }
}

describe('graceful shutdown (docs/runbook.md "Start and stop")', () => {
  it('on SIGTERM: /ready 503 at once, serving through the delay, requests in flight answered, then exit 0 with each step logged', async () => {
    const server = await startServerProcess({ SHUTDOWN_DELAY_SECONDS: '2', PORTVAKT_DEMO_PASSWORD: 'demo lösenord för testerna' }, 120_000);
    let log = '';
    server.child.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
    server.child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => server.child.once('exit', resolve));
    try {
      expect((await fetch(`${server.url}/ready`)).status).toBe(200);
      const inFlight = [requestInFlight(server.url), requestInFlight(server.url), requestInFlight(server.url)];
      await new Promise((r) => setTimeout(r, 300));

      server.child.kill('SIGTERM');
      const signalled = Date.now();
      await until(() => log.includes('shutting down'), 10_000);
      const ready = await fetch(`${server.url}/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'shutting_down' });
      // Still serving during the delay, telling keep-alive clients to go elsewhere next time.
      const health = await fetch(`${server.url}/health`);
      expect(health.status).toBe(200);
      expect(health.headers.get('connection')).toBe('close');

      await until(() => log.includes('finishing the requests in flight'), 20_000);
      expect(Date.now() - signalled).toBeGreaterThanOrEqual(2000);
      await expect(fetch(`${server.url}/health`)).rejects.toThrow();
      for (const req of inFlight) req.finish();
      for (const { response } of inFlight) {
        const answer = await response;
        expect(answer.status).toBe(401);
        expect((JSON.parse(answer.body) as Problem).code).toBe('invalid_credentials');
        expect(answer.connection).toBe('close');
      }

      expect(await exited).toBe(0);
      const steps = ['shutting down', '/ready answers 503', 'finishing the requests in flight', 'stopping the outbox worker', 'closing the database', 'stopped'];
      const positions = steps.map((step) => log.indexOf(step));
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    } finally {
      await server.stop();
    }
  }, 180_000);
});
