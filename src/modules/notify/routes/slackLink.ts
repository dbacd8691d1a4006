// HTTP for a person's Slack link: see it, start one (a one-time code to type in Slack as
// `/steward link <code>`), or unlink; and for an admin, disconnecting the workspace's Slack team. The link itself is made by the signed Slack command
// (routes/slackCommand.ts → ../slackLink.ts).
import { z } from '@hono/zod-openapi';
import type { Deps } from '../../../context.ts';
import { defineRoute, json, newRouter } from '../../../http/route.ts';
import { actorOf } from '../../auth/index.ts';
import { disconnectSlackTeam, slackLinkStatus, startSlackLink, unlinkSlack } from '../slackLink.ts';

const slackLinkSchema = z
  .object({
    linked: z
      .object({
        memberId: z.string().openapi({ example: 'U012AB3CD' }),
        teamId: z.string().openapi({ example: 'T012AB3CD' }),
        linkedAt: z.iso.datetime(),
      })
      .nullable()
      .openapi({ description: 'The Slack member you linked from Slack, or null' }),
    pendingUntil: z.iso
      .datetime()
      .nullable()
      .openapi({ description: 'When the code you started a link with stops working, if unused' }),
    workspaceTeamId: z.string().nullable().openapi({
      description:
        'The Slack team this workspace answers, recorded by its first link; null until then',
    }),
  })
  .openapi('SlackLink');

const slackLinkCodeSchema = z
  .object({
    code: z.string().openapi({ example: 'K7QM-4XPD' }),
    command: z.string().openapi({ example: '/steward link K7QM-4XPD' }),
    expiresAt: z.iso.datetime(),
  })
  .openapi('SlackLinkCode');

export function slackLinkRoutes({ db, clock }: Deps) {
  return newRouter()
    .openapi(
      defineRoute({
        method: 'get',
        path: '/me/slack-link',
        operationId: 'getSlackLink',
        tags: ['Notifications'],
        access: 'signed_in',
        summary: 'Your Slack link: the member you linked, a code not used yet, the Slack team',
        responses: { 200: json(slackLinkSchema) },
      }),
      async (c) => c.json(await slackLinkStatus(db, actorOf(c), clock.now()), 200),
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/me/slack-link',
        operationId: 'startSlackLink',
        tags: ['Notifications'],
        access: 'signed_in',
        summary: 'Start linking Slack: a one-time code to type in Slack as `/steward link <code>`',
        description:
          'The code works once, for 10 minutes, in this workspace only, and replaces any code ' +
          'you had not used. Typed in Slack, it links the Slack member who typed it to you.',
        responses: { 201: json(slackLinkCodeSchema) },
      }),
      async (c) => c.json(await startSlackLink(db, actorOf(c), clock.now()), 201),
    )
    .openapi(
      defineRoute({
        method: 'delete',
        path: '/me/slack-link',
        operationId: 'unlinkSlack',
        tags: ['Notifications'],
        access: 'signed_in',
        summary: 'Unlink your Slack member: Slack commands from it no longer act as you',
        responses: { 204: { description: 'Unlinked (or nothing was linked)' } },
      }),
      async (c) => {
        await unlinkSlack(db, actorOf(c));
        return c.body(null, 204);
      },
    )
    .openapi(
      defineRoute({
        method: 'delete',
        path: '/slack-team',
        operationId: 'disconnectSlackTeam',
        tags: ['Notifications'],
        access: 'manage_integrations',
        summary: "Disconnect the workspace's Slack team, with every person's Slack link",
        description:
          'For a first link made from the wrong Slack workspace: Slack is answered again once ' +
          'someone links anew, and that link records the team.',
        responses: { 204: { description: 'Disconnected (or no team was recorded)' } },
      }),
      async (c) => {
        await disconnectSlackTeam(db, actorOf(c));
        return c.body(null, 204);
      },
    );
}
