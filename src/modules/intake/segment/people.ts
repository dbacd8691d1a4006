// Identify and group calls: who a product user is (a contact) and which customer they work
// for (an account). Low volume next to track calls, so these go message by message. Accounts
// and contacts are found and written through the accounts module's exports.
import type { Db } from '../../../db/connect.ts';
// `message` here is the Segment call; a server sentence is made with `sentence`.
import { message as sentence } from '../../../i18n/index.ts';
import type { Clock } from '../../../lib/clock.ts';
import type { AccountId, WorkspaceId } from '../../../lib/ids.ts';
import {
  accountIdByDomain,
  accountIdNamedBy,
  addTimelineEvent,
  createDiscoveredAccounts,
  upsertProductUserContacts,
} from '../../accounts/index.ts';
import { recordAudit } from '../../auth/index.ts';
import type { SegmentMessage } from './payload.ts';
import { linkEarlierEvents } from './store/rollups.ts';
import { knownUser, saveGroupedUser, saveIdentifiedUser } from './store/users.ts';

type Identify = Extract<SegmentMessage, { type: 'identify' }>;
type Group = Extract<SegmentMessage, { type: 'group' }>;

const text = (value: unknown, max = 300): string | null =>
  typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : null;

/** `https://www.Acme.com/about` → `acme.com`: how accounts keep their domain. */
export function domainOf(value: unknown): string | null {
  const raw = text(value, 500);
  if (!raw) return null;
  const host = raw
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/[/?#:].*$/, '')
    .replace(/^www\./, '');
  return /^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host) ? host : null;
}

/** A contact's fields from Segment's reserved traits (name, firstName/lastName, email…). */
export function contactTraits(traits: Record<string, unknown>) {
  const email = text(traits['email'])?.toLowerCase() ?? null;
  const fullName = [text(traits['firstName']), text(traits['lastName'])].filter(Boolean).join(' ');
  return {
    name: text(traits['name']) ?? (fullName || null),
    email: email && /^[^@\s]+@[^@\s]+$/.test(email) ? email : null,
    title: text(traits['title']),
    phone: text(traits['phone'], 50),
  };
}

/**
 * A group call for a customer Steward does not know yet: the account is made without an
 * owner and says so on its timeline, so a manager can assign it.
 */
async function createUnassignedAccount(
  db: Db,
  clock: Clock,
  workspaceId: WorkspaceId,
  message: Group,
  domain: string | null,
): Promise<AccountId> {
  const seats = Number(message.traits['seats'] ?? message.traits['employees']);
  const [created] = await createDiscoveredAccounts(db, workspaceId, [
    {
      externalId: message.groupId,
      name: text(message.traits['name']) ?? message.groupId,
      domain,
      plan: text(message.traits['plan']),
      seats: Number.isInteger(seats) && seats >= 0 && seats < 10_000_000 ? seats : null,
    },
  ]);
  if (!created) {
    // Two group calls for one new customer at once: the second finds the first's account.
    const existing = await accountIdNamedBy(db, workspaceId, message.groupId);
    if (!existing) throw new Error(`account ${message.groupId} neither created nor found`);
    return existing;
  }
  await recordAudit(
    db,
    { workspaceId, userId: null },
    {
      action: 'account.created',
      entityType: 'account',
      entityId: created.id,
      changes: { source: 'segment', groupId: message.groupId },
    },
  );
  await addTimelineEvent(db, {
    workspaceId,
    accountId: created.id,
    kind: 'system',
    title: sentence('accounts.timeline.createdFromSegment'),
    occurredAt: clock.now(),
    source: 'segment',
    sourceId: `group:${message.groupId}`,
    data: { groupId: message.groupId, traits: message.traits },
    // Announced with the batch's accounts once it commits (ingest.ts), not mid-batch: a mark
    // holds the workspace's wake-up job until commit, and a contract file waiting for it
    // would wait for this batch while the batch waits for the file's accounts.
    announce: false,
  });
  return created.id;
}

/** A contact for the product user on the account: by external id (userId), else by e-mail. */
function upsertContact(
  db: Db,
  workspaceId: WorkspaceId,
  accountId: string,
  userId: string,
  traits: Record<string, unknown>,
): Promise<void> {
  return upsertProductUserContacts(db, workspaceId, [
    { accountId, userId, ...contactTraits(traits) },
  ]);
}

/**
 * identify: remembers the user's traits, and makes or updates their contact once the
 * account is known (from `context.groupId` or an earlier group call). Answers the account
 * whose rollups took the user's earlier events, if any did: it is to be announced as changed.
 */
export async function recordIdentify(
  db: Db,
  workspaceId: WorkspaceId,
  message: Identify,
): Promise<string | null> {
  const userId = message.userId;
  if (!userId) return null; // An anonymous visitor is nobody's contact yet.
  const before = await knownUser(db, workspaceId, userId);
  const named = message.contextGroupId
    ? await accountIdNamedBy(db, workspaceId, message.contextGroupId)
    : undefined;
  const accountId = named ?? before?.account_id ?? null;
  const traits = { ...before?.traits, ...message.traits };
  await saveIdentifiedUser(db, workspaceId, {
    userId,
    accountId,
    traits: JSON.stringify(traits),
  });
  if (!accountId) return null;
  await upsertContact(db, workspaceId, accountId, userId, traits);
  if (accountId === before?.account_id) return null;
  const linked = await linkEarlierEvents(db, workspaceId, userId, accountId);
  return linked > 0 ? accountId : null;
}

/**
 * group: links the user to the account the groupId names — by external id, else by the
 * domain in its traits, else a new unassigned account — and makes their contact there.
 * Answers the account to announce as changed once the batch commits: a new one, or one whose
 * rollups took the user's earlier events, as recordIdentify does.
 */
export async function recordGroup(
  db: Db,
  clock: Clock,
  workspaceId: WorkspaceId,
  message: Group,
): Promise<string | null> {
  const domain = domainOf(message.traits['website'] ?? message.traits['domain']);
  const found =
    (await accountIdNamedBy(db, workspaceId, message.groupId)) ??
    (domain ? await accountIdByDomain(db, workspaceId, domain) : undefined);
  const accountId =
    found ?? (await createUnassignedAccount(db, clock, workspaceId, message, domain));
  const created = found === undefined;
  const userId = message.userId;
  if (!userId) return created ? accountId : null;
  const before = await knownUser(db, workspaceId, userId);
  await saveGroupedUser(db, workspaceId, { userId, accountId });
  const linked =
    before?.account_id === accountId
      ? 0
      : await linkEarlierEvents(db, workspaceId, userId, accountId);
  // A user identified before their group call becomes a contact now.
  if (before && Object.keys(before.traits).length > 0) {
    await upsertContact(db, workspaceId, accountId, userId, before.traits);
  }
  return created || linked > 0 ? accountId : null;
}
