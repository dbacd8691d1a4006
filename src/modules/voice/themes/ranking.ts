// Themes ranked by demand — accounts asking first, then their ARR, then items — with the trend
// against the window before, and the pattern a CSM asked to be flagged (seeds/000): "5 customers
// asked for SSO this month — $1.2M ARR".
import type { Db } from '../../../db/connect.ts';
import type { Locale } from '../../../i18n/index.ts';
import { AppError } from '../../../lib/errors.ts';
import { dayMs } from '../../../lib/calendar.ts';
import type { AccountScope } from '../../accounts/index.ts';
import { describeFeedback } from '../feedback.ts';
import type { ThemesQuery, ThemeView } from '../schema.ts';
import {
  newestItems,
  rankThemes,
  roadmapOfThemes,
  seenOf,
  type RankedThemeRow,
} from '../store/ranking.ts';
import { renderLabel } from '../text/label.ts';

export function trendOf(current: number, previous: number): ThemeView['trend'] {
  const direction =
    previous === 0
      ? 'new'
      : current >= previous * 1.25
        ? 'rising'
        : current <= previous * 0.8
          ? 'falling'
          : 'steady';
  return { current, previous, direction };
}

export const windowDays = (since: string) => Number(since.slice(0, -1));

function money(amount: number, currency: string | null) {
  return { amount: Math.round(amount), currency: currency ?? 'USD' };
}

export async function listThemes(
  db: Db,
  scope: AccountScope,
  query: ThemesQuery & { themeIds?: readonly string[] },
  now: Date,
  locale: Locale,
): Promise<ThemeView[]> {
  const days = windowDays(query.since);
  const since = new Date(now.getTime() - days * dayMs);
  const rows = await rankThemes(db, scope, {
    since,
    previousSince: new Date(since.getTime() - days * dayMs),
    type: query.type,
    accountId: query.accountId,
    themeIds: query.themeIds,
    limit: query.limit,
  });
  const ids = rows.map((r) => r.id);
  const [items, roadmap, seen] = await Promise.all([
    newestItems(db, scope, ids, query.items, since),
    roadmapOfThemes(db, scope.workspaceId, ids),
    seenOf(db, scope.workspaceId, ids),
  ]);
  return rows.map((row: RankedThemeRow) => ({
    id: row.id,
    label: renderLabel(row.label_terms, row.custom_label, locale),
    customLabel: row.custom_label,
    type: row.type,
    accountCount: row.account_count,
    itemCount: row.item_count,
    proposedCount: row.proposed_count,
    arr: money(row.arr, row.currency),
    atRiskArr: money(row.at_risk_arr, row.currency),
    firstSeen: (seen.get(row.id)?.first ?? since).toISOString(),
    lastSeen: (seen.get(row.id)?.last ?? now).toISOString(),
    trend: trendOf(row.item_count, row.previous_count),
    items: items.filter((i) => i.theme_id === row.id).map((i) => describeFeedback(i, locale)),
    roadmapItems: roadmap
      .filter((r) => r.theme_id === row.id)
      .map((r) => ({ id: r.id, title: r.title, status: r.status })),
  }));
}

export async function getTheme(
  db: Db,
  scope: AccountScope,
  id: string,
  query: Pick<ThemesQuery, 'since' | 'items'>,
  now: Date,
  locale: Locale,
): Promise<ThemeView> {
  const [theme] = await listThemes(db, scope, { ...query, limit: 1, themeIds: [id] }, now, locale);
  if (!theme)
    throw new AppError('feedback_theme.not_found', 'No such theme with items you can see.');
  return theme;
}

/** The feature most customers asked for in the window, if at least two did. */
export async function topRequest(
  db: Db,
  scope: AccountScope,
  since: string,
  now: Date,
  locale: Locale,
) {
  const [theme] = await listThemes(
    db,
    scope,
    { since, type: 'feature_request', limit: 1, items: 0 },
    now,
    locale,
  );
  return {
    days: windowDays(since),
    theme:
      theme && theme.accountCount >= 2
        ? { id: theme.id, label: theme.label, accountCount: theme.accountCount, arr: theme.arr }
        : null,
  };
}
