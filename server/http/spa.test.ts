import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachePolicy, serveSpa } from './spa.ts';

/** A build as web/vite.config.ts writes it: hashed assets with compressed twins and a hidden map. */
function writeBuild(): string {
  const root = mkdtempSync(join(tmpdir(), 'portvakt-spa-'));
  mkdirSync(join(root, 'assets'));
  const files = { 'index.html': '<!doctype html><title>Mina sidor</title>'.padEnd(2000, ' '), 'assets/index-Ab12Cd34.js': 'console.log("portal");'.repeat(100) };
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(root, name), content);
    writeFileSync(join(root, `${name}.br`), brotliCompressSync(content));
    writeFileSync(join(root, `${name}.gz`), gzipSync(content));
  }
  writeFileSync(join(root, 'assets/index-Ab12Cd34.js.map'), '{"version":3}');
  writeFileSync(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  return root;
}

async function spaApp(root: string, isProduction: boolean) {
  const app = Fastify();
  await serveSpa(app, { root, isProduction });
  await app.ready();
  return app;
}

describe('serving the built portal', () => {
  let root: string;
  let production: Awaited<ReturnType<typeof spaApp>>;
  let development: Awaited<ReturnType<typeof spaApp>>;
  beforeAll(async () => {
    root = writeBuild();
    production = await spaApp(root, true);
    development = await spaApp(root, false);
  });
  afterAll(async () => {
    await production.close();
    await development.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('sends the brotli twin to browsers that accept it, gzip to those that accept only gzip, and varies on Accept-Encoding', async () => {
    const br = await production.inject({ url: '/assets/index-Ab12Cd34.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.rawPayload).toString()).toContain('console.log("portal")');

    const gz = await production.inject({ url: '/assets/index-Ab12Cd34.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toContain('console.log("portal")');

    const plain = await production.inject({ url: '/assets/index-Ab12Cd34.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
  });

  it('lets browsers keep hashed assets for a year and revalidate index.html, also on client-side routes', async () => {
    const asset = await production.inject({ url: '/assets/index-Ab12Cd34.js' });
    expect(asset.headers['cache-control']).toBe(cachePolicy.hashed);
    expect(cachePolicy.hashed).toBe('public, max-age=31536000, immutable');
    for (const url of ['/', '/sign-in', '/favicon.svg']) {
      const res = await production.inject({ url, headers: { 'accept-encoding': 'br' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
    const route = await production.inject({ url: '/sign-in', headers: { 'accept-encoding': 'br' } });
    expect(route.headers['content-type']).toMatch(/text\/html/);
    expect(brotliDecompressSync(route.rawPayload).toString()).toContain('<title>Mina sidor</title>');
  });

  it('serves no source maps in production, and answers unknown hashed assets and compressed twins by name with 404s', async () => {
    expect((await production.inject({ url: '/assets/index-Ab12Cd34.js.map' })).statusCode).toBe(404);
    expect((await development.inject({ url: '/assets/index-Ab12Cd34.js.map' })).statusCode).toBe(200);
    expect((await production.inject({ url: '/assets/index-OldBuild.js' })).statusCode).toBe(404);
    expect((await production.inject({ url: '/assets/index-Ab12Cd34.js.br' })).statusCode).toBe(404);
  });
});
