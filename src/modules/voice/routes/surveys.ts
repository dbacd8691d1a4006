// HTTP for NPS and CSAT: responses through the API, invitations a CSM sends to contacts (each
// with its single-use link), and the NPS dashboard by account or tier.
import { z } from '@hono/zod-openapi';
import type { Deps } from '../../../context.ts';
import { defineRoute, json, newRouter } from '../../../http/route.ts';
import { scopeFor } from '../../accounts/index.ts';
import { actorOf } from '../../auth/index.ts';
import { npsReport } from '../surveys/dashboard.ts';
import { inviteContacts } from '../surveys/invite.ts';
import { listResponses, logResponse } from '../surveys/respond.ts';
import {
  invitationBody,
  invitationSchema,
  npsQuery,
  npsReportSchema,
  responsesQuery,
  surveyResponseBody,
  surveyResponseSchema,
} from '../surveySchema.ts';

export function surveyRoutes(deps: Deps) {
  const { db, clock } = deps;
  return newRouter()
    .openapi(
      defineRoute({
        method: 'post',
        path: '/surveys/responses',
        operationId: 'recordSurveyResponse',
        tags: ['Voice'],
        access: 'manage_feedback',
        summary:
          'Record an NPS (0–10) or CSAT (1–5) response; a comment becomes feedback, a detractor opens a follow-up',
        request: {
          body: { content: { 'application/json': { schema: surveyResponseBody } }, required: true },
        },
        responses: { 201: json(surveyResponseSchema, 'Recorded') },
      }),
      async (c) => {
        const actor = actorOf(c);
        return c.json(await logResponse(deps, actor, scopeFor(actor), c.req.valid('json')), 201);
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/surveys/responses',
        operationId: 'listSurveyResponses',
        tags: ['Voice'],
        access: 'view_nps_scores',
        summary: 'Survey responses, newest first (a CSM sees their own clients’)',
        request: { query: responsesQuery },
        responses: { 200: json(z.object({ items: z.array(surveyResponseSchema) })) },
      }),
      async (c) =>
        c.json({ items: await listResponses(db, scopeFor(actorOf(c)), c.req.valid('query')) }, 200),
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/surveys/invitations',
        operationId: 'sendSurveyInvitations',
        tags: ['Voice'],
        access: 'manage_feedback',
        summary:
          'Send contacts a survey link by e-mail: signed for each contact and survey, usable once',
        request: {
          body: { content: { 'application/json': { schema: invitationBody } }, required: true },
        },
        responses: { 201: json(z.object({ items: z.array(invitationSchema) }), 'Sent') },
      }),
      async (c) => {
        const actor = actorOf(c);
        const items = await inviteContacts(deps, actor, scopeFor(actor), c.req.valid('json'));
        return c.json({ items }, 201);
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/nps',
        operationId: 'getNps',
        tags: ['Voice'],
        access: 'view_nps_scores',
        summary:
          'NPS by account, tier or saved segment with its trend, the split, NPS by month, CSAT, verbatims',
        request: { query: npsQuery },
        responses: { 200: json(npsReportSchema) },
      }),
      async (c) => {
        const actor = actorOf(c);
        const report = await npsReport(db, scopeFor(actor), c.req.valid('query'), clock.now(), {
          userId: actor.userId,
          clock,
        });
        return c.json(report, 200);
      },
    );
}
