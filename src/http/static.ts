// The built web app (dist/web), with a fallback to index.html for client-side routes.
// The build writes `.br` and `.gz` copies beside every text asset (web/vite.config.ts); the
// smallest one the browser accepts is sent as it is, never compressed per request.
import path from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { serveStatic } from '@hono/node-server/serve-static';
import type { AppEnv } from './env.ts';

/** Vite names every file under /assets/ by its content's hash: a new build gets new names. */
const hashedAsset = /^\/assets\/[^/]+-[\w-]{8}\.\w+$/;

export const cacheForever = 'public, max-age=31536000, immutable';
/** The shell, the service worker and the unhashed icons: revalidated, so a release shows at once. */
export const revalidate = 'no-cache';

export function serveWebApp(app: OpenAPIHono<AppEnv>, webRoot: string) {
  const root = path.relative(process.cwd(), webRoot) || '.';
  const file = serveStatic({ root, precompressed: true });
  const shell = serveStatic({ root, path: 'index.html', precompressed: true });
  app.use('/*', (c, next) => {
    // Set before the file is read: the response is built with the headers set so far.
    c.header('cache-control', hashedAsset.test(c.req.path) ? cacheForever : revalidate);
    return file(c, next);
  });
  app.get('/*', (c, next) => {
    c.header('cache-control', revalidate);
    return shell(c, next);
  });
}
