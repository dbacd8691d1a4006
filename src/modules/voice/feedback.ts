// Feedback items: what a customer asked for, reported or praised, logged from wherever the CSM
// heard it (the app, the API, a timeline note or e-mail, Slack, a CSV, a survey verbatim, a
// support ticket). Each new item is read into features and queued for its theme.
import type { Deps } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import type { FeedbackReview, FeedbackSource, FeedbackType } from '../../db/schema.ts';
import type { Locale } from '../../i18n/index.ts';
import { enqueue } from '../../jobs/registry.ts';
import { AppError, fieldProblem, invalid } from '../../lib/errors.ts';
import type { UserId, WorkspaceId } from '../../lib/ids.ts';
import { decodeCursor, toPage } from '../../lib/pagination.ts';
import { daysAfter } from '../../lib/calendar.ts';
import { getAccount, type AccountScope } from '../accounts/index.ts';
import { recordAudit, recordEdit, type ChangeAuthor } from '../auth/index.ts';
import type { FeedbackItemView, FeedbackQuery, LogFeedback, UpdateFeedback } from './schema.ts';
import * as store from './store/feedback.ts';
import { lockThemes } from './store/themes.ts';
import { guessFeedbackType } from './text/classify.ts';
import { readText, type TermLink } from './text/features.ts';
import { renderLabel } from './text/label.ts';

/** A feedback text read for theming: its words and concepts, and its type as a feature. */
export function readFeedback(text: string, type: FeedbackType, links: readonly TermLink[] = []) {
  const reading = readText(text, links);
  return { features: { ...reading.features, [`t:${type}`]: 1 }, surfaces: reading.surfaces };
}

export function describeFeedback(row: store.FeedbackRow, locale: Locale): FeedbackItemView {
  return {
    id: row.id,
    accountId: row.account_id,
    accountName: row.account_name,
    contact: row.contact_id ? { id: row.contact_id, name: row.contact_name ?? '' } : null,
    type: row.type,
    priority: row.priority,
    status: row.status,
    source: row.source,
    sourceRef: row.source_ref,
    text: row.text,
    arr: { amount: row.arr_amount ?? 0, currency: row.currency ?? 'USD' },
    loggedBy: row.logged_by ? { id: row.logged_by, name: row.logged_by_name ?? '' } : null,
    review: row.review,
    ticketId: row.ticket_id,
    theme: row.theme_id
      ? {
          id: row.theme_id,
          label: renderLabel(row.theme_label_terms ?? [], row.theme_custom_label, locale),
          placedByPerson: row.theme_placed,
        }
      : null,
    givenAt: row.given_at.toISOString(),
    shippedAt: row.shipped_at?.toISOString() ?? null,
  };
}

export type NewFeedback = {
  workspaceId: WorkspaceId;
  accountId: string;
  contactId: string | null;
  type: FeedbackType;
  priority: 'low' | 'medium' | 'high' | 'critical';
  text: string;
  source: FeedbackSource;
  sourceRef: string | null;
  givenAt: Date;
  loggedBy: UserId | null;
  review?: FeedbackReview;
  ticketId?: string | null;
};

/**
 * Writes one item in the caller's transaction and queues its placement in a theme. The same
 * origin twice (source and sourceRef) is one item: the second call answers the first's id.
 */
export async function writeFeedback(
  db: Db,
  at: Date,
  item: NewFeedback,
): Promise<{ id: string; created: boolean }> {
  const account = await getAccount(
    db,
    { workspaceId: item.workspaceId, onlyOwner: null },
    item.accountId,
  );
  const links = await store.termLinksOf(db, item.workspaceId);
  const reading = readFeedback(item.text, item.type, links);
  const [id] = await store.insertFeedbackRows(db, [
    {
      workspace_id: item.workspaceId,
      account_id: item.accountId,
      contact_id: item.contactId,
      type: item.type,
      priority: item.priority,
      source: item.source,
      source_ref: item.sourceRef,
      text: item.text,
      arr_amount: account.arr_amount,
      currency: account.currency,
      logged_by: item.loggedBy,
      review: item.review ?? 'accepted',
      ticket_id: item.ticketId ?? null,
      features: JSON.stringify(reading.features),
      surfaces: JSON.stringify(reading.surfaces),
      given_at: item.givenAt,
      created_at: at,
      updated_at: at,
    },
  ]);
  if (id) {
    await enqueue(
      db,
      'feedback__place',
      { workspaceId: item.workspaceId, itemId: id },
      { runAt: at },
    );
    return { id, created: true };
  }
  const existing = item.sourceRef
    ? await store.feedbackBySource(db, item.workspaceId, item.source, item.sourceRef)
    : undefined;
  if (!existing) throw new Error('an item without an origin cannot collide');
  return { id: existing.id, created: false };
}

