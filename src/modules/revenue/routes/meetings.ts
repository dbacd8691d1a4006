// HTTP for meetings and QBRs: the calendar, scheduling and changing a meeting, holding it with
// its action items, its invitation as an .ics, overdue QBRs and the review cadence.
import { z } from '@hono/zod-openapi';
import type { Deps } from '../../../context.ts';
import { dayMs } from '../../../lib/calendar.ts';
import { defineRoute, idParam, json, newRouter, problems, jsonBody } from '../../../http/route.ts';
import { scopeFor } from '../../accounts/index.ts';
import { actorOf } from '../../auth/index.ts';
import { loadCadences, setCadences } from '../cadences.ts';
import { meetingInvite } from '../meetings/invites.ts';
import { overdueQbrs } from '../meetings/overdue.ts';
import { addActionItems, completeMeeting } from '../meetings/actionItems.ts';
import { cancelMeeting, changeMeeting, scheduleMeeting } from '../meetings/schedule.ts';
import { getMeeting, listMeetings } from '../meetings/view.ts';
import {
  actionItemsBody,
  cadencesBody,
  cadencesSchema,
  completeMeetingBody,
  createMeetingBody,
  meetingDetailSchema,
  meetingSchema,
  meetingsQuery,
  overdueQbrsQuery,
  overdueQbrsSchema,
  updateMeetingBody,
} from '../schema/meetings.ts';
import { ownerOf } from './shared.ts';

