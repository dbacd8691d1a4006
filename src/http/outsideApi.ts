// The endpoints outside /api/v1, described in the OpenAPI document. They keep their senders'
// formats (Segment's tracking API, Stripe's and help desks' webhooks, Slack's slash command)
// and their own authentication (a write key, a signature), so their handlers are plain Hono
// routes; this file only describes them. Each operation names how it is authenticated in
// `x-permission` (`write_key` or `signature`), as defineRoute does for permissions.
import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './env.ts';
import { problemSchema } from './problem.ts';
import { problems } from './route.ts';

type Registry = OpenAPIHono<AppEnv>['openAPIRegistry'];

const traits = z.record(z.string(), z.unknown());

const segmentMessage = z
  .looseObject({
    type: z
      .enum(['identify', 'group', 'track', 'page', 'screen', 'alias'])
      .optional()
      .openapi({ description: 'Taken from the path on single-message calls.' }),
    messageId: z.string().optional().openapi({
      description: 'Deduplicates retries; Steward derives one from the message when absent.',
    }),
    userId: z.string().optional().openapi({ description: 'The contact (product user).' }),
    anonymousId: z.string().optional(),
    groupId: z
      .string()
      .optional()
      .openapi({ description: 'The account: its `externalId`, else its Steward id.' }),
    event: z.string().optional().openapi({ description: 'A track call’s event (feature) name.' }),
    name: z.string().optional().openapi({ description: 'A page or screen name.' }),
    traits: traits.optional(),
    properties: traits.optional(),
    timestamp: z.string().optional().openapi({ format: 'date-time' }),
    context: z.looseObject({ groupId: z.string().optional() }).optional(),
  })
  .openapi('SegmentMessage', {
    description: "A message in Segment's spec (segment.com/docs/connections/spec/common/).",
    example: {
      type: 'track',
      userId: 'u-481',
      event: 'Report Exported',
      properties: { format: 'csv' },
      timestamp: '2026-11-30T14:05:00Z',
      context: { groupId: 'acme-001' },
    },
  });

const segmentBatch = z
  .looseObject({
    batch: z.array(segmentMessage).openapi({ description: 'Up to 500 KB per request.' }),
    writeKey: z
      .string()
      .optional()
      .openapi({ description: 'For senders that cannot set the Authorization header.' }),
  })
  .openapi('SegmentBatch', {
    example: {
      batch: [
        { type: 'group', userId: 'u-481', groupId: 'acme-001', traits: { name: 'Acme Corp' } },
        { type: 'track', userId: 'u-481', event: 'Report Exported', properties: {} },
      ],
    },
  });

const segmentAccepted = z.object({ success: z.literal(true) }).openapi('SegmentAccepted');

const received = (outcomes: readonly [string, ...string[]]) =>
  z.object({ received: z.literal(true), outcome: z.enum(outcomes) });

const stripeEvent = z
  .looseObject({
    id: z.string(),
    type: z.string().openapi({
      description:
        'Steward acts on customer.subscription.created/updated/deleted, invoice.paid and invoice.payment_failed; other types are acknowledged.',
    }),
    created: z.number().int(),
    data: z.looseObject({ object: z.looseObject({}) }),
  })
  .openapi('StripeEvent', {
    description: 'A Stripe event, as Stripe sends it (stripe.com/docs/api/events/object).',
    example: {
      id: 'evt_1Q',
      type: 'invoice.paid',
      created: 1764770700,
      data: { object: { id: 'in_1Q', customer: 'cus_Q', amount_paid: 120000 } },
    },
  });

const supportTicket = z
  .looseObject({
    id: z.union([z.string(), z.number()]),
    accountExternalId: z.string().optional(),
    accountDomain: z.string().optional(),
    subject: z.string(),
    status: z.enum(['open', 'pending', 'solved', 'closed']),
    priority: z.enum(['low', 'normal', 'high', 'urgent']).optional(),
    requesterEmail: z.string().optional(),
    openedAt: z.string().openapi({ format: 'date-time' }),
    solvedAt: z.string().optional().openapi({ format: 'date-time' }),
    firstResponseAt: z.string().optional().openapi({ format: 'date-time' }),
    csat: z.number().int().min(1).max(5).optional(),
    updatedAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('SupportTicket', {
    description:
      'Steward\'s generic ticket (an account by `accountExternalId` or `accountDomain`); a Zendesk trigger\'s `{ "ticket": { … } }` body is read too.',
    example: {
      id: 'T-1042',
      accountExternalId: 'acme-001',
      subject: 'Export to CSV times out',
      status: 'open',
      priority: 'high',
      openedAt: '2026-12-01T09:12:00Z',
      updatedAt: '2026-12-01T09:12:00Z',
    },
  });

const slackCommand = z
  .looseObject({
    command: z.string().optional(),
    text: z.string().openapi({
      description:
        '`<account name>`, `feedback <account> <text>`, or `link <code>` with the code from `POST /api/v1/me/slack-link`.',
    }),
    user_id: z.string().optional().openapi({
      description: 'The Slack member who typed it; the person who linked it reads the answer.',
    }),
    team_id: z.string().optional().openapi({
      description: "The Slack team it was typed in: only the workspace's own team is answered.",
    }),
    user_name: z.string().optional(),
  })
  .openapi('SlackCommand', { example: { command: '/steward', text: 'Acme Corp' } });

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problemSchema } },
});

