// HTTP for `/steward <account name>` and `/steward link <code>` in Slack (answered by ../slackCommand.ts). Requests are verified as Slack documents
// (api.slack.com/authentication/verifying-requests-from-slack): v0 HMAC-SHA256 of
// `v0:<timestamp>:<raw body>` with the signing secret, within five minutes.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import type { Deps } from '../../../context.ts';
import type { AppEnv } from '../../../http/env.ts';
import { AppError, invalid } from '../../../lib/errors.ts';
import { nulErrors } from '../../../lib/text.ts';
import { answerSlackCommand, type SlackSubcommand } from '../slackCommand.ts';

const windowSeconds = 5 * 60;

export function slackSignatureValid(input: {
  secret: string;
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: string;
  now: Date;
}): boolean {
  const { secret, timestamp, signature, rawBody, now } = input;
  if (!timestamp || !signature || !/^\d+$/.test(timestamp)) return false;
  // Old requests are refused so a captured one cannot be replayed later.
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > windowSeconds) return false;
  const expected = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
  const a = Buffer.from(expected);
  const b = Buffer.from(signature);
  return a.length === b.length && timingSafeEqual(a, b);
}

const commandSchema = z.object({
  text: z.string().default(''),
  command: z.string().optional(),
  // The member id of who asks (U012AB3CD): the person who linked it reads the answer.
  user_id: z.string().optional(),
  // The Slack workspace it was typed in (T012AB3CD): only the workspace's own team is answered.
  team_id: z.string().optional(),
  user_name: z.string().optional(),
});

export function slackCommandRoutes(
  { db, clock, config }: Deps,
  subcommands: Readonly<Record<string, SlackSubcommand>> = {},
) {
  return new Hono<AppEnv>().post('/slack/commands', async (c) => {
    const rawBody = await c.req.text();
    const valid =
      config.slackSigningSecret !== undefined &&
      slackSignatureValid({
        secret: config.slackSigningSecret,
        timestamp: c.req.header('x-slack-request-timestamp'),
        signature: c.req.header('x-slack-signature'),
        rawBody,
        now: clock.now(),
      });
    if (!valid)
      throw new AppError('slack.invalid_signature', { key: 'notify.problem.slackSignature' });
    const form = Object.fromEntries(new URLSearchParams(rawBody));
    // PostgreSQL stores and compares no NUL character: refused here, naming the field.
    const nul = nulErrors(form);
    if (nul.length > 0) throw invalid(nul);
    const command = commandSchema.parse(form);
    const reply = await answerSlackCommand(
      db,
      {
        text: command.text,
        memberId: command.user_id || null,
        teamId: command.team_id || null,
        slackUser: command.user_name ?? null,
        workspaceSlug: config.slackWorkspace,
        now: clock.now(),
      },
      subcommands,
    );
    return c.json({ response_type: 'ephemeral', ...reply });
  });
}
