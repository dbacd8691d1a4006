// Expansion opportunities: every account in scope whose data shows room to grow — seats nearly
// full, premium features without the premium plan, usage growing, and healthy — with each
// signal's evidence, an estimated value, and the opportunities already tracked on it.
// "Premium upgrade candidates" is the same list, kept to accounts with the premium signal.
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import type { Clock } from '../../lib/clock.ts';
import type { UserId } from '../../lib/ids.ts';
import { dayMs, isoDay } from '../../lib/calendar.ts';
import { scopeFor } from '../accounts/index.ts';
import { usageMonthOverMonth } from '../intake/adoption/index.ts';
import { npsByAccount } from '../voice/index.ts';
import { describeOpportunity } from './opportunities.ts';
import { planPrices } from './plans.ts';
import { estimateExpansion, expansionSignals } from './signals.ts';
import { mainCurrency } from './store/renewals.ts';
import { expansionAccounts, listOpportunities } from './store/expansion.ts';

type Reader = Pick<Actor, 'workspaceId' | 'userId' | 'permissions'>;

export type ExpansionQuery = { owner: UserId | null; view: 'all' | 'premium' };

export async function expansionOpportunities(
  db: Db,
  clock: Clock,
  actor: Reader,
  query: ExpansionQuery,
) {
  const now = clock.now();
  const today = isoDay(now);
  const scope = scopeFor(actor);
  const [usage, accounts, plans, currency, nps] = await Promise.all([
    usageMonthOverMonth(db, scope, { owner: query.owner, date: today }),
    expansionAccounts(db, scope, { owner: query.owner }),
    planPrices(db, actor.workspaceId),
    mainCurrency(db, actor.workspaceId),
    npsByAccount(db, scope, { owner: query.owner, since: new Date(now.getTime() - 365 * dayMs) }),
  ]);
  const npsOf = new Map(
    nps.map((n) => [n.accountId, { score: n.nps, responses: n.responses }] as const),
  );
  const usageOf = new Map(usage.map((u) => [u.accountId, u]));
  const found = accounts.flatMap((account) => {
    const use = usageOf.get(account.accountId);
    const signals = expansionSignals({
      tier: account.tier,
      plan: account.plan,
      seats: account.seats,
      arr: { amount: account.arrAmount, currency: account.currency },
      mau: use?.mau ?? 0,
      previousMau: use?.previousMau ?? 0,
      events: use?.events ?? 0,
      previousEvents: use?.previousEvents ?? 0,
      healthScore: account.healthScore,
      healthCategory: account.healthCategory,
      premiumFeaturesUsed: use?.premiumFeaturesUsed ?? [],
      nps: npsOf.get(account.accountId) ?? null,
      plans,
    });
    if (signals.length === 0) return [];
    if (query.view === 'premium' && !signals.some((s) => s.kind === 'premium_features')) return [];
    return [
      {
        accountId: account.accountId,
        name: account.name,
        ownerId: account.ownerId,
        ownerName: account.ownerName,
        tier: account.tier,
        plan: account.plan,
        seats: account.seats,
        arr: { amount: account.arrAmount, currency: account.currency },
        health: { score: account.healthScore, category: account.healthCategory },
        signals,
        ...estimateExpansion(signals, account.currency),
      },
    ];
  });
  found.sort(
    (a, b) => b.estimatedArr.amount - a.estimatedArr.amount || a.name.localeCompare(b.name),
  );
  const tracked =
    found.length === 0
      ? []
      : await listOpportunities(db, scope, {
          accountIds: found.map((f) => f.accountId),
          open: true,
        });
  const byAccount = Map.groupBy(tracked.map(describeOpportunity), (o) => o.accountId);
  const totalCurrency = currency ?? found[0]?.arr.currency ?? 'USD';
  return {
    date: today,
    view: query.view,
    totals: {
      accounts: found.length,
      estimatedArr: {
        amount: found
          .filter((f) => f.estimatedArr.currency === totalCurrency)
          .reduce((sum, f) => sum + f.estimatedArr.amount, 0),
        currency: totalCurrency,
      },
    },
    items: found.map((f) => ({ ...f, opportunities: byAccount.get(f.accountId) ?? [] })),
  };
}
