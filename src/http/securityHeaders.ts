// Headers every answer gets beyond hono's secureHeaders: a Content-Security-Policy on every
// HTML page, and `Cache-Control: no-store` on the API, so a shared computer's browser cache
// or a proxy never keeps a customer's figures.
//
// The policy allows scripts from Steward itself only — no inline script, so markup injected
// into a page cannot run. The web app's pre-paint theme script is a file (web/public/theme.js)
// for that reason. The API reference (/api/docs) is the one page with an inline script, the
// reference's initialiser, which is allowed by its SHA-256 hash and nothing else. Inline
// styles stay allowed: the app's components set style attributes, which run no code.
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.ts';

const basePolicy = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

export function contentSecurityPolicy(scriptHashes: readonly string[] = []): string {
  const policy = {
    ...basePolicy,
    'script-src': [...basePolicy['script-src'], ...scriptHashes.map((h) => `'sha256-${h}'`)],
  };
  return Object.entries(policy)
    .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
    .join('; ');
}

/** The SHA-256 (base64) of each inline script (one without `src`) in a page. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const [, attributes = '', body = ''] = match;
    if (/\bsrc\s*=/i.test(attributes)) continue;
    hashes.push(createHash('sha256').update(body, 'utf8').digest('base64'));
  }
  return hashes;
}

/** Pages of Steward's own making whose inline scripts are allowed by hash. */
const pagesWithInlineScripts = new Set(['/api/docs']);

/** Paths that answer data, never to be cached: the API, intake, webhooks and Slack. */
const dataPaths = /^\/(api\/v1|v1|webhooks|slack)(\/|$)/;

export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (dataPaths.test(c.req.path)) c.res.headers.set('cache-control', 'no-store');
    const type = c.res.headers.get('content-type') ?? '';
    if (!type.toLowerCase().startsWith('text/html')) return;
    let hashes: string[] = [];
    if (pagesWithInlineScripts.has(c.req.path)) {
      const html = await c.res.clone().text();
      hashes = inlineScriptHashes(html);
    }
    c.res.headers.set('content-security-policy', contentSecurityPolicy(hashes));
  };
}
