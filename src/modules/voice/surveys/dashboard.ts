// The NPS dashboard (seeds/003): NPS overall and by account, tier or saved segment with its
// trend, the promoter/passive/detractor split, NPS month by month, CSAT, and what people wrote.
import type { Db } from '../../../db/connect.ts';
import { dayMs } from '../../../lib/calendar.ts';
import type { AccountScope } from '../../accounts/index.ts';
import * as store from '../store/surveys.ts';
import { describeResponse } from './respond.ts';
import { npsFromCounts } from './nps.ts';
import { segmentsWithAccounts, type SegmentViewer } from './segments.ts';

/** A group's trend: its last 90 days against the window as a whole, by 5 points or more. */
function trendOf(all: number | null, recent: number | null): 'up' | 'down' | 'flat' | 'new' {
  if (all === null || recent === null) return 'new';
  if (recent >= all + 5) return 'up';
  if (recent <= all - 5) return 'down';
  return 'flat';
}

type Counts = Awaited<ReturnType<typeof store.npsCounts>>[number];

const zero = (key: string, label: string): Counts => ({
  key,
  label,
  promoters: 0,
  passives: 0,
  detractors: 0,
  recent_promoters: 0,
  recent_passives: 0,
  recent_detractors: 0,
});

function add(into: Counts, row: Counts) {
  into.promoters += row.promoters;
  into.passives += row.passives;
  into.detractors += row.detractors;
  into.recent_promoters += row.recent_promoters;
  into.recent_passives += row.recent_passives;
  into.recent_detractors += row.recent_detractors;
  return into;
}

/**
 * One group a saved segment, over the accounts its filters find for the person; an account may
 * be in several. The overall figure is over the responses themselves, each counted once.
 */
async function bySegment(
  db: Db,
  viewer: SegmentViewer,
  since: Date,
  recentSince: Date,
): Promise<{ groups: Counts[]; all: Counts }> {
  const [perAccount, segments] = await Promise.all([
    store.npsCounts(db, viewer.scope, 'account', since, recentSince),
    segmentsWithAccounts(db, viewer),
  ]);
  const groups = segments.map((segment) =>
    perAccount
      .filter((row) => segment.accountIds.has(row.key))
      .reduce(add, zero(segment.id, segment.name)),
  );
  return { groups, all: perAccount.reduce(add, zero('', '')) };
}

export async function npsReport(
  db: Db,
  scope: AccountScope,
  query: { groupBy: 'account' | 'tier' | 'segment'; since: string },
  now: Date,
  /** Who asks, for their saved segments (groupBy=segment). */
  viewer?: Omit<SegmentViewer, 'scope'>,
) {
  const since = new Date(now.getTime() - Number(query.since.slice(0, -1)) * dayMs);
  const recentSince = new Date(now.getTime() - 90 * dayMs);
  const grouped = async () => {
    if (query.groupBy !== 'segment') {
      const groups = await store.npsCounts(db, scope, query.groupBy, since, recentSince);
      return { groups, all: groups.reduce(add, zero('', '')) };
    }
    if (!viewer) throw new Error('NPS by segment needs the person whose segments they are');
    return bySegment(db, { ...viewer, scope }, since, recentSince);
  };
  const [{ groups, all }, months, csat, verbatims] = await Promise.all([
    grouped(),
    store.npsByMonth(db, scope, since),
    store.csatSummary(db, scope, since),
    store.responseRows(db, scope, { kind: 'nps', since, withComment: true, limit: 20 }),
  ]);
  return {
    overall: npsFromCounts(all),
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
