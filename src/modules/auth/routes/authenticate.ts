// Who is asking: a bearer API token, else the session cookie. Cookie-authenticated writes
// must come from our own origin (CSRF protection by origin check).
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Deps } from '../../../context.ts';
import type { AppEnv } from '../../../http/env.ts';
import { AppError } from '../../../lib/errors.ts';
import { actorFromApiToken, actorFromSession, sessionCookie } from '../sessions.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export function authenticate(deps: Deps): MiddlewareHandler<AppEnv> {
  const allowedOrigin = deps.config.publicUrl ? new URL(deps.config.publicUrl).origin : undefined;
  return async (c, next) => {
    const authorization = c.req.header('authorization');
    if (authorization?.toLowerCase().startsWith('bearer ')) {
      c.set('actor', await actorFromApiToken(deps.db, deps.clock, authorization.slice(7).trim()));
      return next();
    }
    const token = getCookie(c, sessionCookie);
    const actor = token ? await actorFromSession(deps.db, deps.clock, token) : undefined;
    if (actor && !safeMethods.has(c.req.method)) {
      const origin = c.req.header('origin');
      const expected = allowedOrigin ?? new URL(c.req.url).origin;
      if (origin !== expected) {
        throw new AppError('auth.cross_origin', { key: 'auth.problem.crossOrigin' });
      }
    }
    c.set('actor', actor);
    return next();
  };
}
