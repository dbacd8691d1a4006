// The NPS dashboard (seeds/003): NPS overall and by account or tier with its trend, the
// promoter/passive/detractor split, NPS month by month, CSAT, and what people wrote.
import type { Db } from '../../../db/connect.ts';
import { dayMs } from '../../../lib/calendar.ts';
import type { AccountScope } from '../../accounts/index.ts';
import * as store from '../store/surveys.ts';
import { describeResponse } from './respond.ts';
import { npsFromCounts } from './nps.ts';

/** A group's trend: its last 90 days against the window as a whole, by 5 points or more. */
function trendOf(all: number | null, recent: number | null): 'up' | 'down' | 'flat' | 'new' {
  if (all === null || recent === null) return 'new';
  if (recent >= all + 5) return 'up';
  if (recent <= all - 5) return 'down';
  return 'flat';
}

export async function npsReport(
  db: Db,
  scope: AccountScope,
  query: { groupBy: 'account' | 'tier'; since: string },
  now: Date,
) {
  const since = new Date(now.getTime() - Number(query.since.slice(0, -1)) * dayMs);
  const recentSince = new Date(now.getTime() - 90 * dayMs);
  const [groups, months, csat, verbatims] = await Promise.all([
    store.npsCounts(db, scope, query.groupBy, since, recentSince),
    store.npsByMonth(db, scope, since),
    store.csatSummary(db, scope, since),
    store.responseRows(db, scope, { kind: 'nps', since, withComment: true, limit: 20 }),
  ]);
  const overall = npsFromCounts({
    promoters: groups.reduce((s, g) => s + g.promoters, 0),
    passives: groups.reduce((s, g) => s + g.passives, 0),
    detractors: groups.reduce((s, g) => s + g.detractors, 0),
  });
  return {
    overall,
    csat,
    trend: months.map((m) => ({ month: m.month, ...npsFromCounts(m) })),
    groups: groups
      .map((g) => {
        const split = npsFromCounts(g);
        const recent = npsFromCounts({
          promoters: g.recent_promoters,
          passives: g.recent_passives,
          detractors: g.recent_detractors,
        });
        return { key: g.key, label: g.label, ...split, trend: trendOf(split.nps, recent.nps) };
      })
      .sort((a, b) => (a.nps ?? 0) - (b.nps ?? 0) || a.label.localeCompare(b.label)),
    verbatims: verbatims.map(describeResponse),
  };
}
