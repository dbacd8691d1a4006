// `/steward <account name>` in Slack, answered: the account's health, churn risk, renewal
// and open escalations, `/steward link <code>` (slackLink.ts), or a subcommand another module
// adds. Only the workspace's own Slack team is answered: the team its first proven link
// recorded; before that, only `link` is. The answer is written for the person who asks when
// they linked their Slack member (their language and time zone), else in the workspace's
// commonest language and its zone. The request's signature and shape are checked by its route
// (routes/slackCommand.ts).
import type { Db } from '../../db/connect.ts';
import { message, renderMessage, type MessageKey, type MessageParam } from '../../i18n/index.ts';
import { daysBetween } from '../../lib/calendar.ts';
import type { UserId, WorkspaceId } from '../../lib/ids.ts';
import type { Reader } from './render.ts';
import { linkCodeHash, linkSlackMember, type SlackLinkOutcome } from './slackLink.ts';
import * as store from './store/slack.ts';
import { slackTeamOf } from './store/slackLinks.ts';
import { localParts } from './zoned.ts';

/**
 * A subcommand a module above notify adds (`/steward feedback …` from voice): notify never
 * imports upward, so app.ts hands these in by their first word. The reply is rendered for the
 * same reader as the account summary: the linked person, or else the workspace.
 */
export type SlackSubcommand = (input: {
  workspaceId: string;
  text: string;
  slackUser: string | null;
  /** The Steward person who linked the asking Slack member id, or null. */
  userId: UserId | null;
  locale: Reader['locale'];
  timeZone: string;
}) => Promise<{ text: string; blocks?: unknown[] }>;

/**
 * The workspace a command is for: the one whose first link recorded the Slack team it was typed
 * in; for `/steward link <code>` from a team no workspace recorded, the one the code was made
 * in; else the one SLACK_WORKSPACE names, or the only one. So one Steward answers several Slack
 * teams, each for the workspace it linked, and a team once recorded answers only that one.
 */
async function commandWorkspace(
  db: Db,
  command: { teamId: string | null; linkCode: string | null; slug: string | undefined },
) {
  const one = <T>(rows: T[]) => (rows.length === 1 ? rows[0] : undefined);
  const teams = command.teamId ? await store.workspacesOfSlackTeam(db, command.teamId) : [];
  if (teams.length > 0) return one(teams);
  const ofCode =
    command.linkCode && one(await store.workspacesOfLinkCode(db, linkCodeHash(command.linkCode)));
  return ofCode || one(await store.workspacesForCommand(db, command.slug));
}

/**
 * Whom the reply is written for. Slack tells us only the member id of who asked: the active
 * person who linked it reads the answer in their language and time zone. Anyone else gets the
 * language most of the workspace's people use (English on a tie) and the workspace's zone.
 */
async function commandReader(
  db: Db,
  workspace: { id: string; timezone: string },
  member: { memberId: string | null; teamId: string } | null,
): Promise<Reader & { userId: UserId | null }> {
  const person = member?.memberId
    ? await store.personOfSlackMember(db, workspace.id, {
        memberId: member.memberId,
        teamId: member.teamId,
      })
    : undefined;
  if (person)
    return { locale: person.locale, timeZone: person.timezone, userId: person.id as UserId };
  const top = await store.commonestLocale(db, workspace.id);
  return { locale: top?.locale ?? 'en', timeZone: workspace.timezone, userId: null };
}

const linkWords = {
  linked: 'notify.slack.link.linked',
  unknown: 'notify.slack.link.unknown',
  expired: 'notify.slack.link.expired',
  noMember: 'notify.slack.link.noMember',
  taken: 'notify.slack.link.taken',
  otherTeam: 'notify.slack.otherTeam',
} as const satisfies Record<SlackLinkOutcome['outcome'], MessageKey>;

/**
 * `/steward link <code>`: the reply to whoever typed it, in the language of the person their
 * member is linked to, else of the code's person (whom they are becoming).
 */
async function answerLink(
  db: Db,
  workspace: { id: string; timezone: string },
  command: { code: string; memberId: string | null; teamId: string | null; now: Date },
  fallback: Reader & { userId: UserId | null },
) {
  if (!command.code) {
    return { text: renderMessage(message('notify.slack.link.usage'), fallback.locale) };
  }
  const result = await linkSlackMember(db, {
    workspaceId: workspace.id as WorkspaceId,
    ...command,
  });
  const reader = fallback.userId === null && 'reader' in result ? result.reader : fallback;
  const params = result.outcome === 'linked' ? { name: result.name } : undefined;
  return {
    text: renderMessage(message(linkWords[result.outcome], params), reader.locale, reader.timeZone),
  };
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
  const account = await store.accountNamed(db, workspaceId, name);
  if (!account) return { text: say('notify.slack.noMatch', { name }) };
  const open = await store.openEscalationsOf(db, workspaceId, account.id);
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

/**
 * The ephemeral reply to `/steward <text>`: usage when the text is empty, a subcommand's reply
 * when its first word names one, else the summary of the account it names.
 */
export async function answerSlackCommand(
  db: Db,
  command: {
    text: string;
    /** Slack's `user_id` (the member id), which a person may have linked to themselves. */
    memberId: string | null;
    /** Slack's `team_id`: the Slack workspace the command was typed in. */
    teamId: string | null;
    slackUser: string | null;
    workspaceSlug: string | undefined;
    now: Date;
  },
  subcommands: Readonly<Record<string, SlackSubcommand>>,
): Promise<{ text: string; blocks?: unknown[] }> {
  const name = command.text.trim();
  const [first = '', ...rest] = name.split(/\s+/);
  const linkCode = first.toLowerCase() === 'link' ? rest.join('') : null;
  const workspace = await commandWorkspace(db, {
    teamId: command.teamId,
    linkCode,
    slug: command.workspaceSlug,
  });
  // A team no workspace recorded, several workspaces, no SLACK_WORKSPACE: no language to ask.
  if (!workspace) return { text: renderMessage(message('notify.slack.severalWorkspaces'), 'en') };
  const team = await slackTeamOf(db, workspace.id as WorkspaceId);
  // Until a team is recorded nobody is linked, and past it only that team's members are.
  const ours = team !== undefined && command.teamId === team.team_id;
  const reader = await commandReader(
    db,
    workspace,
    ours ? { memberId: command.memberId, teamId: team.team_id } : null,
  );
  const say = (key: MessageKey) => ({
    text: renderMessage(message(key), reader.locale, reader.timeZone),
  });
  if (team && !ours) return say('notify.slack.otherTeam');
  if (linkCode !== null) {
    return answerLink(
      db,
      workspace,
      { code: linkCode, memberId: command.memberId, teamId: command.teamId, now: command.now },
      reader,
    );
  }
  if (!team) return say('notify.slack.notConnected');
  if (!name) return say('notify.slack.usage');
  const subcommand = subcommands[first.toLowerCase()];
  if (subcommand) {
    return subcommand({
      workspaceId: workspace.id,
      text: rest.join(' '),
      slackUser: command.slackUser,
      userId: reader.userId,
      locale: reader.locale,
      timeZone: reader.timeZone,
    });
  }
  return accountSummary(db, workspace.id, name, command.now, reader);
}
