// Every route declares the permission it needs (or `public`); defineRoute puts it both in
// the OpenAPI document (`x-permission`, checked by a test) and in front of the handler.
import { createRoute, OpenAPIHono, z, type RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { AppError, codeDetail, invalid } from '../lib/errors.ts';
import type { Permission } from '../modules/auth/permissions.ts';
import type { AppEnv } from './env.ts';
import { nulErrors } from '../lib/text.ts';
import { fieldErrors, problemSchema } from './problem.ts';

export type RouteAccess = Permission | 'public' | 'signed_in';

const readOnly = new Set(['GET', 'HEAD', 'OPTIONS']);

export function authorize(access: RouteAccess): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (access !== 'public') {
      const actor = c.var.actor;
      if (!actor) throw new AppError('auth.unauthenticated', codeDetail('auth.unauthenticated'));
      if (access !== 'signed_in' && !actor.permissions.has(access)) {
        throw new AppError('auth.forbidden', {
          key: 'errors.http.needsPermission',
          params: { permission: { term: `auth.permissions.${access}` } },
        });
      }
      // A token holds some permissions, not its owner's whole person: it may read what any
      // signed-in person reads, but not change the person (profile, password, channels).
      if (access === 'signed_in' && actor.via === 'token' && !readOnly.has(c.req.method)) {
        throw new AppError('auth.forbidden', { key: 'errors.http.tokenCannotChangeOwner' });
      }
    }
    await next();
  };
}

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problemSchema } },
});

export const problems = {
  400: problem('The request could not be read'),
  401: problem('Not signed in'),
  403: problem('Not allowed'),
  404: problem('Not found'),
  409: problem('Conflicts with what exists'),
  413: problem('Body too large'),
  422: problem('Invalid input, naming each field'),
  429: problem('Too many attempts'),
};

/** The document's tags, one per capability; every route names one (a contract test checks). */
export const apiTags = [
  { name: 'Auth', description: 'Signing in and out, and the signed-in person.' },
  { name: 'Admin', description: 'People, roles, API tokens and the audit log.' },
  {
    name: 'Accounts',
    description:
      'The portfolio, accounts, contacts, custom fields, saved segments and the timeline.',
  },
  { name: 'Work', description: 'Projects, tasks, templates, onboarding and holidays.' },
  {
    name: 'Intake',
    description:
      'Data in: product usage (Segment-compatible), billing (Stripe), help desks, CSV imports and the CRM upsert.',
  },
  { name: 'Health', description: 'Health scores, scorecards, churn risk, plays and the backtest.' },
  {
    name: 'Notifications',
    description: 'The inbox, notification preferences, SLA policies, escalations and deliveries.',
  },
  { name: 'Voice', description: 'Feedback, themes, the roadmap, surveys and NPS.' },
  { name: 'Revenue', description: 'Renewals, expansion, CS metrics, meetings and QBR prep.' },
  { name: 'Assistant', description: 'Ask Steward: questions about the book in plain language.' },
  { name: 'Webhooks', description: 'Outbound webhooks: subscriptions, deliveries and replays.' },
  { name: 'Export', description: "A workspace's data as CSV per entity and one JSON document." },
  { name: 'Slack', description: 'The signed `/steward` slash command.' },
] as const;

export type ApiTag = (typeof apiTags)[number]['name'];

/**
 * A route's declaration: its permission, a stable camelCase `operationId` (verb + noun, e.g.
 * `listAccounts` — generated clients name their methods from it) and its capability's tag.
 */
type Config = Omit<RouteConfig, 'middleware' | 'operationId' | 'tags'> & {
  access: RouteAccess;
  operationId: string;
  tags: [ApiTag];
};

const signedIn: { [scheme: string]: string[] }[] = [{ session: [] }, { bearer: [] }];

export function defineRoute<P extends string, R extends Config & { path: P }>(config: R) {
  const { access, ...route } = config;
  return createRoute({
    ...route,
    'x-permission': access,
    security: access === 'public' ? [] : signedIn,
    middleware: [authorize(access)] as const,
    responses: {
      ...(access === 'public' ? {} : { 401: problems[401], 403: problems[403] }),
      422: problems[422],
      ...route.responses,
    },
  });
}

/** The `{id}` path parameter most routes take. */
export const idParam = z.object({ id: z.uuid() });

export const json = <T>(schema: T, description = 'OK') => ({
  description,
  content: { 'application/json': { schema } },
});

/** A route's required JSON body, for `request: { ...jsonBody(schema) }`. */
export const jsonBody = <T>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

/**
 * A module's router: invalid input anywhere becomes a 422 naming each field, each field's message
 * in the asker's language. Valid input is checked once more for what no schema says but
 * PostgreSQL refuses — a NUL character in any string of the body, query, path or form — so that
 * no route has to remember it.
 */
export function newRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      const at = result.target === 'json' ? undefined : result.target;
      if (!result.success) {
        // On failure the validator still hands over what it validated (its types omit it).
        const input = 'data' in result ? result.data : undefined;
        // A path's malformed id comes from a link, not from a field anyone filled in.
        const detail =
          result.target === 'param' ? { key: 'errors.http.invalidAddress' as const } : undefined;
        throw invalid(fieldErrors(result.error, at, input), detail);
      }
      const nul = nulErrors(result.data, at);
      if (nul.length > 0) {
        throw invalid(nul);
      }
    },
  });
}
