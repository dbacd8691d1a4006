// `/steward <account name>` in Slack: the account's health, churn risk, renewal and open
// escalations, as an ephemeral answer in the workspace's language. Requests are verified as Slack documents
// (api.slack.com/authentication/verifying-requests-from-slack): v0 HMAC-SHA256 of
// `v0:<timestamp>:<raw body>` with the signing secret, within five minutes.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../../db/connect.ts';
import type { Deps } from '../../../context.ts';
import type { AppEnv } from '../../../http/env.ts';
import { message, renderMessage, type MessageKey, type MessageParam } from '../../../i18n/index.ts';
import { AppError } from '../../../lib/errors.ts';
import { daysBetween } from '../../../lib/calendar.ts';
import type { Reader } from '../render.ts';
import { localParts } from '../zoned.ts';

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
  user_name: z.string().optional(),
});

/**
 * A subcommand a module above notify adds (`/steward feedback …` from voice): notify never
 * imports upward, so app.ts hands these in by their first word. The reply is rendered in the
 * workspace's language.
 */
export type SlackSubcommand = (input: {
  workspaceId: string;
  text: string;
  slackUser: string | null;
  locale: Reader['locale'];
  timeZone: string;
}) => Promise<{ text: string; blocks?: unknown[] }>;

async function commandWorkspace(db: Db, slug: string | undefined) {
  const rows = await db
    .selectFrom('workspaces')
    .select(['id', 'timezone'])
    .$if(slug !== undefined, (q) => q.where('slug', '=', slug ?? ''))
    .limit(2)
    .execute();
  return rows.length === 1 ? rows[0] : undefined;
}

/**
 * Whom the reply is written for. Slack does not tell us which Steward person asked (only a
 * Slack member id, linked to nobody), so it answers in the language most of the workspace's
 * people use (English on a tie) and the workspace's time zone.
 */
async function workspaceReader(db: Db, workspace: { id: string; timezone: string }) {
  const top = await db
    .selectFrom('users')
    .select(['locale', sql<number>`count(*)::int`.as('n')])
    .where('workspace_id', '=', workspace.id)
    .where('deactivated_at', 'is', null)
    .groupBy('locale')
    .orderBy('n', 'desc')
    .orderBy(sql`locale = 'en'`, 'desc')
    .limit(1)
    .executeTakeFirst();
  return { locale: top?.locale ?? 'en', timeZone: workspace.timezone } satisfies Reader;
}

const categoryWords = {
  healthy: 'notify.slack.category.healthy',
  at_risk: 'notify.slack.category.atRisk',
  critical: 'notify.slack.category.critical',
} as const satisfies Record<string, MessageKey>;

const riskWords = {
  low: 'notify.slack.risk.low',
  medium: 'notify.slack.risk.medium',
  high: 'notify.slack.risk.high',
  critical: 'notify.slack.risk.critical',
} as const satisfies Record<string, MessageKey>;

export async function accountSummary(
  db: Db,
  workspaceId: string,
  name: string,
  now: Date,
  reader: Reader,
) {
  const say = (key: MessageKey, params?: Record<string, MessageParam>) =>
    renderMessage(message(key, params), reader.locale, reader.timeZone);
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
  if (!account) return { text: say('notify.slack.noMatch', { name }) };
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
  const category = account.health_category ? categoryWords[account.health_category] : undefined;
  const health =
    account.health_score === null
      ? say('notify.slack.healthUnscored')
      : say('notify.slack.health', {
          score: account.health_score,
          category: category ? say(category) : '—',
        });
  const risk = account.churn_risk_level ? riskWords[account.churn_risk_level] : undefined;
  const churn = risk
    ? say('notify.slack.churnRisk', { level: say(risk) })
    : say('notify.slack.churnRiskUnassessed');
  const escalated = [...new Set(open.map((o) => o.title))];
  const lines = [
    health,
    churn,
    renewalLine(account.renewal_date, localParts(now, reader.timeZone).date, say),
    escalated.length === 0
      ? say('notify.slack.escalationsNone')
      : say('notify.slack.escalations', { tasks: escalated.map((t) => `“${t}”`).join(', ') }),
  ];
  return {
    text: `${account.name}\n${lines.join('\n')}`,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: account.name } },
      { type: 'section', text: { type: 'mrkdwn', text: lines.join('\n') } },
    ],
  };
}

function renewalLine(
  renewal: string | null,
  today: string,
  say: (key: MessageKey, params?: Record<string, MessageParam>) => string,
): string {
  if (!renewal) return say('notify.slack.renewalNone');
  const days = daysBetween(today, renewal);
  const date = { date: renewal };
  if (days === 0) return say('notify.slack.renewalToday', { date });
  return days > 0
    ? say('notify.slack.renewal', { date, count: days })
    : say('notify.slack.renewalPast', { date, count: -days });
}

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
    if (!valid) throw new AppError('slack.invalid_signature', 'The Slack signature is not valid.');
    const command = commandSchema.parse(Object.fromEntries(new URLSearchParams(rawBody)));
    const name = command.text.trim();
    const workspace = await commandWorkspace(db, config.slackWorkspace);
    if (!workspace) {
      // No workspace to ask for its language: the message is for whoever installs Steward.
      return c.json({
        response_type: 'ephemeral',
        text: renderMessage(message('notify.slack.severalWorkspaces'), 'en'),
      });
    }
    const reader = await workspaceReader(db, workspace);
    if (!name) {
      return c.json({
        response_type: 'ephemeral',
        text: renderMessage(message('notify.slack.usage'), reader.locale, reader.timeZone),
      });
    }
    const [first = '', ...rest] = name.split(/\s+/);
    const subcommand = subcommands[first.toLowerCase()];
    if (subcommand) {
      const reply = await subcommand({
        workspaceId: workspace.id,
        text: rest.join(' '),
        slackUser: command.user_name ?? null,
        locale: reader.locale,
        timeZone: reader.timeZone,
      });
      return c.json({ response_type: 'ephemeral', ...reply });
    }
    return c.json({
      response_type: 'ephemeral',
      ...(await accountSummary(db, workspace.id, name, clock.now(), reader)),
    });
  });
}
