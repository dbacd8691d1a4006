// Segment's HTTP Tracking API (https://segment.com/docs/connections/sources/catalog/libraries/server/http-api/):
// the paths, auth and answers its SDKs expect, so a customer points an existing Segment
// source or SDK at Steward. Outside /api/v1, in Segment's format; src/http/outsideApi.ts
// describes it in the OpenAPI document.
import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Deps } from '../../../../context.ts';
import type { AppEnv } from '../../../../http/env.ts';
import { AppError } from '../../../../lib/errors.ts';
import { ingestMessages } from '../ingest.ts';
import { maxBatchBytes, parseRequest, writeKeyFromHeader, type MessageType } from '../payload.ts';
import { workspaceOfWriteKey } from '../writeKeys.ts';

const singleMessagePaths: MessageType[] = ['identify', 'group', 'track', 'page', 'screen', 'alias'];

function readJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('request.malformed', { key: 'intake.problem.notJson' });
  }
}

const unauthenticated = () =>
  new AppError(
    'auth.unauthenticated',
    { key: 'intake.problem.writeKeyNeeded' },
    { headers: { 'www-authenticate': 'Basic realm="Steward intake"' } },
  );

export function trackingRoutes(deps: Deps) {
  const router = new Hono<AppEnv>();
  const tooLarge = () => {
    throw new AppError('intake.too_large', {
      key: 'intake.problem.requestTooLarge',
      params: { bytes: String(maxBatchBytes) },
    });
  };
  const streamedLimit = bodyLimit({ maxSize: maxBatchBytes, onError: tooLarge });
  // A body with a Content-Length (what SDKs send) is judged by it — node's parser reads no more
  // than it says — and then read straight from the socket. Hono's bodyLimit would look at the
  // web Request's body stream, which makes @hono/node-server build that Request and read the
  // body through web streams: a tenth of the web process's CPU per batch (bench/intake.ts).
  // A chunked body has no length to judge, so it is counted as it streams in.
  const limit: MiddlewareHandler<AppEnv> = (c, next) => {
    const length = c.req.header('content-length');
    if (length === undefined || c.req.header('transfer-encoding') !== undefined) {
      return streamedLimit(c, next);
    }
    return Number(length) > maxBatchBytes ? tooLarge() : next();
  };

  const accept = (typeFromPath: MessageType | undefined) =>
    async function acceptMessages(c: import('hono').Context<AppEnv>) {
      const receivedAt = deps.clock.now();
      const headerKey = writeKeyFromHeader(c.req.header('authorization'));
      let workspaceId = headerKey
        ? await workspaceOfWriteKey(deps.db, deps.clock, headerKey)
        : undefined;
      if (headerKey && !workspaceId) throw unauthenticated();
      const body = readJson(await c.req.text());
      if (!workspaceId) {
        // Segment also takes the key in the body, for senders that cannot set headers.
        const bodyKey =
          typeof body === 'object' && body !== null && 'writeKey' in body
            ? (body as { writeKey: unknown }).writeKey
            : undefined;
        if (typeof bodyKey === 'string' && bodyKey) {
          workspaceId = await workspaceOfWriteKey(deps.db, deps.clock, bodyKey);
        }
      }
      if (!workspaceId) throw unauthenticated();

      const parsed = parseRequest(body, { typeFromPath, receivedAt });
      if (!parsed.ok) {
        throw new AppError(
          'intake.invalid_message',
          { key: 'intake.problem.noValidMessages' },
          { errors: parsed.errors },
        );
      }
      // Answered only once the transaction committed: a 200 means the events are durable.
      await ingestMessages(deps, workspaceId, parsed.messages);
      if (parsed.rejected.length > 0) {
        // The good messages are stored; the 400 names the others (batch.<index>.<field>), so
        // the sender keeps them to fix, and a retry of the whole batch stores nothing twice.
        const left = new Set(parsed.rejected.map((e) => e.path.split('.').slice(0, 2).join('.')));
        throw new AppError(
          'intake.invalid_message',
          {
            key: 'intake.problem.someMessagesLeftOut',
            params: { stored: parsed.messages.length, left: left.size },
          },
          { errors: parsed.rejected },
        );
      }
      return c.json({ success: true }, 200);
    };

  router.post('/v1/batch', limit, accept(undefined));
  router.post('/v1/import', limit, accept(undefined));
  for (const type of singleMessagePaths) router.post(`/v1/${type}`, limit, accept(type));
  return router;
}
