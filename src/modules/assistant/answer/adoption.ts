// Adoption questions answered from the adoption figures the Adoption page shows: who is slipping,
// and how the product is used across clients.
import { adoptionOverview, portfolioAdoption } from '../../intake/adoption/index.ts';
import {
  forAccount,
  inTier,
  ownerOf,
  percent,
  say,
  type Answered,
  type Question,
} from './context.ts';

/** Adoption reads "mine" or everything the asker may see; a named CSM is filtered after. */
function ownerOption(question: Question) {
  return ownerOf(question) === question.asker.userId ? ('me' as const) : ('all' as const);
}

function withDirectory(question: Question) {
  const byId = new Map(question.accounts.map((a) => [a.id, a]));
  const owner = ownerOf(question);
  return <T extends { accountId: string }>(items: T[]) =>
    items.flatMap((i) => {
      const account = byId.get(i.accountId);
      if (!account || (owner !== null && account.ownerId !== owner)) return [];
      return [{ ...i, tier: account.tier, ownerName: account.ownerName }];
    });
}

export async function decliningAdoption(question: Question): Promise<Answered> {
  const { db, clock } = question.deps;
  const owner = ownerOption(question);
  // One read of the month against the last; the declining ones are those adoption flags, the
  // steepest fall in active users first (as the Adoption page's declining list orders them).
  const all = await portfolioAdoption(db, clock, question.asker, { owner });
  const clients = forAccount(question, inTier(question, withDirectory(question)(all.items)));
  const items = clients
    .filter((i) => i.declining)
    .sort(
      (a, b) =>
        (a.activeUsersChange ?? 0) - (b.activeUsersChange ?? 0) ||
        (a.usageChange ?? 0) - (b.usageChange ?? 0),
    );
  const total = clients.length;
  const steepest = items[0];
  const answer =
    items.length === 0
      ? [say('assistant.declining.calm', { total })]
      : [say('assistant.declining.summary', { count: items.length, total })];
  if (steepest && (steepest.activeUsersChange ?? 0) < 0) {
    answer.push(
      say('assistant.declining.steepest', {
        name: steepest.name,
        pct: percent(steepest.activeUsersChange),
      }),
    );
  }
  return {
    widget: 'declining_adoption',
    data: {
      clients: total,
      items: items.map((i) => ({
        accountId: i.accountId,
        name: i.name,
        tier: i.tier,
        ownerName: i.ownerName,
        mau: i.mau,
        previousMau: i.previousMau,
        activeUsersChange: i.activeUsersChange,
        usageChange: i.usageChange,
        loginChange: i.loginChange,
      })),
    },
    answer,
    link: '/adoption',
  };
}

export async function productAdoption(question: Question): Promise<Answered> {
  const { db, clock } = question.deps;
  const owner = ownerOption(question);
  const [overview, all] = await Promise.all([
    adoptionOverview(db, clock, question.asker, { owner }),
    portfolioAdoption(db, clock, question.asker, { owner }),
  ]);
  const clients = forAccount(question, inTier(question, withDirectory(question)(all.items)));
  const activeUsers = clients.reduce((sum, c) => sum + c.mau, 0);
  const seats = clients.reduce((sum, c) => sum + (c.seats ?? 0), 0);
  const features = overview.features.slice(0, 8);
  const answer = [say('assistant.adoption.summary', { count: clients.length, users: activeUsers })];
  const top = features[0];
  if (top && top.share !== null && top.accounts > 0) {
    answer.push(
      say('assistant.adoption.topFeature', {
        feature: top.label,
        pct: Math.round(top.share * 100),
      }),
    );
  }
  if (overview.timeToValue.medianDays !== null) {
    answer.push(say('assistant.adoption.timeToValue', { days: overview.timeToValue.medianDays }));
  }
  return {
    widget: 'adoption_metrics',
    data: {
      clients: clients.length,
      activeUsers,
      seatUtilization: seats > 0 ? Math.round((activeUsers / seats) * 1000) / 1000 : null,
      medianTimeToValueDays: overview.timeToValue.medianDays,
      features: features.map((f) => ({
        key: f.key,
        label: f.label,
        premium: f.premium,
        accounts: f.accounts,
        share: f.share,
      })),
    },
    answer,
    link: '/adoption',
  };
}
