import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { OpenAPIHono } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from './env.ts';
import { sessionCookie } from '../modules/auth/index.ts';
import { cacheForever, earlyRequests, revalidate, serveWebApp } from './static.ts';

const script = 'export const app = "steward";'.repeat(100);
const shell = '<!doctype html><title>Steward</title>';
let webRoot: string;
let app: OpenAPIHono<AppEnv>;

beforeAll(async () => {
  webRoot = await mkdtemp(path.join(os.tmpdir(), 'steward-web-'));
  await mkdir(path.join(webRoot, 'assets'));
  const asset = path.join(webRoot, 'assets', 'PortfolioPage-C1BKOTCn.js');
  await writeFile(asset, script);
  await writeFile(`${asset}.br`, brotliCompressSync(script));
  await writeFile(`${asset}.gz`, gzipSync(script));
  await writeFile(path.join(webRoot, 'index.html'), shell);
  await writeFile(path.join(webRoot, 'sw.js'), 'self.skipWaiting();');
  app = new OpenAPIHono<AppEnv>();
  serveWebApp(app, webRoot, sessionCookie);
});
afterAll(() => rm(webRoot, { recursive: true, force: true }));

const get = (url: string, acceptEncoding?: string) =>
  app.request(url, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

describe('the web app on a phone', () => {
  it('sends the brotli copy of a page script, kept for a year without asking again', async () => {
    const response = await get('/assets/PortfolioPage-C1BKOTCn.js', 'gzip, deflate, br, zstd');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('vary')).toContain('Accept-Encoding');
    expect(response.headers.get('cache-control')).toBe(cacheForever);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.length).toBeLessThan(script.length / 10);
  });

  it('sends gzip to a browser without brotli, and the plain file to one with neither', async () => {
    const gzipped = await get('/assets/PortfolioPage-C1BKOTCn.js', 'gzip');
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    const plain = await get('/assets/PortfolioPage-C1BKOTCn.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(script);
    expect(plain.headers.get('cache-control')).toBe(cacheForever);
  });

  it('revalidates the app shell and the service worker, so a release shows at once', async () => {
    for (const url of ['/', '/index.html', '/sw.js']) {
      const response = await get(url, 'br');
      expect(response.status, url).toBe(200);
      expect(response.headers.get('cache-control'), url).toBe(revalidate);
    }
  });

  it('answers a client-side route with the shell, never cached for good', async () => {
    const response = await get('/accounts?sort=health', 'br');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(shell);
    expect(response.headers.get('cache-control')).toBe(revalidate);
  });

  it('does not cache a missing hashed file for good: the shell answers it, revalidated', async () => {
    const response = await get('/assets/Gone-AAAAAAAA.js', 'br');
    expect(response.headers.get('cache-control')).toBe(revalidate);
  });
});

describe('the first screen’s data, asked for beside the app’s code', () => {
  const signedIn = `theme=dark; ${sessionCookie}=abc123`;
  const account = '8c5e7cca-c64d-4c1a-bf01-692427f5e6ba';
  const links = async (url: string, cookie?: string) =>
    (await app.request(url, { headers: cookie ? { cookie } : {} })).headers.get('link');

  it('names who is signed in and the account’s 360 on an account’s page', async () => {
    expect(await links(`/accounts/${account}`, signedIn)).toBe(
      `</api/v1/me>; rel=preload; as=fetch; crossorigin, </api/v1/accounts/${account}/360>; rel=preload; as=fetch; crossorigin`,
    );
    expect(earlyRequests('/work', true)).toEqual(['/api/v1/me', '/api/v1/my-work']);
    expect(earlyRequests('/accounts', true)).toEqual(['/api/v1/me']);
  });

  it('names nothing to a browser without a session, such as a customer opening a survey', async () => {
    expect(await links(`/accounts/${account}`)).toBeNull();
    expect(await links('/s/some-token', 'theme=dark')).toBeNull();
  });
});
