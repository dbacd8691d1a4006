// `/steward <account name>` in Slack: the account's health, churn risk, renewal and open
// escalations, as an ephemeral answer. Requests are verified as Slack documents
// (api.slack.com/authentication/verifying-requests-from-slack): v0 HMAC-SHA256 of
// `v0:<timestamp>:<raw body>` with the signing secret, within five minutes.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../../db/connect.ts';
import type { Deps } from '../../../context.ts';
import type { AppEnv } from '../../../http/env.ts';
import { AppError } from '../../../lib/errors.ts';

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

const commandSchema = z.object({ text: z.string().default(''), command: z.string().optional() });

const daysBetween = (from: Date, to: string) =>
  Math.round(
    (Date.parse(`${to}T00:00:00Z`) - Date.parse(from.toISOString().slice(0, 10))) / 86_400_000,
  );

async function commandWorkspace(db: Db, slug: string | undefined) {
  const rows = await db
    .selectFrom('workspaces')
    .select('id')
    .$if(slug !== undefined, (q) => q.where('slug', '=', slug ?? ''))
    .limit(2)
    .execute();
  return rows.length === 1 ? rows[0] : undefined;
}

export async function accountSummary(db: Db, workspaceId: string, name: string, now: Date) {
  const account = await db
    .selectFrom('accounts')
    .select(['id', 'name', 'health_score', 'health_category', 'churn_risk_level', 'renewal_date'])
    .where('workspace_id', '=', workspaceId)
    .where('deleted_at', 'is', null)
    .where(sql<boolean>`lower(name) like ${`%${name.toLowerCase().replace(/[%_\\]/g, '\\$&')}%`}`)
    // The exact name first, then the shortest match.
    .orderBy(sql`lower(name) = ${name.toLowerCase()}`, 'desc')
    .orderBy(sql`length(name)`)
    .limit(1)
    .executeTakeFirst();
  if (!account) return { text: `No account matches "${name}".` };
  const open = await db
    .selectFrom('escalations as e')
    .innerJoin('tasks as t', 't.id', 'e.task_id')
    .select(['t.title', 'e.kind'])
    .where('e.workspace_id', '=', workspaceId)
    .where('t.account_id', '=', account.id)
    .where('t.status', '<>', 'done')
    .where('t.deleted_at', 'is', null)
    .where('e.kind', 'in', ['breach', 'escalation'])
    .where('e.resolved_at', 'is', null)
    .orderBy('e.raised_at', 'desc')
    .execute();
  const health =
    account.health_score === null
      ? 'not scored yet'
      : `${account.health_score}/100 (${account.health_category?.replace('_', ' ') ?? 'unknown'})`;
  const renewal = account.renewal_date
    ? `${account.renewal_date} (in ${daysBetween(now, account.renewal_date)} days)`
    : 'no renewal date';
  const escalated = [...new Set(open.map((o) => o.title))];
  const lines = [
    `*Health:* ${health}`,
    `*Churn risk:* ${account.churn_risk_level ?? 'not assessed yet'}`,
    `*Renewal:* ${renewal}`,
    `*Open escalations:* ${escalated.length === 0 ? 'none' : escalated.map((t) => `'${t}'`).join(', ')}`,
  ];
  return {
    text: `${account.name}\n${lines.join('\n')}`,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: account.name } },
      { type: 'section', text: { type: 'mrkdwn', text: lines.join('\n') } },
    ],
  };
}

export function slackCommandRoutes({ db, clock, config }: Deps) {
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
    if (!valid) throw new AppError('slack.invalid_signature', 'The Slack signature is not valid.');
    const command = commandSchema.parse(Object.fromEntries(new URLSearchParams(rawBody)));
    const name = command.text.trim();
    if (!name)
      return c.json({ response_type: 'ephemeral', text: 'Usage: /steward <account name>' });
    const workspace = await commandWorkspace(db, config.slackWorkspace);
    if (!workspace) {
      return c.json({
        response_type: 'ephemeral',
        text: 'Steward has several workspaces: set SLACK_WORKSPACE to the one Slack answers from.',
      });
    }
    return c.json({
      response_type: 'ephemeral',
      ...(await accountSummary(db, workspace.id, name, clock.now())),
    });
  });
}
