// Linking a Slack member to a Steward person, by proof rather than by a typed id.
//
// The person starts a link in Steward (signed in) and gets a short one-time code; they type
// `/steward link <code>` in Slack. Slack signs that request (checked by routes/slackCommand.ts)
// and names who typed it (`user_id`) and from which Slack team (`team_id`): the code proves the
// Steward person, the signature proves the Slack member, so the two are bound. Why this way
// round and not a code from Slack typed into Steward: a code Slack hands out belongs to whoever
// asked for it, and a colleague tricked into typing someone else's code into Steward would
// hand that someone their Steward identity in Slack; here a code is only ever made for the
// signed-in person it links. It is also one copy and one paste, from Steward into Slack.
//
// The code: 8 characters of Crockford's base32 (40 bits), valid 10 minutes, used once, one per
// person, kept only as its SHA-256, and looked up only in the workspace the command is for.
// The first link records the workspace's Slack team; later commands from any other team are
// refused (slackCommand.ts), links included, and that team's commands go to this workspace
// whichever workspace SLACK_WORKSPACE names.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/connect.ts';
import { minuteMs } from '../../lib/calendar.ts';
import type { UserId, WorkspaceId } from '../../lib/ids.ts';
import { recordAudit } from '../auth/index.ts';
import type { Reader } from './render.ts';
import * as store from './store/slackLinks.ts';

/** How long a code works after it is made. */
export const linkCodeLifetimeMs = 10 * minuteMs;

/** Crockford's base32: no I, L, O or U, so a code read aloud or retyped is not misread. */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Slack's member ids: U (or W, Enterprise Grid) and 8–11 capitals or digits. */
const slackMemberIdPattern = /^[UW][A-Z0-9]{8,11}$/;

type Person = { workspaceId: WorkspaceId; userId: UserId };

/** A typed code as stored: capitals, no spaces or dashes, Crockford's look-alikes read as digits. */
export function normalizedLinkCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** What is kept of a code, and what a typed one is looked up by. */
export const linkCodeHash = (code: string) =>
  createHash('sha256').update(normalizedLinkCode(code)).digest('hex');

function newLinkCode(): string {
  // 5 random bytes = 40 bits = 8 characters of 5 bits.
  let bits = BigInt(`0x${randomBytes(5).toString('hex')}`);
  let code = '';
  for (let i = 0; i < 8; i += 1) {
    code = (alphabet[Number(bits & 31n)] ?? '0') + code;
    bits >>= 5n;
  }
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** A new one-time code for the person, replacing one they had not used. Shown once. */
export async function startSlackLink(db: Db, person: Person, now: Date) {
  const code = newLinkCode();
  const expiresAt = new Date(now.getTime() + linkCodeLifetimeMs);
  await store.saveLinkCode(db, person, { hash: linkCodeHash(code), expiresAt, now });
  return { code, command: `/steward link ${code}`, expiresAt: expiresAt.toISOString() };
}

/** The person's link, their code waiting to be typed in Slack, and the workspace's Slack team. */
export async function slackLinkStatus(db: Db, person: Person, now: Date) {
  const [link, pending, team] = await Promise.all([
    store.slackLinkOf(db, person),
    store.pendingLinkCode(db, person),
    store.slackTeamOf(db, person.workspaceId),
  ]);
  return {
    linked:
      link?.slack_member_id && link.slack_team_id && link.slack_linked_at
        ? {
            memberId: link.slack_member_id,
            teamId: link.slack_team_id,
            linkedAt: link.slack_linked_at.toISOString(),
          }
        : null,
    pendingUntil: pending && pending.expires_at > now ? pending.expires_at.toISOString() : null,
    workspaceTeamId: team?.team_id ?? null,
  };
}

/** Unlinks the person's Slack member (nothing happens when none is linked). */
export async function unlinkSlack(db: Db, person: Person): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const removed = await store.removeSlackLink(trx, person);
    if (!removed) return;
    await recordAudit(trx, person, {
      action: 'slack.unlinked',
      entityType: 'user',
      entityId: person.userId,
      changes: { memberId: removed.slack_member_id, teamId: removed.slack_team_id },
    });
  });
}

