// "Which clients need a business review?" (seeds/003): accounts on a review cadence whose
// last QBR that took place is older than the cadence — or who never had one and have been a
// customer longer than that — most overdue first, with the next QBR if one is booked; and
// this quarter's QBR completion.
import type { Db } from '../../../db/connect.ts';
import type { Clock } from '../../../lib/clock.ts';
import type { UserId } from '../../../lib/ids.ts';
import { daysBetween, isoDay } from '../../../lib/calendar.ts';
import type { AccountScope } from '../../accounts/index.ts';
import { loadCadences, onCadence } from '../cadences.ts';
import { quarterOf } from '../periods.ts';
import { qbrStatus } from '../store/meetings.ts';

/** The same day `months` later (the month's last day when it has fewer days). */
export function addMonths(at: Date, months: number): Date {
  const target = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0));
  target.setUTCDate(Math.min(at.getUTCDate(), lastDay.getUTCDate()));
  target.setUTCHours(at.getUTCHours(), at.getUTCMinutes(), at.getUTCSeconds());
  return target;
}

export type QbrDue = {
  lastQbrAt: Date | null;
  customerSince: Date;
  everyMonths: number;
};

/** When the next QBR is due: a cadence after the last one, or after becoming a customer. */
export function qbrDueBy(status: QbrDue): Date {
  return addMonths(status.lastQbrAt ?? status.customerSince, status.everyMonths);
}

export async function overdueQbrs(
  db: Db,
  clock: Clock,
  scope: AccountScope,
  query: { owner: UserId | null },
) {
  const now = clock.now();
  const today = isoDay(now);
  const cadences = onCadence(await loadCadences(db, scope.workspaceId));
  const months = new Map(cadences.map((c) => [c.tier, c.months]));
  const rows = await qbrStatus(db, scope, {
    tiers: cadences.map((c) => c.tier),
    owner: query.owner,
    now,
  });
  const quarter = quarterOf(today);
  const quarterStart = new Date(`${quarter.from}T00:00:00Z`);
  const statuses = rows.map((row) => {
    const everyMonths = months.get(row.tier) ?? 3;
    const dueBy = qbrDueBy({
      lastQbrAt: row.lastQbrAt,
      customerSince: row.customerSince,
      everyMonths,
    });
    return { row, everyMonths, dueBy };
  });
  const items = statuses
    .filter((s) => s.dueBy.getTime() < now.getTime())
    .map(({ row, everyMonths, dueBy }) => ({
      accountId: row.accountId,
      name: row.name,
      tier: row.tier,
      ownerId: row.ownerId,
      ownerName: row.ownerName,
      everyMonths,
      lastQbrAt: row.lastQbrAt?.toISOString() ?? null,
      dueBy: isoDay(dueBy),
      daysOverdue: daysBetween(isoDay(dueBy), today),
      nextQbr: row.nextQbrId
        ? { id: row.nextQbrId, startsAt: row.nextQbrAt?.toISOString() ?? '' }
        : null,
    }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.name.localeCompare(b.name));
  // This quarter: accounts that were customers when it began, and those reviewed in it.
  const due = statuses.filter((s) => s.row.customerSince.getTime() <= quarterStart.getTime());
  const held = due.filter(
    (s) => s.row.lastQbrAt !== null && s.row.lastQbrAt.getTime() >= quarterStart.getTime(),
  );
  return {
    cadences: cadences.map((c) => ({ tier: c.tier, everyMonths: c.months })),
    items,
    quarter: {
      label: quarter.label,
      due: due.length,
      held: held.length,
      rate: due.length > 0 ? Math.round((held.length / due.length) * 10_000) / 10_000 : null,
    },
  };
}
