import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { compressJson } from './compressJson.ts';

const page = { items: Array.from({ length: 200 }, (_, i) => ({ id: i, name: `Account ${i}` })) };
const replacement = { items: [{ id: 'replaced', note: 'x'.repeat(4000) }] };

const app = new Hono();
app.use(compressJson());
// A middleware that answers in the route's place after the route made its JSON.
app.use('/replaced', async (c, next) => {
  await next();
  c.res = undefined;
  c.res = Response.json(replacement);
});
app.get('/page', (c) => c.json(page));
app.get('/created', (c) => c.json(page, 201, { 'x-kind': 'page' }));
app.get('/init', (c) => c.json(page, { status: 202, headers: { 'x-kind': 'init' } }));
app.get('/replaced', (c) => c.json(page));
app.get('/small', (c) => c.json({ ok: true }));

const get = (path: string, acceptEncoding?: string) =>
  app.request(path, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

const unzipped = async (response: Response) =>
  JSON.parse(gunzipSync(Buffer.from(await response.arrayBuffer())).toString('utf8')) as unknown;

describe('JSON answers to a client that accepts gzip', () => {
  it('come gzipped with the status and headers the route gave them', async () => {
    const created = await get('/created', 'gzip');
    expect(created.status).toBe(201);
    expect(created.headers.get('content-encoding')).toBe('gzip');
    expect(created.headers.get('content-type')).toBe('application/json');
    expect(created.headers.get('x-kind')).toBe('page');
    expect(created.headers.get('vary')).toBe('Accept-Encoding');
    expect(await unzipped(created)).toEqual(page);

    const init = await get('/init', 'gzip');
    expect(init.status).toBe(202);
    expect(init.headers.get('x-kind')).toBe('init');
    expect(await unzipped(init)).toEqual(page);
  });

  it('are gzipped as they finally are, when something answered after the route', async () => {
    const response = await get('/replaced', 'gzip');
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(await unzipped(response)).toEqual(replacement);
  });

  it('go as they are when small, or to a client that does not accept gzip', async () => {
    const small = await get('/small', 'gzip');
    expect(small.headers.get('content-encoding')).toBeNull();
    expect(await small.json()).toEqual({ ok: true });

    const plain = await get('/page', 'gzip;q=0, br');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toBe('Accept-Encoding');
    expect(await plain.json()).toEqual(page);
  });
});