/**
 * Many items at once, set-based (a seed, a migration of old records): read, written in a few
 * statements, and not queued one by one — the caller recomputes the themes once afterwards.
 */
export async function importFeedbackItems(
  db: Db,
  at: Date,
  workspaceId: WorkspaceId,
  items: readonly Omit<NewFeedback, 'workspaceId'>[],
): Promise<number> {
  const arr = await store.arrOfAccounts(db, workspaceId, [
    ...new Set(items.map((i) => i.accountId)),
  ]);
  const links = await store.termLinksOf(db, workspaceId);
  const rows: store.NewFeedbackRow[] = items.map((item) => {
    const reading = readFeedback(item.text, item.type, links);
    const account = arr.get(item.accountId);
    return {
      workspace_id: workspaceId,
      account_id: item.accountId,
      contact_id: item.contactId,
      type: item.type,
      priority: item.priority,
      source: item.source,
      source_ref: item.sourceRef,
      text: item.text,
      arr_amount: account?.arr_amount ?? null,
      currency: account?.currency ?? null,
      logged_by: item.loggedBy,
      review: item.review ?? 'accepted',
      ticket_id: item.ticketId ?? null,
      features: JSON.stringify(reading.features),
      surfaces: JSON.stringify(reading.surfaces),
      given_at: item.givenAt,
      created_at: at,
      updated_at: at,
    };
  });
  let inserted = 0;
  for (let i = 0; i < rows.length; i += 1000) {
    inserted += (await store.insertFeedbackRows(db, rows.slice(i, i + 1000))).length;
  }
  return inserted;
}

/** The account and contact a request names, as fields the caller can correct. */
async function checkAccountAndContact(
  db: Db,
  scope: AccountScope,
  accountId: string,
  contactId: string | null | undefined,
) {
  const account = await getAccount(db, scope, accountId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'account.not_found') {
      throw invalid([fieldProblem('accountId', 'errors.field.noAccount')]);
    }
    throw error;
  });
  if (contactId && !(await store.contactOfAccount(db, scope.workspaceId, accountId, contactId))) {
    throw invalid([fieldProblem('contactId', 'voice.field.noContactOnAccount')]);
  }
  return account;
}

export async function getFeedback(db: Db, scope: AccountScope, id: string, locale: Locale) {
  const row = await store.findFeedbackRow(db, scope, id);
  if (!row) throw new AppError('feedback.not_found', { key: 'voice.problem.noFeedback' });
  return describeFeedback(row, locale);
}

export async function logFeedback(
  deps: Pick<Deps, 'db' | 'clock'>,
  by: ChangeAuthor & { userId: UserId | null; locale: Locale },
  scope: AccountScope,
  input: LogFeedback,
): Promise<{ item: FeedbackItemView; created: boolean }> {
  const at = deps.clock.now();
  const written = await deps.db.transaction().execute(async (trx) => {
    await checkAccountAndContact(trx, scope, input.accountId, input.contactId);
    const result = await writeFeedback(trx, at, {
      workspaceId: by.workspaceId,
      accountId: input.accountId,
      contactId: input.contactId ?? null,
      type: input.type ?? guessFeedbackType(input.text),
      priority: input.priority,
      text: input.text,
      source: input.source,
      sourceRef: input.sourceRef ?? null,
      givenAt: input.givenAt ? new Date(input.givenAt) : at,
      loggedBy: by.userId,
    });
    if (result.created) {
      await recordAudit(trx, by, {
        action: 'feedback.logged',
        entityType: 'feedback',
        entityId: result.id,
        changes: { accountId: input.accountId, source: input.source },
      });
    }
    return result;
  });
  return {
    item: await getFeedback(deps.db, scope, written.id, by.locale),
    created: written.created,
  };
}

type FeedbackFilterQuery = Omit<FeedbackQuery, 'limit' | 'cursor'>;

/** A query's filters as the store takes them: `since=90d` is the 90 days before now. */
function filtersOf(query: FeedbackFilterQuery, now: Date): store.FeedbackFilters {
  const days = query.since ? Number(query.since.slice(0, -1)) : undefined;
  return {
    accountId: query.accountId,
    themeId: query.themeId,
    type: query.type,
    status: query.status,
    review: query.review,
    since: days ? daysAfter(now, -days) : undefined,
  };
}

