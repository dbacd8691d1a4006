// The rules for accounts: who may see which, what a valid change is, and what it leaves
// behind (audit entries, and timeline events for changes a CSM cares about).
import type { Db } from '../../db/connect.ts';
import type { AccountUpdate } from '../../db/schema.ts';
import type { Actor } from '../../context.ts';
import { message, type Message } from '../../i18n/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError, fieldProblem, invalid } from '../../lib/errors.ts';
import type { UserId } from '../../lib/ids.ts';
import { daysBetween, isoDay } from '../../lib/calendar.ts';
import { recordAudit, recordEdit, type ChangeAuthor } from '../auth/index.ts';
import { contactsOf } from './contacts.ts';
import { checkCustomFields, customFieldDefinitions } from './customFields.ts';
import type { CreateAccount, UpdateAccount } from './schema.ts';
import * as store from './store.ts';
import { addTimelineEvent, timeline } from './timeline.ts';
import { describeAccount } from './view.ts';

/** "My clients": without `view_all_accounts`, a person sees only the accounts they own. */
export function scopeFor(
  actor: Pick<Actor, 'workspaceId' | 'userId' | 'permissions'>,
): store.AccountScope {
  return {
    workspaceId: actor.workspaceId,
    onlyOwner: actor.permissions.has('view_all_accounts') ? null : actor.userId,
  };
}

export async function getAccount(db: Db, scope: store.AccountScope, id: string) {
  const row = await store.findAccount(db, scope, id);
  if (!row) throw new AppError('account.not_found', { key: 'accounts.problem.noAccount' });
  return row;
}

async function checkOwnerAndExternalId(
  db: Db,
  by: ChangeAuthor,
  input: { ownerId?: string | null; externalId?: string | null },
  account?: { id: string; owner_id: string | null },
) {
  // An owner must be someone who can work the account: a user of this workspace, still active.
  // Keeping the owner an account already has is no change, whoever they are now.
  if (input.ownerId && input.ownerId !== account?.owner_id) {
    const owner = await store.activeUserInWorkspace(db, by.workspaceId, input.ownerId);
    if (!owner) {
      throw invalid([fieldProblem('ownerId', 'accounts.field.noActiveOwner')]);
    }
  }
  const holder = input.externalId
    ? await store.externalIdTaken(db, by.workspaceId, input.externalId, account?.id)
    : undefined;
  if (input.externalId && holder) {
    throw new AppError(
      'account.external_id_taken',
      {
        // A removed account keeps its external id: it is restored rather than added twice.
        key: holder.deleted_at
          ? 'accounts.problem.externalIdRemoved'
          : 'accounts.problem.externalIdTaken',
        params: { externalId: input.externalId },
      },
      {
        errors: [fieldProblem('externalId', 'accounts.field.externalIdUsed')],
      },
    );
  }
}

/** Who adds an account: what they may see decides who owns it when the request names nobody. */
export type AccountCreator = ChangeAuthor & Pick<Actor, 'userId' | 'permissions'>;

/**
 * The owner of a new account. Someone who sees only their own clients (a CSM) owns what they
 * add unless they name another owner — else it would vanish from their book the moment it was
 * made. Someone who sees every account (an admin, a manager) may leave it unowned.
 */
export function ownerOfNewAccount(by: AccountCreator, requested: string | null | undefined) {
  if (requested) return requested;
  return by.permissions.has('view_all_accounts') ? null : by.userId;
}

export async function createAccount(db: Db, by: AccountCreator, input: CreateAccount) {
  return db.transaction().execute(async (trx) => {
    const ownerId = ownerOfNewAccount(by, input.ownerId);
    await checkOwnerAndExternalId(trx, by, { ...input, ownerId });
    const definitions = await customFieldDefinitions(trx, by.workspaceId, 'account');
    const customFields = checkCustomFields(definitions, input.customFields ?? {}, {
      creating: true,
    });
    const { id } = await store.insertAccount(trx, {
      workspace_id: by.workspaceId,
      external_id: input.externalId ?? null,
      name: input.name,
      domain: input.domain ?? null,
      tier: input.tier,
      plan: input.plan ?? null,
      arr_amount: input.arr?.amount,
      currency: input.arr?.currency,
      seats: input.seats ?? null,
      stage: input.stage,
      renewal_date: input.renewalDate ?? null,
      owner_id: ownerId,
      priority: input.priority,
      custom_fields: JSON.stringify(withoutNulls(customFields)),
    });
    const row = await getAccount(trx, { workspaceId: by.workspaceId, onlyOwner: null }, id);
    await recordAudit(trx, by, {
      action: 'account.created',
      entityType: 'account',
      entityId: id,
      changes: describeAccount(row),
    });
    return describeAccount(row);
  });
}