/**
 * Disconnects the workspace from its Slack team, for an admin: when the first link came from
 * the wrong Slack (someone's own), this is how the workspace starts over. Every link goes with
 * it, and commands are answered again only after the next proven link records a team.
 */
export async function disconnectSlackTeam(db: Db, by: Person): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const forgotten = await store.forgetSlackTeam(trx, by.workspaceId);
    if (!forgotten) return;
    await recordAudit(trx, by, {
      action: 'slack.team_disconnected',
      entityType: 'workspace',
      entityId: by.workspaceId,
      changes: { teamId: forgotten.team_id },
    });
  });
}

export type SlackLinkOutcome =
  | { outcome: 'linked'; reader: Reader; name: string }
  /** No such code in this workspace: mistyped, already used, replaced, or another workspace's. */
  | { outcome: 'unknown' }
  | { outcome: 'expired'; reader: Reader }
  /** Slack named no member id of Slack's shape. */
  | { outcome: 'noMember'; reader: Reader }
  | { outcome: 'taken'; reader: Reader }
  /** The workspace answers another Slack team. */
  | { outcome: 'otherTeam'; reader: Reader };

/**
 * `/steward link <code>` from Slack member `memberId` of team `teamId`, for the workspace the
 * command is for: binds the member to the code's person. The code is spent whatever happens
 * next, so a code cannot be tried again from another member or team.
 */
export async function linkSlackMember(
  db: Db,
  command: {
    workspaceId: WorkspaceId;
    code: string;
    memberId: string | null;
    teamId: string | null;
    now: Date;
  },
): Promise<SlackLinkOutcome> {
  try {
    return await bindSlackMember(db, command);
  } catch (error) {
    // Two people linking the same member at the same moment: the key lets one through, and
    // the other's transaction (with its code) is rolled back.
    if (!(error instanceof MemberClash)) throw error;
    return { outcome: 'taken', reader: error.reader };
  }
}

class MemberClash extends Error {
  readonly reader: Reader;
  constructor(reader: Reader) {
    super('the Slack member was linked to someone else at the same moment');
    this.reader = reader;
  }
}

async function bindSlackMember(
  db: Db,
  command: Parameters<typeof linkSlackMember>[1],
): Promise<SlackLinkOutcome> {
  const { workspaceId, memberId, teamId, now } = command;
  return db.transaction().execute(async (trx): Promise<SlackLinkOutcome> => {
    const taken = await store.takeLinkCode(trx, workspaceId, linkCodeHash(command.code));
    const person = taken && (await store.activePerson(trx, workspaceId, taken.user_id));
    if (!taken || !person) return { outcome: 'unknown' };
    const reader: Reader = { locale: person.locale, timeZone: person.timezone };
    if (taken.expires_at <= now) return { outcome: 'expired', reader };
    if (!memberId || !slackMemberIdPattern.test(memberId) || !teamId) {
      return { outcome: 'noMember', reader };
    }
    const by = { workspaceId, userId: person.id as UserId };
    const connected = await store.connectSlackTeam(trx, by, { teamId, now });
    const team = await store.slackTeamOf(trx, workspaceId);
    if (team?.team_id !== teamId) return { outcome: 'otherTeam', reader };
    if (await store.slackMemberHolder(trx, by, memberId)) return { outcome: 'taken', reader };
    try {
      await store.saveSlackLink(trx, by, { memberId, teamId, now });
    } catch (error) {
      throw store.isSlackMemberClash(error) ? new MemberClash(reader) : error;
    }
    if (connected) {
      await recordAudit(trx, by, {
        action: 'slack.team_connected',
        entityType: 'workspace',
        entityId: workspaceId,
        changes: { teamId },
      });
    }
    await recordAudit(trx, by, {
      action: 'slack.linked',
      entityType: 'user',
      entityId: person.id,
      changes: { memberId, teamId },
    });
    return { outcome: 'linked', reader, name: person.name };
  });
}
