// SQL for surveys: the workspace's signing key, invitations and their single use, responses,
// the public page's rate limit, and NPS counted by account, tier or segment and by month.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../../db/connect.ts';
import type { SurveyKind } from '../../../db/schema.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import type { AccountScope } from '../../accounts/index.ts';

/** The workspace's key for survey links, made on first use. */
export async function surveyKey(db: Db, workspaceId: string): Promise<string> {
  const row = await sql<{ survey_key: string }>`
    insert into voice_state (workspace_id, survey_key)
    values (${workspaceId}, ${randomBytes(32).toString('hex')})
    on conflict (workspace_id) do update
      set survey_key = coalesce(voice_state.survey_key, excluded.survey_key)
    returning survey_key`.execute(db);
  const key = row.rows[0]?.survey_key;
  if (!key) throw new Error('no survey key');
  return key;
}

export function contactsOfWorkspace(db: Db, scope: AccountScope, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('contacts as c')
    .innerJoin('accounts as a', 'a.id', 'c.account_id')
    .select(['c.id', 'c.account_id', 'c.name', 'c.email'])
    .where('c.workspace_id', '=', scope.workspaceId)
    .where('a.deleted_at', 'is', null)
    .where('c.id', 'in', [...ids])
    .$if(scope.onlyOwner !== null, (q) => q.where('a.owner_id', '=', scope.onlyOwner))
    .execute();
}

export function insertInvitations(
  db: Db,
  rows: {
    workspace_id: WorkspaceId;
    kind: SurveyKind;
    account_id: string;
    contact_id: string;
    locale: 'en' | 'ru';
    expires_at: Date;
    created_by: string | null;
    created_at: Date;
  }[],
) {
  return db
    .insertInto('survey_invitations')
    .values(rows)
    .returning(['id', 'contact_id', 'account_id', 'kind', 'expires_at'])
    .execute();
}

/** An invitation by id alone: the public page knows no workspace until it finds one. */
export function invitationById(db: Db, id: string) {
  return db
    .selectFrom('survey_invitations as i')
    .innerJoin('contacts as c', 'c.id', 'i.contact_id')
    .innerJoin('workspaces as w', 'w.id', 'i.workspace_id')
    .leftJoin('voice_state as v', 'v.workspace_id', 'i.workspace_id')
    .select([
      'i.id',
      'i.workspace_id',
      'i.kind',
      'i.account_id',
      'i.contact_id',
      'i.locale',
      'i.expires_at',
      'i.used_at',
      'i.sent_at',
      'c.name as contact_name',
      'c.email as contact_email',
      'w.name as workspace_name',
      'v.survey_key',
    ])
    .where('i.id', '=', id)
    .executeTakeFirst();
}

