// Builds the HTTP application: middleware, every module's routes under /api/v1, the
// OpenAPI document and reference, health probes and the web app.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import { Scalar } from '@scalar/hono-api-reference';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { Deps } from './context.ts';
import { databaseAnswers } from './db/connect.ts';
import type { AppEnv } from './http/env.ts';
import { compressJson } from './http/compressJson.ts';
import { answerError } from './http/problem.ts';
import { securityHeaders } from './http/securityHeaders.ts';
import { describeOutsideApi } from './http/outsideApi.ts';
import { apiTags, newRouter } from './http/route.ts';
import { serveWebApp } from './http/static.ts';
import { AppError, codeDetail } from './lib/errors.ts';
import { accountRoutes } from './modules/accounts/index.ts';
import { authenticate, authRoutes, sessionCookie } from './modules/auth/index.ts';
import { workRoutes } from './modules/work/index.ts';
import { adoptionRoutes } from './modules/intake/adoption/index.ts';
import { intakeSettingsRoutes, trackingRoutes } from './modules/intake/segment/index.ts';
import { billingRoutes, stripeWebhookRoutes } from './modules/intake/billing/index.ts';
import { supportRoutes, supportWebhookRoutes } from './modules/intake/support/index.ts';
import { intakeReviewRoutes } from './modules/intake/review/index.ts';
import { importRoutes } from './modules/intake/import/index.ts';
import { notifyRoutes, slackCommandRoutes } from './modules/notify/index.ts';
import { healthRoutes } from './modules/health/index.ts';
import { assistantRoutes } from './modules/assistant/index.ts';
import { revenueRoutes } from './modules/revenue/index.ts';
import { slackFeedback, voiceRoutes } from './modules/voice/index.ts';
import { exportRoutes } from './modules/export/index.ts';
import { auditRoutes } from './modules/audit/index.ts';
import { registerWebhookDocs, webhookRoutes } from './modules/webhooks/index.ts';

export const openApiInfo = {
  openapi: '3.1.0',
  info: {
    title: 'Steward API',
    version: '1',
    description:
      'The HTTP contract of Steward. Sign in with POST /api/v1/auth/login (session cookie) or send `Authorization: Bearer <token>`.',
    license: { name: 'AGPL-3.0-only', identifier: 'AGPL-3.0-only' },
  },
  servers: [
    {
      url: '{origin}',
      description: 'Your Steward: where `steward start` answers (PORT, default 3000).',
      variables: { origin: { default: 'http://localhost:3000' } },
    },
  ],
  tags: [...apiTags],
};

let scalarScript: Promise<Buffer> | undefined;

/** Methods whose requests never carry a body (fetch gives a GET or HEAD none). */
const bodiless = new Set(['GET', 'HEAD']);

/** How long readiness waits for the database's `select 1` before answering 503. */
const readinessTimeoutMs = 2_000;

export type AppOptions = {
  /**
   * Readiness: migrations ran and the demo workspace (if any) is seeded. Each probe asks the
   * database besides.
   */
  ready?: () => boolean;
  /** The built web app; served with a fallback to index.html for client-side routes. */
  webRoot?: string;
};

export function buildApi(deps: Deps) {
  const api = newRouter();
  api.use(authenticate(deps));
  return api
    .route('/', authRoutes(deps))
    .route('/', accountRoutes(deps))
    .route('/', workRoutes(deps))
    .route('/', intakeSettingsRoutes(deps))
    .route('/', adoptionRoutes(deps))
    .route('/', billingRoutes(deps))
    .route('/', supportRoutes(deps))
    .route('/', intakeReviewRoutes(deps))
    .route('/', importRoutes(deps))
    .route('/', notifyRoutes(deps))
    .route('/', healthRoutes(deps))
    .route('/', assistantRoutes(deps))
    .route('/', revenueRoutes(deps))
    .route('/', voiceRoutes(deps))
    .route('/', webhookRoutes(deps))
    .route('/', exportRoutes(deps))
    .route('/', auditRoutes(deps));
}

