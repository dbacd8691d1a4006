// Gzip for the API's larger JSON answers (a page of accounts, a health series: 10–20 KB, a
// fifth of that gzipped) when the client accepts it; answers under a kilobyte, event streams
// and everything that is not JSON go as they are. Hono's compress() cannot tell a JSON body's
// size (c.json sets no Content-Length), so it would gzip every small answer too.
import { promisify } from 'node:util';
import { constants, gzip, gzipSync, type ZlibOptions } from 'node:zlib';
import type { Context, MiddlewareHandler } from 'hono';
import type { StatusCode } from 'hono/utils/http-status';
import type { JSONValue } from 'hono/utils/types';

const gzipped = promisify(gzip);
// The fastest level: on a 28 KB portfolio page it costs a third of the default's CPU
// (0.14 ms against 0.44) for 5% more bytes (3.3 KB against 3.2), and every API answer
// pays it on the server's one thread.
const options: ZlibOptions = { level: constants.Z_BEST_SPEED };
/**
 * Up to this size an answer is gzipped on the server's thread: handing a page to libuv's
 * pool and back cost more CPU than compressing it (a 28 KB page: ~100 µs against ~45 µs),
 * and the thread did most of that work itself. A larger answer goes to the pool.
 */
const inlineLimit = 256 * 1024;

const json = /^application\/(?:[\w.-]+\+)?json\b/i;
const acceptsGzip = (header: string | undefined) =>
  header !== undefined &&
  header.split(',').some((part) => {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    return name.trim() === 'gzip' && !params.some((p) => /^\s*q=0(?:\.0*)?\s*$/.test(p));
  });

/**
 * Replaces the answer with `body` under the same status and headers. The old answer is let go
 * first: assigning over it makes Hono copy every header again and rebuild the new answer as a
 * stream, which the server then pipes instead of writing in one go.
 */
function replaceBody(c: Context, body: Uint8Array, status: number, headers: Headers) {
  c.res = undefined;
  c.res = new Response(body, { status, headers });
}

type JsonAnswer = { response: Response; text: string };

/**
 * Has `c.json` keep the text it makes, beside the answer made of it: reading a finished
 * answer's body back builds a web Response and a stream over it (the server's own answers
 * skip both), which cost more CPU per portfolio page than gzipping it. The text is used only
 * while that very answer is still the context's; `c.json` with a ResponseInit is left to
 * Hono, and its answer is read back as before.
 */
function keepJsonText(c: Context): () => JsonAnswer | undefined {
  let kept: JsonAnswer | undefined;
  const { json: hono, newResponse } = c;
  // What Hono's c.json does with a status (the JSON's text as the body, application/json
  // unless the headers name another type), the text kept.
  function json(object: unknown, arg?: StatusCode | JsonInit, headers?: HeaderRecord) {
    if (typeof arg === 'object') return hono(object as JSONValue, arg);
    const text = JSON.stringify(object);
    const response = newResponse(text, arg, { 'Content-Type': 'application/json', ...headers });
    kept = { response, text };
    return response;
  }
  c.json = json as unknown as typeof c.json;
  return () => (kept && kept.response === c.res ? kept : undefined);
}

type HeaderRecord = Record<string, string | string[]>;
/** c.json's second argument when it is not a status (a ResponseInit or a Response). */
type JsonInit = Exclude<Parameters<Context['json']>[1], undefined>;

export function compressJson(threshold = 1024): MiddlewareHandler {
  return async (c, next) => {
    const gzip = c.req.method !== 'HEAD' && acceptsGzip(c.req.header('accept-encoding'));
    const jsonAnswer = gzip ? keepJsonText(c) : undefined;
    await next();
    const type = c.res.headers.get('content-type') ?? '';
    if (!json.test(type) || c.res.headers.has('content-encoding') || c.req.method === 'HEAD')
      return;
    const vary = c.res.headers.get('vary');
    if (!vary?.toLowerCase().includes('accept-encoding'))
      c.res.headers.set('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    if (!gzip) return;
    const { status, headers } = c.res;
    // The JSON's text as the route made it, else the finished answer read back.
    const kept = jsonAnswer?.()?.text;
    if (kept === undefined && !c.res.body) return;
    const body = kept ?? new Uint8Array(await c.res.arrayBuffer());
    const size = typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
    // A small answer stays as it is (one read back is put back, its stream spent).
    if (size < threshold) {
      if (kept === undefined) replaceBody(c, body as Uint8Array, status, headers);
      return;
    }
    headers.set('content-encoding', 'gzip');
    headers.delete('content-length');
    const zipped = size <= inlineLimit ? gzipSync(body, options) : await gzipped(body, options);
    replaceBody(c, zipped, status, headers);
  };
}
