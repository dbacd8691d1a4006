// The built web app (dist/web), with a fallback to index.html for client-side routes.
// The build writes `.br` and `.gz` copies beside every text asset (web/vite.config.ts); the
// smallest one the browser accepts is sent as it is, never compressed per request.
import path from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { serveStatic } from '@hono/node-server/serve-static';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from './env.ts';

/** Vite names every file under /assets/ by its content's hash: a new build gets new names. */
const hashedAsset = /^\/assets\/[^/]+-[\w-]{8}\.\w+$/;

export const cacheForever = 'public, max-age=31536000, immutable';
/** The shell, the service worker and the unhashed icons: revalidated, so a release shows at once. */
export const revalidate = 'no-cache';

const accountPage =
  /^\/accounts\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/?$/;

/**
 * What a signed-in browser opening `pathname` will ask the API for first, named in a `Link`
 * header so it asks while the app's code is still arriving rather than after it has run: who is
 * signed in (every screen waits for it), and an account's 360 on its page. The web app asks for
 * the same URLs (web/src/api/session.ts, web/src/api/accounts.ts) and gets the preloaded answers.
 */
export function earlyRequests(pathname: string, signedIn: boolean): string[] {
  if (!signedIn) return [];
  const requests = ['/api/v1/me'];
  const account = accountPage.exec(pathname)?.[1];
  if (account) requests.push(`/api/v1/accounts/${account}/360`);
  if (pathname === '/work' || pathname === '/work/') requests.push('/api/v1/my-work');
  return requests;
}

/** `sessionCookie`: the cookie a signed-in browser carries; only such a browser is sent hints. */
export function serveWebApp(app: OpenAPIHono<AppEnv>, webRoot: string, sessionCookie: string) {
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
    const early = earlyRequests(c.req.path, getCookie(c, sessionCookie) !== undefined);
    if (early.length > 0) {
      // `crossorigin` (anonymous) is the mode and credentials of the app's own fetch: a
      // same-origin request with the cookie, so the browser hands it the preloaded answer.
      c.header(
        'link',
        early.map((url) => `<${url}>; rel=preload; as=fetch; crossorigin`).join(', '),
      );
    }
    return shell(c, next);
  });
}
