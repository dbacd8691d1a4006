// HTTP for the account timeline.
import { z } from '@hono/zod-openapi';
import type { Actor, Deps } from '../../../context.ts';
import { renderMessage } from '../../../i18n/index.ts';
import { defineRoute, idParam, json, newRouter, problems } from '../../../http/route.ts';
import { pageOf, pageQuery } from '../../../lib/pagination.ts';
import { actorOf } from '../../auth/index.ts';
import { logEventBody, timelineEventSchema, timelineKindSchema } from '../schema.ts';
import { getAccount, scopeFor } from '../service.ts';
import { logTimelineEvent, timeline, type TimelineEvent } from '../timeline.ts';

/** An event as its reader sees it: the server's title rendered in their language. */
export function presentEvent(event: TimelineEvent, reader: Pick<Actor, 'locale' | 'timeZone'>) {
  const { title } = event;
  return typeof title === 'string'
    ? { ...event, title, titleKey: null }
    : {
        ...event,
        title: renderMessage(title, reader.locale, reader.timeZone),
        titleKey: title.key,
      };
}

export function timelineRoutes({ db, clock }: Deps) {
  return newRouter()
    .openapi(
      defineRoute({
        method: 'get',
        path: '/accounts/{id}/timeline',
        operationId: 'listTimelineEvents',
        tags: ['Accounts'],
        access: 'view_accounts',
        summary: "The account's timeline, newest first",
        request: {
          params: idParam,
          query: z.object({
            kind: z
              .string()
              .transform((v) => v.split(','))
              .pipe(z.array(timelineKindSchema))
              .optional(),
            ...pageQuery,
          }),
        },
        responses: {
          200: json(pageOf(timelineEventSchema)),
          400: problems[400],
          404: problems[404],
        },
      }),
      async (c) => {
        const actor = actorOf(c);
        const account = await getAccount(db, scopeFor(actor), c.req.valid('param').id);
        const { kind, limit, cursor } = c.req.valid('query');
        const page = await timeline(db, actor.workspaceId, account.id, { kind, limit, cursor });
        return c.json(
          { ...page, items: page.items.map((event) => presentEvent(event, actor)) },
          200,
        );
      },
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/accounts/{id}/timeline',
        operationId: 'createTimelineEvent',
        tags: ['Accounts'],
        access: 'add_timeline_notes',
        summary: 'Log a note, call, e-mail or meeting on the account',
        request: {
          params: idParam,
          body: { content: { 'application/json': { schema: logEventBody } }, required: true },
        },
        responses: { 201: json(timelineEventSchema, 'Logged'), 404: problems[404] },
      }),
      async (c) => {
        const actor = actorOf(c);
        const account = await getAccount(db, scopeFor(actor), c.req.valid('param').id);
        const event = await logTimelineEvent(db, clock, actor, account.id, c.req.valid('json'));
        return c.json(presentEvent(event, actor), 201);
      },
    );
}
