// Themes ranked by demand — accounts asking first, then their ARR, then items — with the trend
// against the window before, and the pattern a CSM asked to be flagged (seeds/000): "5 customers
// asked for SSO this month — $1.2M ARR".
import type { Db } from '../../../db/connect.ts';
import type { Locale } from '../../../i18n/index.ts';
import { AppError } from '../../../lib/errors.ts';
import { dayMs } from '../../../lib/calendar.ts';
import type { AccountScope } from '../../accounts/index.ts';
import { describeFeedback } from '../feedback.ts';
import type { FeedbackType } from '../../../db/schema.ts';
import { feedbackTypes, type ThemesQuery, type ThemeView } from '../schema.ts';
import { rankThemes, type RankedThemeRow } from '../store/ranking.ts';
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

/** The kind most of a theme's items in the window are; a tie goes to the first by name. */
export function mostCommonKind(kinds: Record<FeedbackType, number>): FeedbackType {
  const [first, ...rest] = [...feedbackTypes].sort();
  let best: FeedbackType = first ?? 'feature_request';
  for (const kind of rest) if ((kinds[kind] ?? 0) > (kinds[best] ?? 0)) best = kind;
  return best;
}

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
    newest: query.items,
  });
  return rows.map((row: RankedThemeRow) => ({
    id: row.id,
    label: renderLabel(row.label_terms, row.custom_label, locale),
    customLabel: row.custom_label,
    type: mostCommonKind(row.kinds),
    accountCount: row.account_count,
    itemCount: row.item_count,
    proposedCount: row.proposed_count,
    arr: money(row.arr, row.currency),
    atRiskArr: money(row.at_risk_arr, row.currency),
    firstSeen: row.first_seen.toISOString(),
    lastSeen: row.last_seen.toISOString(),
    trend: trendOf(row.item_count, row.previous_count),
    items: row.newest.map((item) =>
      describeFeedback(
        {
          ...item,
          given_at: new Date(item.given_at),
          shipped_at: item.shipped_at === null ? null : new Date(item.shipped_at),
        },
        locale,
      ),
    ),
    roadmapItems: row.roadmap,
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
    throw new AppError('feedback_theme.not_found', {
      key: 'voice.problem.noVisibleTheme',
    });
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
