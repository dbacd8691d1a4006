// Gzip for the API's larger JSON answers (a page of accounts, a health series: 10–20 KB, a
// fifth of that gzipped) when the client accepts it; answers under a kilobyte, event streams
// and everything that is not JSON go as they are. Hono's compress() cannot tell a JSON body's
// size (c.json sets no Content-Length), so it would gzip every small answer too.
import { promisify } from 'node:util';
import { constants, gzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';

const gzipped = promisify(gzip);
const json = /^application\/(?:[\w.-]+\+)?json\b/i;
const acceptsGzip = (header: string | undefined) =>
  header !== undefined &&
  header.split(',').some((part) => {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    return name.trim() === 'gzip' && !params.some((p) => /^\s*q=0(?:\.0*)?\s*$/.test(p));
  });

export function compressJson(threshold = 1024): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const type = c.res.headers.get('content-type') ?? '';
    if (!json.test(type) || c.res.headers.has('content-encoding') || c.req.method === 'HEAD')
      return;
    const vary = c.res.headers.get('vary');
    if (!vary?.toLowerCase().includes('accept-encoding'))
      c.res.headers.set('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    if (!acceptsGzip(c.req.header('accept-encoding')) || !c.res.body) return;
    const body = Buffer.from(await c.res.arrayBuffer());
    const headers = new Headers(c.res.headers);
    if (body.length < threshold) {
      c.res = new Response(body, { status: c.res.status, headers });
      return;
    }
    headers.set('content-encoding', 'gzip');
    headers.delete('content-length');
    // The fastest level: on a 28 KB portfolio page it costs a third of the default's CPU
    // (0.14 ms against 0.44) for 5% more bytes (3.3 KB against 3.2), and every API answer
    // pays it on the server's one thread.
    const zipped = await gzipped(body, { level: constants.Z_BEST_SPEED });
    c.res = new Response(new Uint8Array(zipped), { status: c.res.status, headers });
  };
}
