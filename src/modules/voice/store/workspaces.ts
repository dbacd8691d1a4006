// SQL that finds things across the workspace for voice: workspaces for scheduled jobs, people
// for the digest, accounts and contacts named in Slack commands and CSV rows.
import { sql } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import type { AccountScope } from '../../accounts/index.ts';

/** Workspaces that have any feedback: the nightly recomputation visits each. */
export async function workspacesWithFeedback(db: Db): Promise<WorkspaceId[]> {
  const rows = await db
    .selectFrom('workspaces as w')
    .select('w.id')
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('feedback_items as f').select('f.id').whereRef('f.workspace_id', '=', 'w.id'),
      ),
    )
    .orderBy('w.id')
    .execute();
  return rows.map((r) => r.id as WorkspaceId);
}

/** Workspaces that received support tickets in the last 30 days. */
export async function workspacesWithTickets(db: Db): Promise<WorkspaceId[]> {
  const rows = await db
    .selectFrom('support_tickets')
    .select('workspace_id')
    .distinct()
    .where('opened_at', '>=', sql<Date>`now() - interval '30 days'`)
    .execute();
  return rows.map((r) => r.workspace_id as WorkspaceId);
}

/** Active people of the workspace whose role is one of these, with their language. */
export function digestRecipients(db: Db, workspaceId: WorkspaceId, roles: readonly string[]) {
  if (roles.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('users')
    .select(['id', 'locale'])
    .where('workspace_id', '=', workspaceId)
    .where('role', 'in', roles as never[])
    .where('deactivated_at', 'is', null)
    .orderBy('id')
    .execute();
}

/** Every workspace (the weekly digest visits each). */
export async function allWorkspaces(db: Db): Promise<WorkspaceId[]> {
  const rows = await db.selectFrom('workspaces').select('id').orderBy('id').execute();
  return rows.map((r) => r.id as WorkspaceId);
}

/**
 * The account one of these names names: an exact (case-insensitive) name first, the longest
 * candidate winning; else the shortest account whose name contains the last (shortest) one.
 */
export async function accountNamed(db: Db, workspaceId: WorkspaceId, names: readonly string[]) {
  const lowered = names.map((n) => n.toLowerCase());
  if (lowered.length === 0) return undefined;
  const exact = await db
    .selectFrom('accounts')
    .select(['id', 'name', sql<string>`lower(name)`.as('lowered')])
    .where('workspace_id', '=', workspaceId)
    .where('deleted_at', 'is', null)
    .where(sql<string>`lower(name)`, 'in', lowered)
    .orderBy(sql`length(name)`, 'desc')
    .limit(1)
    .executeTakeFirst();
  if (exact) return { id: exact.id, name: exact.name, chosen: exact.lowered };
  const shortest = lowered.at(-1) ?? '';
  const contains = await db
    .selectFrom('accounts')
    .select(['id', 'name'])
    .where('workspace_id', '=', workspaceId)
    .where('deleted_at', 'is', null)
    .where(sql<boolean>`lower(name) like ${`%${shortest.replace(/[%_\\]/g, '\\$&')}%`}`)
    .orderBy(sql`length(name)`)
    .limit(1)
    .executeTakeFirst();
  return contains ? { id: contains.id, name: contains.name, chosen: shortest } : undefined;
}

/** Accounts the person may see, by lower-cased external id or name. */
export async function accountsByKey(db: Db, scope: AccountScope, keys: readonly string[]) {
  const lowered = [...new Set(keys.map((k) => k.toLowerCase()).filter(Boolean))];
  const found = new Map<string, { id: string; arr_amount: number; currency: string }>();
  if (lowered.length === 0) return found;
  const rows = await db
    .selectFrom('accounts')
    .select(['id', 'name', 'external_id', 'arr_amount', 'currency'])
    .where('workspace_id', '=', scope.workspaceId)
    .where('deleted_at', 'is', null)
    .$if(scope.onlyOwner !== null, (q) => q.where('owner_id', '=', scope.onlyOwner))
    .where((eb) =>
      eb.or([
        eb(sql<string>`lower(external_id)`, 'in', lowered),
        eb(sql<string>`lower(name)`, 'in', lowered),
      ]),
    )
    .execute();
  // An external id wins over a name that happens to read the same.
  for (const row of rows) found.set(row.name.toLowerCase(), row);
  for (const row of rows) if (row.external_id) found.set(row.external_id.toLowerCase(), row);
  return found;
}

export function contactsByEmail(db: Db, workspaceId: WorkspaceId, emails: readonly string[]) {
  if (emails.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('contacts')
    .select(['id', 'account_id', sql<string>`lower(email)`.as('email')])
    .where('workspace_id', '=', workspaceId)
    .where(sql<string>`lower(email)`, 'in', [...new Set(emails)])
    .execute();
}