function withoutNulls(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null));
}

export async function updateAccount(
  db: Db,
  clock: Clock,
  by: ChangeAuthor,
  scope: store.AccountScope,
  id: string,
  patch: UpdateAccount,
) {
  return db.transaction().execute(async (trx) => {
    const before = await getAccount(trx, scope, id);
    await checkOwnerAndExternalId(trx, by, patch, before);
    const changes: AccountUpdate = {
      external_id: patch.externalId,
      name: patch.name,
      domain: patch.domain,
      tier: patch.tier,
      plan: patch.plan,
      arr_amount: patch.arr?.amount,
      currency: patch.arr?.currency,
      seats: patch.seats,
      stage: patch.stage,
      renewal_date: patch.renewalDate,
      owner_id: patch.ownerId,
      priority: patch.priority,
    };
    if (patch.customFields) {
      const definitions = await customFieldDefinitions(trx, by.workspaceId, 'account');
      const values = checkCustomFields(definitions, patch.customFields, { creating: false });
      changes.custom_fields = JSON.stringify(withoutNulls({ ...before.custom_fields, ...values }));
    }
    await store.updateAccountRow(trx, by.workspaceId, id, changes);
    const after = await getAccount(trx, { workspaceId: by.workspaceId, onlyOwner: null }, id);
    // What the person changed: not the copies and figures that follow from it (the owner's
    // name, MRR from ARR, health and churn risk), which would read as changes of their own.
    const changed = await recordEdit(
      trx,
      by,
      { action: 'account.updated', entityType: 'account', entityId: id },
      {
        before: describeAccount(before),
        after: describeAccount(after),
        ignore: ['updatedAt', 'ownerName', 'mrr', 'health', 'churnRisk'],
      },
    );
    if (Object.keys(changed).length > 0) await recordMilestones(trx, clock, by, before, after);
    return describeAccount(after);
  });
}

/** Owner, stage and priority changes are part of the account's story: put them on its timeline. */
async function recordMilestones(
  db: Db,
  clock: Clock,
  by: ChangeAuthor,
  before: store.AccountWithOwner,
  after: store.AccountWithOwner,
) {
  const events: { title: Message; data: Record<string, unknown> }[] = [];
  // People's names are kept as they were then: the timeline is history.
  const owner = (name: string | null) => name ?? { term: 'accounts.timeline.nobody' as const };
  if (before.owner_id !== after.owner_id) {
    events.push({
      title: message('accounts.timeline.ownerChanged', {
        from: owner(before.owner_name),
        to: owner(after.owner_name),
      }),
      data: { field: 'owner', from: before.owner_id, to: after.owner_id },
    });
  }
  if (before.stage !== after.stage) {
    events.push({
      title: message('accounts.timeline.stageChanged', {
        from: { term: `accounts.stage.${before.stage}` },
        to: { term: `accounts.stage.${after.stage}` },
      }),
      data: { field: 'stage', from: before.stage, to: after.stage },
    });
  }
  if (before.priority !== after.priority) {
    events.push({
      title: message('accounts.timeline.priorityChanged', {
        from: before.priority,
        to: after.priority,
      }),
      data: { field: 'priority', from: before.priority, to: after.priority },
    });
  }
  for (const event of events) {
    await addTimelineEvent(db, {
      workspaceId: by.workspaceId,
      accountId: after.id,
      kind: 'system',
      title: event.title,
      actorId: by.userId,
      occurredAt: clock.now(),
      data: event.data,
    });
  }
}

/** The Customer 360: profile, contract, contacts and the latest of the timeline, in one answer. */
export async function account360(db: Db, clock: Clock, scope: store.AccountScope, id: string) {
  const row = await getAccount(db, scope, id);
  const account = describeAccount(row);
  const [contacts, recent, owner] = await Promise.all([
    contactsOf(db, scope.workspaceId, id),
    timeline(db, scope.workspaceId, id, { limit: 20 }),
    row.owner_id ? store.ownerSummary(db, scope.workspaceId, row.owner_id) : undefined,
  ]);
  const today = isoDay(clock.now());
  return {
    account,
    owner: owner ?? null,
    contract: {
      arr: account.arr,
      mrr: account.mrr,
      plan: account.plan,
      seats: account.seats,
      renewalDate: account.renewalDate,
      daysToRenewal: account.renewalDate ? daysBetween(today, account.renewalDate) : null,
    },
    contacts,
    timeline: recent,
  };
}

export type Viewer = { scope: store.AccountScope; userId: UserId };