/** How many items a list with these filters holds, counted rather than read. */
export function countFeedback(
  db: Db,
  scope: AccountScope,
  query: FeedbackFilterQuery,
  now: Date,
): Promise<number> {
  return store.countFeedbackRows(db, scope, filtersOf(query, now));
}

export async function listFeedback(
  db: Db,
  scope: AccountScope,
  query: FeedbackQuery,
  now: Date,
  locale: Locale,
) {
  const after = query.cursor
    ? decodeCursor(query.cursor, 'feedback', { id: 'uuid', value: 'timestamptz' })
    : undefined;
  const rows = await store.listFeedbackRows(
    db,
    scope,
    {
      ...filtersOf(query, now),
      before: after ? { givenAt: String(after.value), id: after.id } : undefined,
    },
    query.limit,
  );
  return toPage(
    rows,
    query.limit,
    (row) => describeFeedback(row, locale),
    (row) => ({ value: row.given_at.toISOString(), id: row.id, sort: 'feedback' }),
  );
}

/** What a person may correct of an item, named as the corrections are (`UpdateFeedback`). */
function correctableFields(row: store.FeedbackRow): Required<UpdateFeedback> {
  return {
    accountId: row.account_id,
    contactId: row.contact_id,
    type: row.type,
    priority: row.priority,
    status: row.status,
    text: row.text,
  };
}

export async function updateFeedback(
  deps: Pick<Deps, 'db' | 'clock'>,
  by: ChangeAuthor & { locale: Locale },
  scope: AccountScope,
  id: string,
  changes: UpdateFeedback,
) {
  const at = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    // A kind changed is recounted in the theme tallies under this lock (migration 0029): taken
    // first, as recomputations and corrections take it, before the item's row.
    await lockThemes(trx, by.workspaceId);
    const before = await store.findFeedbackRow(trx, scope, id);
    if (!before) throw new AppError('feedback.not_found', { key: 'voice.problem.noFeedback' });
    const accountId = changes.accountId ?? before.account_id;
    const moved = accountId !== before.account_id;
    // Moved to another account: its ARR now is the item's, and a contact of the account it
    // left is no one at the new one.
    const account =
      moved || changes.contactId
        ? await checkAccountAndContact(trx, scope, accountId, changes.contactId)
        : undefined;
    const contactId =
      changes.contactId !== undefined ? changes.contactId : moved ? null : undefined;
    const text = changes.text ?? before.text;
    const type = changes.type ?? before.type;
    const reread =
      text !== before.text || type !== before.type
        ? readFeedback(text, type, await store.termLinksOf(trx, by.workspaceId))
        : undefined;
    await store.updateFeedbackRow(
      trx,
      by.workspaceId,
      id,
      {
        ...(moved && account
          ? { account_id: accountId, arr_amount: account.arr_amount, currency: account.currency }
          : {}),
        ...(changes.type ? { type: changes.type } : {}),
        ...(changes.priority ? { priority: changes.priority } : {}),
        ...(changes.status ? { status: changes.status } : {}),
        ...(changes.text ? { text: changes.text } : {}),
        ...(contactId !== undefined ? { contact_id: contactId } : {}),
        ...(reread
          ? { features: JSON.stringify(reread.features), surfaces: JSON.stringify(reread.surfaces) }
          : {}),
      },
      at,
    );
    // Each field as it was and as it is now, as every audited edit records it; a contact cleared
    // by the move is a change too.
    await recordEdit(
      trx,
      by,
      { action: 'feedback.updated', entityType: 'feedback', entityId: id },
      { before: correctableFields(before), after: { ...changes, accountId, contactId } },
    );
  });
  return getFeedback(deps.db, scope, id, by.locale);
}

/** A proposed item (recognised in a ticket) accepted into themes, or dismissed. */
export async function reviewFeedback(
  deps: Pick<Deps, 'db' | 'clock'>,
  by: ChangeAuthor & { locale: Locale },
  scope: AccountScope,
  id: string,
  review: 'accepted' | 'dismissed',
) {
  await deps.db.transaction().execute(async (trx) => {
    await lockThemes(trx, by.workspaceId);
    const before = await store.findFeedbackRow(trx, scope, id);
    if (!before) throw new AppError('feedback.not_found', { key: 'voice.problem.noFeedback' });
    if (before.review === review) return;
    await store.updateFeedbackRow(trx, by.workspaceId, id, { review }, deps.clock.now());
    await recordAudit(trx, by, {
      action: `feedback.${review}`,
      entityType: 'feedback',
      entityId: id,
      changes: { review: { from: before.review, to: review } },
    });
  });
  return getFeedback(deps.db, scope, id, by.locale);
}