/** Uses the invitation up: true for the one request that gets there first. */
export async function useInvitation(db: Db, id: string, at: Date): Promise<boolean> {
  const row = await db
    .updateTable('survey_invitations')
    .set({ used_at: at })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function markInvitationSent(db: Db, id: string, at: Date): Promise<void> {
  await db.updateTable('survey_invitations').set({ sent_at: at }).where('id', '=', id).execute();
}

export function insertResponse(
  db: Db,
  row: {
    workspace_id: WorkspaceId;
    account_id: string;
    contact_id: string | null;
    kind: SurveyKind;
    score: number;
    comment: string | null;
    source: 'api' | 'link' | 'csv';
    invitation_id: string | null;
    responded_at: Date;
    created_by: string | null;
    created_at: Date;
  },
) {
  return db.insertInto('survey_responses').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function linkResponseFeedback(db: Db, responseId: string, feedbackId: string) {
  await db
    .updateTable('survey_responses')
    .set({ feedback_item_id: feedbackId })
    .where('id', '=', responseId)
    .execute();
}

function selectResponses(db: Db, scope: AccountScope) {
  return db
    .selectFrom('survey_responses as r')
    .innerJoin('accounts as a', 'a.id', 'r.account_id')
    .leftJoin('contacts as c', 'c.id', 'r.contact_id')
    .select([
      'r.id',
      'r.account_id',
      'a.name as account_name',
      'r.contact_id',
      'c.name as contact_name',
      'r.kind',
      'r.score',
      'r.comment',
      'r.source',
      'r.feedback_item_id',
      'r.responded_at',
    ])
    .where('r.workspace_id', '=', scope.workspaceId)
    .where('a.deleted_at', 'is', null)
    .$if(scope.onlyOwner !== null, (q) => q.where('a.owner_id', '=', scope.onlyOwner));
}

export type ResponseRow = Awaited<
  ReturnType<ReturnType<typeof selectResponses>['executeTakeFirstOrThrow']>
>;

export function responseRows(
  db: Db,
  scope: AccountScope,
  filter: {
    ids?: readonly string[];
    accountId?: string | undefined;
    kind?: SurveyKind | undefined;
    since?: Date;
    withComment?: boolean;
    limit: number;
  },
) {
  return selectResponses(db, scope)
    .$if(filter.ids !== undefined, (q) => q.where('r.id', 'in', [...(filter.ids ?? [])]))
    .$if(filter.accountId !== undefined, (q) =>
      q.where('r.account_id', '=', filter.accountId ?? ''),
    )
    .$if(filter.kind !== undefined, (q) => q.where('r.kind', '=', filter.kind ?? 'nps'))
    .$if(filter.since !== undefined, (q) =>
      q.where('r.responded_at', '>=', filter.since ?? new Date(0)),
    )
    .$if(filter.withComment === true, (q) => q.where('r.comment', 'is not', null))
    .orderBy('r.responded_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(filter.limit)
    .execute();
}

const counts = sql`
  count(*) filter (where r.score >= 9)::int as promoters,
  count(*) filter (where r.score between 7 and 8)::int as passives,
  count(*) filter (where r.score <= 6)::int as detractors`;

/** NPS counts per account or tier over the window, and over its last 90 days (`recent_`). */
export async function npsCounts(
  db: Db,
  scope: AccountScope,
  groupBy: 'account' | 'tier',
  since: Date,
  recentSince: Date,
) {
  const owner = scope.onlyOwner;
  const key = groupBy === 'account' ? sql`a.id::text` : sql`a.tier`;
  const { rows } = await sql<{
    key: string;
    label: string;
    promoters: number;
    passives: number;
    detractors: number;
    recent_promoters: number;
    recent_passives: number;
    recent_detractors: number;
  }>`
    select ${key} as key, max(${groupBy === 'account' ? sql`a.name` : sql`a.tier`}) as label, ${counts},
      count(*) filter (where r.score >= 9 and r.responded_at >= ${recentSince})::int as recent_promoters,
      count(*) filter (where r.score between 7 and 8 and r.responded_at >= ${recentSince})::int as recent_passives,
      count(*) filter (where r.score <= 6 and r.responded_at >= ${recentSince})::int as recent_detractors
    from survey_responses r
    join accounts a on a.id = r.account_id and a.deleted_at is null
    where r.workspace_id = ${scope.workspaceId} and r.kind = 'nps' and r.responded_at >= ${since}
      ${owner !== null ? sql`and a.owner_id = ${owner}` : sql``}
    group by 1
    order by 1`.execute(db);
  return rows;
}

/** NPS counts per account in scope (`onlyOwner`: that person's) answered since a moment. */
export async function npsCountsPerAccount(
  db: Db,
  scope: AccountScope,
  onlyOwner: string | null,
  since: Date,
) {
  const owner = scope.onlyOwner ?? onlyOwner;
  const { rows } = await sql<{
    accountId: string;
    promoters: number;
    passives: number;
    detractors: number;
  }>`
    select r.account_id as "accountId", ${counts}
    from survey_responses r
    join accounts a on a.id = r.account_id and a.deleted_at is null
    where r.workspace_id = ${scope.workspaceId} and r.kind = 'nps' and r.responded_at >= ${since}
      ${owner !== null ? sql`and a.owner_id = ${owner}` : sql``}
    group by r.account_id`.execute(db);
  return rows;
}

/** One account's NPS counts since a moment, if it is in scope (none when it is not). */
export async function npsCountsOfAccount(
  db: Db,
  scope: AccountScope,
  accountId: string,
  since: Date,
) {
  const owner = scope.onlyOwner;
  const { rows } = await sql<{ promoters: number; passives: number; detractors: number }>`
    select ${counts}
    from survey_responses r
    join accounts a on a.id = r.account_id and a.deleted_at is null
    where r.workspace_id = ${scope.workspaceId} and r.account_id = ${accountId}
      and r.kind = 'nps' and r.responded_at >= ${since}
      ${owner !== null ? sql`and a.owner_id = ${owner}` : sql``}`.execute(db);
  return rows[0] ?? { promoters: 0, passives: 0, detractors: 0 };
}

/** NPS counts per calendar month (UTC) in the window, and CSAT over it. */
export async function npsByMonth(db: Db, scope: AccountScope, since: Date) {
  const owner = scope.onlyOwner;
  const { rows } = await sql<{
    month: string;
    promoters: number;
    passives: number;
    detractors: number;
  }>`
    select to_char(date_trunc('month', r.responded_at at time zone 'UTC'), 'YYYY-MM') as month, ${counts}
    from survey_responses r
    join accounts a on a.id = r.account_id and a.deleted_at is null
    where r.workspace_id = ${scope.workspaceId} and r.kind = 'nps' and r.responded_at >= ${since}
      ${owner !== null ? sql`and a.owner_id = ${owner}` : sql``}
    group by 1 order by 1`.execute(db);
  return rows;
}

/**
 * NPS counts per calendar month (UTC) in the window for some accounts (a team's, a tier's, a
 * segment's), or all the accounts in scope when `accountIds` is null.
 */
export async function npsByMonthOfAccounts(
  db: Db,
  scope: AccountScope,
  accountIds: readonly string[] | null,
  since: Date,
) {
  const owner = scope.onlyOwner;
  const ids = accountIds === null ? null : [...accountIds];
  const { rows } = await sql<{
    month: string;
    promoters: number;
    passives: number;
    detractors: number;
  }>`
    select to_char(date_trunc('month', r.responded_at at time zone 'UTC'), 'YYYY-MM') as month, ${counts}
    from survey_responses r
    join accounts a on a.id = r.account_id and a.deleted_at is null
    where r.workspace_id = ${scope.workspaceId} and r.kind = 'nps' and r.responded_at >= ${since}
      ${owner !== null ? sql`and a.owner_id = ${owner}` : sql``}
      ${ids !== null ? sql`and r.account_id = any(${ids}::uuid[])` : sql``}
    group by 1 order by 1`.execute(db);
  return rows;
}

export async function csatSummary(db: Db, scope: AccountScope, since: Date) {
  const owner = scope.onlyOwner;
  const { rows } = await sql<{ responses: number; average: number | null }>`
    select count(*)::int as responses, round(avg(r.score), 1)::float8 as average
    from survey_responses r
    join accounts a on a.id = r.account_id and a.deleted_at is null
    where r.workspace_id = ${scope.workspaceId} and r.kind = 'csat' and r.responded_at >= ${since}
      ${owner !== null ? sql`and a.owner_id = ${owner}` : sql``}`.execute(db);
  return rows[0] ?? { responses: 0, average: null };
}

/** The public page's requests from one address in the window, counting this one. */
export async function hitSurveyLink(db: Db, ip: string, at: Date, windowStart: Date) {
  await db.insertInto('survey_link_hits').values({ ip, at }).execute();
  // Old hits go as new ones come: the table holds one window's worth.
  await db.deleteFrom('survey_link_hits').where('at', '<', windowStart).execute();
  const row = await db
    .selectFrom('survey_link_hits')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('ip', '=', ip)
    .where('at', '>=', windowStart)
    .executeTakeFirstOrThrow();
  return row.n;
}

const defaultPlayLock = (workspaceId: string) => `voice:detractor-play:${workspaceId}`;

/** Held on one connection while a workspace's default detractor play is added. */
export async function lockDefaultPlay(db: Db, workspaceId: string): Promise<void> {
  await sql`select pg_advisory_lock(hashtextextended(${defaultPlayLock(workspaceId)}, 0))`.execute(
    db,
  );
}

export async function unlockDefaultPlay(db: Db, workspaceId: string): Promise<void> {
  await sql`select pg_advisory_unlock(hashtextextended(${defaultPlayLock(workspaceId)}, 0))`.execute(
    db,
  );
}

/** The language of the account's CSM. */
export async function ownerLocale(
  db: Db,
  workspaceId: string,
  accountId: string,
): Promise<'en' | 'ru' | undefined> {
  const row = await db
    .selectFrom('accounts as a')
    .innerJoin('users as u', 'u.id', 'a.owner_id')
    .select('u.locale')
    .where('a.workspace_id', '=', workspaceId)
    .where('a.id', '=', accountId)
    .executeTakeFirst();
  return row?.locale;
}
