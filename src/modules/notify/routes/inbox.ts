// HTTP for the in-app inbox and its live stream, and a person's notification preferences.
import { z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import type { Deps } from '../../../context.ts';
import { defineRoute, idParam, json, newRouter, problems } from '../../../http/route.ts';
import { pageQuery } from '../../../lib/pagination.ts';
import { AppError } from '../../../lib/errors.ts';
import { actorOf } from '../../auth/index.ts';
import { inboxOf, markAllRead, markRead, notificationSchema } from '../inbox.ts';
import {
  preferencesOf,
  preferencesSchema,
  savePreferences,
  updatePreferencesBody,
} from '../preferences.ts';
import { inboxHub } from '../stream.ts';

const inboxPage = z
  .object({
    items: z.array(notificationSchema),
    nextCursor: z.string().nullable(),
    unreadCount: z.number().int(),
  })
  .openapi('Inbox');

/** Streams say they are alive this often, so proxies keep them open. */
const heartbeatMs = 25_000;

export function inboxRoutes({ db, clock, config, logger }: Deps) {
  return newRouter()
    .openapi(
      defineRoute({
        method: 'get',
        path: '/notifications',
        operationId: 'listNotifications',
        tags: ['Notifications'],
        access: 'signed_in',
        summary: 'Your inbox, newest first, with the unread count',
        request: { query: z.object(pageQuery) },
        responses: { 200: json(inboxPage), 400: problems[400] },
      }),
      async (c) => c.json(await inboxOf(db, actorOf(c), c.req.valid('query'), clock.now()), 200),
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/notifications/read-all',
        operationId: 'markAllNotificationsRead',
        tags: ['Notifications'],
        access: 'signed_in',
        summary: 'Mark every notification of yours read',
        responses: { 200: json(z.object({ marked: z.number().int() })) },
      }),
      async (c) => c.json({ marked: await markAllRead(db, actorOf(c), clock.now()) }, 200),
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/notifications/{id}/read',
        operationId: 'markNotificationRead',
        tags: ['Notifications'],
        access: 'signed_in',
        summary: 'Mark one notification read',
        request: { params: idParam },
        responses: { 204: { description: 'Read' }, 404: problems[404] },
      }),
      async (c) => {
        await markRead(db, actorOf(c), c.req.valid('param').id, clock.now());
        return c.body(null, 204);
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/notifications/stream',
        operationId: 'streamNotifications',
        tags: ['Notifications'],
        access: 'signed_in',
        summary: 'Server-sent events: `inbox` with the unread count whenever something arrives',
        responses: {
          200: {
            description: 'An event stream',
            content: { 'text/event-stream': { schema: z.string() } },
          },
        },
      }),
      async (c) => {
        const who = actorOf(c);
        const hub = await inboxHub(config, logger);
        return streamSSE(c, async (stream) => {
          let wake = () => {};
          const unsubscribe = hub.subscribe(who.userId, () => wake());
          stream.onAbort(() => wake());
          try {
            while (!stream.aborted) {
              const { unreadCount } = await inboxOf(db, who, { limit: 1 }, clock.now());
              await stream.writeSSE({ event: 'inbox', data: JSON.stringify({ unreadCount }) });
              await new Promise<void>((resolve) => {
                const timer = setTimeout(resolve, heartbeatMs);
                wake = () => {
                  clearTimeout(timer);
                  resolve();
                };
              });
            }
          } finally {
            unsubscribe();
          }
        }) as never;
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/me/notification-preferences',
        operationId: 'getNotificationPreferences',
        tags: ['Notifications'],
        access: 'signed_in',
        summary: 'Your notification rules, digest hour, quiet hours, channels, Slack and mutes',
        responses: { 200: json(preferencesSchema) },
      }),
      async (c) => {
        const who = actorOf(c);
        return c.json(await preferencesOf(db, who.workspaceId, who.userId), 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'put',
        path: '/me/notification-preferences',
        operationId: 'updateNotificationPreferences',
        tags: ['Notifications'],
        access: 'signed_in',
        summary: 'Change your notification preferences (fields left out stay as they are)',
        request: {
          body: {
            content: { 'application/json': { schema: updatePreferencesBody } },
            required: true,
          },
        },
        responses: { 200: json(preferencesSchema) },
      }),
      async (c) => {
        const actor = actorOf(c);
        const body = c.req.valid('json');
        // A Slack webhook connects an outside tool to the person's account, as an API token
        // does: a viewer, who changes nothing, connects neither.
        if (body.slackWebhookUrl && !actor.permissions.has('manage_api_tokens')) {
          throw new AppError('auth.forbidden', { key: 'notify.problem.slackNeedsPermission' });
        }
        return c.json(
          await savePreferences(db, actor, body, {
            slackRules: {
              allowInsecure: config.allowInsecureWebhooks,
              extraHosts: config.slackWebhookHosts,
            },
            now: clock.now(),
          }),
          200,
        );
      },
    );
}
