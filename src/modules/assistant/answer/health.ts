// Health questions answered from the health module, as its dashboard and churn-risk pages
// read them: the portfolio's health, who may churn, and how engagement moved month over month.
import { portfolioAdoption } from '../../intake/adoption/index.ts';
import { churnRiskList, healthDashboard } from '../../health/index.ts';
import { scopeFor } from '../../accounts/index.ts';
import { localParts } from '../../notify/index.ts';
import {
  forAccount,
  inTier,
  ownerOf,
  percent,
  render,
  say,
  type Answered,
  type Question,
} from './context.ts';
import { daysBetween } from '../../../lib/calendar.ts';

export async function clientHealth(question: Question): Promise<Answered> {
  const { db, clock } = question.deps;
  const board = await healthDashboard(db, clock, scopeFor(question.asker), ownerOf(question));
  const changes = new Map(board.movers.map((m) => [m.accountId, m.change]));
  const accounts = forAccount(question, inTier(question, board.accounts));
  const counts = { healthy: 0, at_risk: 0, critical: 0, unscored: 0 };
  for (const a of accounts) counts[a.category ?? 'unscored']++;
  const risky = counts.at_risk + counts.critical;
  const answer = [
    accounts.length === 0
      ? say('assistant.health.empty')
      : risky === 0
        ? say('assistant.health.calm', { count: accounts.length })
        : say('assistant.health.summary', { count: risky, total: accounts.length }),
  ];
  const ids = new Set(accounts.map((a) => a.accountId));
  const faller = board.movers.find((m) => ids.has(m.accountId) && m.change < 0);
  if (faller)
    answer.push(say('assistant.health.fell', { name: faller.name, count: -faller.change }));
  return {
    widget: 'health_dashboard',
    data: {
      counts,
      accounts: accounts.map((a) => ({
        accountId: a.accountId,
        name: a.name,
        tier: a.tier,
        ownerName: a.ownerName,
        score: a.score,
        category: a.category,
        change: changes.get(a.accountId) ?? null,
        reason: render(question, a.reason),
      })),
    },
    answer,
    link: '/health',
  };
}

export async function churnRisk(question: Question): Promise<Answered> {
  const { db, clock } = question.deps;
  const today = localParts(clock.now(), question.asker.timeZone).date;
  const window = question.params.window;
  const within =
    window && window.to > today ? `${Math.max(1, daysBetween(today, window.to))}d` : undefined;
  const list = await churnRiskList(db, clock, scopeFor(question.asker), {
    ...(within ? { within } : {}),
    owner: ownerOf(question),
    levels: ['medium', 'high', 'critical'],
  });
  const items = forAccount(question, inTier(question, list.items));
  const arr = items.reduce((sum, i) => sum + i.arr.amount, 0);
  const first = items[0];
  const answer =
    items.length === 0
      ? [say('assistant.churn.calm')]
      : [
          say('assistant.churn.summary', {
            count: items.length,
            arr: { money: { amount: arr, currency: first?.arr.currency ?? 'USD' } },
          }),
        ];
  if (first) {
    const level = { term: `assistant.levels.${first.level}` as const };
    answer.push(
      first.renewalDate
        ? say('assistant.churn.first', {
            name: first.name,
            level,
            date: { date: first.renewalDate },
          })
        : say('assistant.churn.firstNoRenewal', {
            name: first.name,
            level,
          }),
    );
  }
  return {
    widget: 'churn_risk',
    data: {
      window: list.window,
      items: items.map((i) => ({
        accountId: i.accountId,
        name: i.name,
        tier: i.tier,
        ownerName: i.ownerName,
        level: i.level,
        riskScore: i.score,
        healthScore: i.healthScore,
        renewalDate: i.renewalDate,
        daysToRenewal: i.daysToRenewal,
        arr: i.arr,
        factors: i.factors.flatMap((f) => render(question, f.description) ?? []),
      })),
    },
    answer,
    link: '/health',
  };
}

/** Growing, stable or declining: active users this month against the last, ±10%. */
function direction(change: number | null): 'growing' | 'stable' | 'declining' {
  if (change === null) return 'stable';
  return change >= 10 ? 'growing' : change <= -10 ? 'declining' : 'stable';
}

export async function engagementTrends(question: Question): Promise<Answered> {
  const { db, clock } = question.deps;
  const owner = ownerOf(question);
  const [usage, board] = await Promise.all([
    portfolioAdoption(db, clock, question.asker, {
      owner: owner === question.asker.userId ? 'me' : 'all',
    }),
    healthDashboard(db, clock, scopeFor(question.asker), owner),
  ]);
  const health = new Map(board.accounts.map((a) => [a.accountId, a]));
  const rows = usage.items
    .filter((i) => owner === null || i.ownerId === owner)
    .flatMap((i) => {
      const h = health.get(i.accountId);
      if (!h) return [];
      return [
        {
          accountId: i.accountId,
          name: i.name,
          tier: h.tier,
          ownerName: h.ownerName,
          direction: direction(i.activeUsersChange),
          mau: i.mau,
          previousMau: i.previousMau,
          activeUsersChange: i.activeUsersChange,
          usageChange: i.usageChange,
          healthChange: h.trend?.monthOverMonth ?? null,
        },
      ];
    });
  const items = forAccount(question, inTier(question, rows)).sort(
    (a, b) => (b.activeUsersChange ?? 0) - (a.activeUsersChange ?? 0),
  );
  const tally = { growing: 0, stable: 0, declining: 0 };
  for (const i of items) tally[i.direction]++;
  const answer = [say('assistant.engagement.summary', { count: items.length, ...tally })];
  const leader = items[0];
  if (leader && leader.direction === 'growing') {
    answer.push(
      say('assistant.engagement.leader', {
        name: leader.name,
        pct: percent(leader.activeUsersChange),
      }),
    );
  }
  return {
    widget: 'engagement_trends',
    data: { ...tally, items },
    answer,
    link: '/adoption',
  };
}