export function meetingRoutes({ db, clock, config }: Deps) {
  return newRouter()
    .openapi(
      defineRoute({
        method: 'get',
        path: '/meetings/overdue-qbrs',
        operationId: 'listOverdueQbrs',
        tags: ['Revenue'],
        access: 'schedule_business_reviews',
        summary:
          'Accounts overdue for a QBR by their tier’s cadence (default: enterprise each quarter), most overdue first, and this quarter’s QBR completion',
        request: { query: overdueQbrsQuery },
        responses: { 200: json(overdueQbrsSchema) },
      }),
      async (c) => {
        const actor = actorOf(c);
        const owner = ownerOf(actor, c.req.valid('query').owner);
        return c.json(await overdueQbrs(db, clock, scopeFor(actor), { owner }), 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/meetings/cadences',
        operationId: 'listMeetingCadences',
        tags: ['Revenue'],
        access: 'view_accounts',
        summary: 'Months between business reviews, per tier',
        responses: { 200: json(cadencesSchema) },
      }),
      async (c) => c.json({ items: await loadCadences(db, actorOf(c).workspaceId) }, 200),
    )
    .openapi(
      defineRoute({
        method: 'put',
        path: '/meetings/cadences',
        operationId: 'updateMeetingCadences',
        tags: ['Revenue'],
        access: 'manage_revenue_targets',
        summary: 'Set the months between business reviews for tiers (null: no cadence)',
        request: jsonBody(cadencesBody),
        responses: { 200: json(cadencesSchema) },
      }),
      async (c) => {
        const actor = actorOf(c);
        const items = await setCadences(db, actor, clock.now(), c.req.valid('json').cadences);
        return c.json({ items }, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/meetings',
        operationId: 'listMeetings',
        tags: ['Revenue'],
        access: 'view_accounts',
        summary: 'Meetings in a time range (an account’s, or mine), earliest first',
        request: { query: meetingsQuery },
        responses: {
          200: json(z.object({ items: z.array(meetingSchema), nextCursor: z.string().nullable() })),
        },
      }),
      async (c) => {
        const actor = actorOf(c);
        const query = c.req.valid('query');
        const now = clock.now().getTime();
        return c.json(
          await listMeetings(db, scopeFor(actor), {
            ...(query.accountId ? { accountId: query.accountId } : {}),
            ...(query.status ? { status: query.status } : {}),
            ...(query.mine === 'true' ? { attendee: actor.userId } : {}),
            ...(query.cursor ? { cursor: query.cursor } : {}),
            from: query.from ? new Date(query.from) : new Date(now - 30 * dayMs),
            to: query.to ? new Date(query.to) : new Date(now + 90 * dayMs),
            limit: query.limit,
          }),
          200,
        );
      },
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/meetings',
        operationId: 'createMeeting',
        tags: ['Revenue'],
        access: 'manage_client_meetings',
        summary:
          'Schedule a meeting with a customer; attendees get an iCalendar invitation by e-mail (a QBR needs schedule_business_reviews)',
        request: jsonBody(createMeetingBody),
        responses: { 201: json(meetingDetailSchema, 'Scheduled'), 404: problems[404] },
      }),
      async (c) => {
        const actor = actorOf(c);
        return c.json(
          await scheduleMeeting(
            db,
            clock,
            actor,
            scopeFor(actor),
            c.req.valid('json'),
            config.publicUrl,
          ),
          201,
        );
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/meetings/{id}',
        operationId: 'getMeeting',
        tags: ['Revenue'],
        access: 'view_accounts',
        summary: 'A meeting with its attendees, action items and the invitations sent',
        request: { params: idParam },
        responses: { 200: json(meetingDetailSchema), 404: problems[404] },
      }),
      async (c) => {
        const actor = actorOf(c);
        return c.json(await getMeeting(db, scopeFor(actor), c.req.valid('param').id), 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'patch',
        path: '/meetings/{id}',
        operationId: 'updateMeeting',
        tags: ['Revenue'],
        access: 'manage_client_meetings',
        summary:
          'Change a meeting: a new time, title, place, agenda or attendees sends an update (SEQUENCE + 1); those taken off get a cancellation',
        request: { params: idParam, ...jsonBody(updateMeetingBody) },
        responses: { 200: json(meetingDetailSchema), 404: problems[404], 409: problems[409] },
      }),
      async (c) => {
        const actor = actorOf(c);
        return c.json(
          await changeMeeting(
            db,
            clock,
            actor,
            scopeFor(actor),
            c.req.valid('param').id,
            c.req.valid('json'),
            config.publicUrl,
          ),
          200,
        );
      },
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/meetings/{id}/cancel',
        operationId: 'cancelMeeting',
        tags: ['Revenue'],
        access: 'manage_client_meetings',
        summary: 'Cancel a meeting: every attendee gets a METHOD:CANCEL',
        request: { params: idParam },
        responses: { 200: json(meetingDetailSchema), 404: problems[404], 409: problems[409] },
      }),
      async (c) => {
        const actor = actorOf(c);
        return c.json(
          await cancelMeeting(
            db,
            clock,
            actor,
            scopeFor(actor),
            c.req.valid('param').id,
            config.publicUrl,
          ),
          200,
        );
      },
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/meetings/{id}/complete',
        operationId: 'completeMeeting',
        tags: ['Revenue'],
        access: 'manage_client_meetings',
        summary: 'Mark a meeting held, with its notes; each action item becomes a task',
        request: { params: idParam, ...jsonBody(completeMeetingBody) },
        responses: { 200: json(meetingDetailSchema), 404: problems[404], 409: problems[409] },
      }),
      async (c) => {
        const actor = actorOf(c);
        return c.json(
          await completeMeeting(
            db,
            clock,
            actor,
            scopeFor(actor),
            c.req.valid('param').id,
            c.req.valid('json'),
          ),
          200,
        );
      },
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/meetings/{id}/action-items',
        operationId: 'createMeetingActionItem',
        tags: ['Revenue'],
        access: 'manage_client_meetings',
        summary: 'Add action items to a meeting: each becomes a task on the account',
        request: { params: idParam, ...jsonBody(actionItemsBody) },
        responses: { 200: json(meetingDetailSchema), 404: problems[404] },
      }),
      async (c) => {
        const actor = actorOf(c);
        return c.json(
          await addActionItems(
            db,
            clock,
            actor,
            scopeFor(actor),
            c.req.valid('param').id,
            c.req.valid('json').actionItems,
          ),
          200,
        );
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/meetings/{id}/invite.ics',
        operationId: 'getMeetingInvite',
        tags: ['Revenue'],
        access: 'view_accounts',
        summary:
          'The meeting as an iCalendar invitation (RFC 5545): METHOD:REQUEST, or CANCEL once cancelled',
        request: { params: idParam },
        responses: {
          200: {
            description: 'text/calendar',
            content: { 'text/calendar': { schema: z.string() } },
          },
          404: problems[404],
        },
      }),
      async (c) => {
        const invite = await meetingInvite(
          db,
          clock,
          config,
          scopeFor(actorOf(c)),
          c.req.valid('param').id,
        );
        return c.body(invite.ics, 200, {
          'content-type': `text/calendar; charset=utf-8; method=${invite.method}`,
          'content-disposition': `attachment; filename="meeting-${invite.id}.ics"`,
        });
      },
    );
}