export type Api = ReturnType<typeof buildApi>;

export function buildApp(deps: Deps, options: AppOptions = {}) {
  const app = new OpenAPIHono<AppEnv>();
  app.use(requestId());
  app.use(async (c, next) => {
    const log = deps.logger.child({ requestId: c.var.requestId });
    c.set('log', log);
    const started = performance.now();
    await next();
    log.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      'request',
    );
  });
  app.use(
    secureHeaders({
      contentSecurityPolicy: undefined,
      crossOriginEmbedderPolicy: false,
    }),
  );
  // A Content-Security-Policy on every page, no-store on every data answer.
  app.use(securityHeaders());
  app.onError(answerError);

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    if (!(options.ready?.() ?? true)) return c.json({ status: 'starting' }, 503);
    const answers = await databaseAnswers(deps.db, readinessTimeoutMs).catch((error: unknown) => {
      c.var.log.warn({ err: error }, 'readiness: the database does not answer');
      return false;
    });
    return answers ? c.json({ status: 'ready' }) : c.json({ status: 'database unavailable' }, 503);
  });
  // Segment-compatible tracking API (/v1/*), authenticated by write key.
  app.route('/', trackingRoutes(deps));
  // Stripe and help-desk webhooks, authenticated by their signatures.
  app.route('/', stripeWebhookRoutes(deps)).route('/', supportWebhookRoutes(deps));
  // Slack's signed slash command (/steward <account>), form-encoded, outside /api/v1.
  // Modules above notify add subcommands: `/steward feedback <account> <text>` (voice).
  app.route('/', slackCommandRoutes(deps, { feedback: slackFeedback(deps) }));

  const apiBodyLimit = bodyLimit({
    maxSize: deps.config.bodyLimit,
    onError: () => {
      throw new AppError('request.too_large', {
        key: 'errors.http.bodyTooLarge',
        params: { bytes: String(deps.config.bodyLimit) },
      });
    },
  });
  // CSV uploads have their own, larger limit (modules/intake/import/routes.ts). A GET or HEAD
  // has no body to limit: asking for it would build the whole fetch Request on every read.
  app.use('/api/*', (c, next) =>
    bodiless.has(c.req.method) || (c.req.method === 'POST' && c.req.path === '/api/v1/imports')
      ? next()
      : apiBodyLimit(c, next),
  );
  // A page of accounts or a health series is 10–20 KB of JSON: a phone on a slow network gets
  // a fifth of it (src/http/compressJson.ts).
  app.use('/api/*', compressJson());
  const api = buildApi(deps);
  app.route('/api/v1', api);
  app.doc31('/api/v1/openapi.json', openApiInfo);
  // The endpoints outside /api/v1 (Segment, Stripe, help desks, Slack) are described too.
  describeOutsideApi(app.openAPIRegistry);
  // What Steward POSTs to integrations' URLs: the document's `webhooks` (OpenAPI 3.1).
  registerWebhookDocs(app.openAPIRegistry);
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: sessionCookie,
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
  });
  // The reference UI's script is served from the npm package, never from a CDN.
  app.get('/api/docs/scalar.js', async (c) => {
    scalarScript ??= readFile(
      createRequire(import.meta.url).resolve('@scalar/api-reference/browser/standalone.js'),
    );
    c.header('content-type', 'text/javascript; charset=utf-8');
    c.header('cache-control', 'public, max-age=86400');
    return c.body(new Uint8Array(await scalarScript));
  });
  app.get(
    '/api/docs',
    Scalar({ url: '/api/v1/openapi.json', pageTitle: 'Steward API', cdn: '/api/docs/scalar.js' }),
  );
  app.all('/api/*', () => {
    throw new AppError('request.not_found', codeDetail('request.not_found'));
  });

  const webRoot = options.webRoot;
  if (webRoot && existsSync(path.join(webRoot, 'index.html'))) {
    serveWebApp(app, webRoot, sessionCookie);
  }
  return app;
}