const jsonBody = <T>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

const ok = <T>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

function describeTracking(registry: Registry) {
  registry.registerComponent('securitySchemes', 'writeKey', {
    type: 'http',
    scheme: 'basic',
    description: 'A Steward write key as the HTTP Basic username, the password empty.',
  });
  const common = {
    method: 'post' as const,
    tags: ['Intake'],
    'x-permission': 'write_key',
    security: [{ writeKey: [] }],
  };
  const responses = {
    200: ok(segmentAccepted, 'Accepted: the messages are stored'),
    400: problem('Not valid Segment messages, naming each field; none were accepted'),
    401: problems[401],
  };
  for (const [path, operationId, summary] of [
    ['/v1/batch', 'trackBatch', 'Segment: a batch of messages'],
    ['/v1/import', 'importBatch', 'Segment: a batch of historical messages'],
  ] as const) {
    registry.registerPath({
      ...common,
      path,
      operationId,
      summary,
      request: { body: jsonBody(segmentBatch) },
      responses,
    });
  }
  for (const [type, operationId] of [
    ['identify', 'identifyUser'],
    ['group', 'groupUser'],
    ['track', 'trackEvent'],
    ['page', 'trackPage'],
    ['screen', 'trackScreen'],
    ['alias', 'aliasUser'],
  ] as const) {
    registry.registerPath({
      ...common,
      path: `/v1/${type}`,
      operationId,
      summary: `Segment: one ${type} message`,
      request: { body: jsonBody(segmentMessage) },
      responses,
    });
  }
}

const signed = { 'x-permission': 'signature', security: [] };

function describeWebhooks(registry: Registry) {
  registry.registerPath({
    ...signed,
    method: 'post',
    path: '/webhooks/stripe',
    operationId: 'receiveStripeEvent',
    tags: ['Intake'],
    summary: 'Stripe: subscription and invoice events',
    description:
      "Verified with `Stripe-Signature` against STRIPE_WEBHOOK_SECRET or a workspace's Stripe signing secret; a bad signature answers 400 before anything is read.",
    request: {
      headers: z.object({ 'stripe-signature': z.string() }),
      body: jsonBody(stripeEvent),
    },
    responses: {
      200: ok(received(['applied', 'stale', 'ignored', 'review', 'replay']), 'Received'),
      400: problem('A bad signature, or a body that is not a Stripe event'),
      413: problems[413],
    },
  });
  registry.registerPath({
    ...signed,
    method: 'post',
    path: '/webhooks/support',
    operationId: 'receiveSupportTicket',
    tags: ['Intake'],
    summary: 'Help desk: a ticket created or updated (Zendesk or generic)',
    description:
      'Signed with a support secret: `X-Steward-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, within five minutes.',
    request: {
      headers: z.object({ 'x-steward-signature': z.string() }),
      body: jsonBody(supportTicket),
    },
    responses: {
      200: ok(received(['applied', 'unchanged', 'review']), 'Received'),
      400: problem('A bad or stale signature, or a body that is not a ticket (naming each field)'),
      413: problems[413],
    },
  });
  registry.registerPath({
    ...signed,
    method: 'post',
    path: '/slack/commands',
    operationId: 'runSlackCommand',
    tags: ['Slack'],
    summary: 'Slack: the /steward slash command',
    description:
      "Verified as Slack documents: `X-Slack-Signature` is `v0=` + HMAC-SHA256 of `v0:<X-Slack-Request-Timestamp>:<raw body>` with the app's signing secret, within five minutes.",
    request: {
      headers: z.object({
        'x-slack-signature': z.string(),
        'x-slack-request-timestamp': z.string(),
      }),
      body: {
        required: true,
        content: { 'application/x-www-form-urlencoded': { schema: slackCommand } },
      },
    },
    responses: {
      200: ok(
        z.looseObject({ response_type: z.literal('ephemeral'), text: z.string() }),
        'An ephemeral reply for the person who typed it',
      ),
      401: problem('The Slack signature is not valid'),
    },
  });
}

/** Adds the endpoints outside /api/v1 to the document. */
export function describeOutsideApi(registry: Registry) {
  describeTracking(registry);
  describeWebhooks(registry);
}
