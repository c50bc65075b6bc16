import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/test-app.ts';

describe('request log', () => {
  it('writes one line per request, with the path but not the query string', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(JSON.parse(String(chunk)) as Record<string, unknown>), done()) });
    const { app, close } = await createTestApp({ logger: pino({ level: 'info' }, sink) });
    await app.inject({ method: 'GET', url: '/api/v1/public/settings?to=owner@example.com' });
    const requestLines = lines.filter((line) => line.path !== undefined);
    expect(requestLines).toHaveLength(1);
    expect(requestLines[0]).toMatchObject({ method: 'GET', path: '/api/v1/public/settings', status: 200 });
    expect(JSON.stringify(lines)).not.toContain('owner@example.com');
    await close();
  });
});
