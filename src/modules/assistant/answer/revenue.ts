// Revenue questions answered from the revenue module, as its pages read them: the renewal
// pipeline, expansion and premium-upgrade candidates, and the CS metrics for a period.
import { scopeFor } from '../../accounts/index.ts';
import { csMetrics, expansionOpportunities, renewalPipeline } from '../../revenue/index.ts';
import type { Message } from '../../../i18n/index.ts';
import {
  forAccount,
  inTier,
  ownerOf,
  render,
  say,
  todayOf,
  type Answered,
  type Question,
} from './context.ts';

export async function renewals(question: Question): Promise<Answered> {
  const { db, clock } = question.deps;
  const window = question.params.window;
  const now = todayOf(question);
  // "When does Acme renew?": Acme's renewal, however far off.
  const named = question.accounts.find((a) => a.id === question.params.accountId);
  const namedDate = named?.renewalDate;
  // Renewals still to come: a window that began in the past starts today.
  const range = namedDate
    ? { from: namedDate < now ? namedDate : now, to: namedDate < now ? now : namedDate }
    : window
      ? { from: window.from < now ? now : window.from, to: window.to < now ? now : window.to }
      : null;
  const pipeline = await renewalPipeline(db, clock, scopeFor(question.asker), {
    ...(range ? range : { within: '90d' }),
    owner: ownerOf(question),
    limit: 500,
  });
  const items = forAccount(question, inTier(question, pipeline.items));
  const currency = pipeline.currency ?? items[0]?.arr.currency ?? 'USD';
  const sum = (pick: (i: (typeof items)[number]) => number) =>
    items.filter((i) => i.arr.currency === currency).reduce((total, i) => total + pick(i), 0);
  const totals = {
    count: items.length,
    arrUp: { amount: sum((i) => i.arr.amount), currency },
    forecastArr: { amount: sum((i) => i.forecast.forecastArr.amount), currency },
    atRiskArr: {
      amount: sum((i) =>
        i.forecast.category === 'at_risk' || i.forecast.category === 'lost' ? i.arr.amount : 0,
      ),
      currency,
    },
  };
  const dates = { from: { date: pipeline.window.from }, to: { date: pipeline.window.to } };
  const answer = named
    ? renewalOf(named, items[0], now)
    : items.length === 0
      ? [say('assistant.renewals.calm', dates)]
      : [
          say('assistant.renewals.summary', {
            count: items.length,
            ...dates,
            arr: { money: totals.arrUp },
            forecast: { money: totals.forecastArr },
          }),
        ];
  if (!named && totals.atRiskArr.amount > 0) {
    answer.push(say('assistant.renewals.atRisk', { arr: { money: totals.atRiskArr } }));
  }
  // A forecast still "likely" can hide a client whose health is slipping: say so apart.
  const unhealthy = (i: (typeof items)[number]) =>
    i.health.category === 'at_risk' || i.health.category === 'critical';
  const slipping = items.filter(unhealthy).length;
  if (!named && slipping > 0) {
    answer.push(
      say('assistant.renewals.unhealthy', {
        count: slipping,
        arr: { money: { amount: sum((i) => (unhealthy(i) ? i.arr.amount : 0)), currency } },
      }),
    );
  }
  return {
    widget: 'renewal_pipeline',
    data: {
      window: pipeline.window,
      totals,
      items: items.map((i) => ({
        accountId: i.accountId,
        name: i.name,
        tier: i.tier,
        ownerName: i.ownerName,
        renewalDate: i.renewalDate,
        daysToRenewal: i.daysToRenewal,
        arr: i.arr,
        forecast: i.forecast.category,
        probability: i.forecast.probability,
        healthScore: i.health.score,
        category: i.health.category,
      })),
    },
    answer,
    link: null,
  };
}

/** One account's renewal: its day, ARR and forecast, or that it has none or it passed. */
function renewalOf(
  account: Question['accounts'][number],
  item: Awaited<ReturnType<typeof renewalPipeline>>['items'][number] | undefined,
  today: string,
): Message[] {
  const { name, renewalDate } = account;
  if (!renewalDate) return [say('assistant.renewals.noDate', { name })];
  const date = { date: renewalDate };
  if (renewalDate < today) return [say('assistant.renewals.passed', { name, date })];
  if (!item)
    return [say('assistant.renewals.accountOnly', { name, date, arr: { money: account.arr } })];
  const answer = [
    say('assistant.renewals.account', {
      name,
      date,
      arr: { money: item.arr },
      forecast: { term: `assistant.forecast.${item.forecast.category}` },
      pct: Math.round(item.forecast.probability * 100),
    }),
  ];
  const category = item.health.category;
  if (category === 'at_risk' || category === 'critical') {
    answer.push(
      say('assistant.renewals.accountHealth', {
        category: { term: `health.category.${category}` },
      }),
    );
  }
  return answer;
}

async function opportunities(question: Question, view: 'all' | 'premium') {
  const { db, clock } = question.deps;
  const found = await expansionOpportunities(db, clock, question.asker, {
    owner: ownerOf(question),
    view,
  });
  const items = forAccount(question, inTier(question, found.items));
  const currency = found.totals.estimatedArr.currency;
  const estimated = items
    .filter((i) => i.estimatedArr.currency === currency)
    .reduce((sum, i) => sum + i.estimatedArr.amount, 0);
  return {
    items,
    data: {
      totals: { accounts: items.length, estimatedArr: { amount: estimated, currency } },
      items: items.map((i) => ({
        accountId: i.accountId,
        name: i.name,
        tier: i.tier,
        ownerName: i.ownerName,
        plan: i.plan,
        arr: i.arr,
        estimatedArr: i.estimatedArr,
        signals: i.signals.flatMap((s) => s.evidence.flatMap((e) => render(question, e) ?? [])),
      })),
    },
  };
}

export async function expansion(question: Question): Promise<Answered> {
  const { items, data } = await opportunities(question, 'all');
  const first = items[0];
  return {
    widget: 'upsell_opportunities',
    data,
    answer: first
      ? [
          say('assistant.expansion.summary', {
            count: items.length,
            arr: { money: data.totals.estimatedArr },
          }),
          say('assistant.expansion.largest', { name: first.name }),
        ]
      : [say('assistant.expansion.calm')],
    link: null,
  };
}

export async function premiumUpgrades(question: Question): Promise<Answered> {
  const { items, data } = await opportunities(question, 'premium');
  return {
    widget: 'premium_upgrades',
    data,
    answer:
      items.length > 0
        ? [
            say('assistant.premium.summary', {
              count: items.length,
              arr: { money: data.totals.estimatedArr },
            }),
          ]
        : [say('assistant.premium.calm')],
    link: null,
  };
}

const percent = (ratio: number | null) => (ratio === null ? '—' : { percent: ratio });

export async function revenueMetrics(question: Question): Promise<Answered> {
  const { db, clock } = question.deps;
  const window = question.params.window;
  const now = todayOf(question);
  const report = await csMetrics(db, clock, question.asker, {
    ...(window ? { from: window.from, to: window.to > now ? now : window.to } : {}),
    owner: ownerOf(question),
    team: null,
    tier: question.params.tier ?? null,
    // The widget shows the period alone: its trend would read four more periods for nothing
    // (about 40% of the figures' time on the demo), and the period's own figures are the same.
    trend: 1,
  });
  const value = (key: string) => report.metrics.find((m) => m.key === key)?.value ?? null;
  return {
    widget: 'revenue_metrics',
    data: {
      period: { label: report.period.label, from: report.period.from, to: report.period.to },
      currency: report.currency,
      metrics: report.metrics.map((m) => ({
        key: m.key,
        unit: m.unit,
        value: m.value,
        target: m.target?.value ?? null,
        met: m.met,
      })),
      bridge: {
        startMrr: report.bridge.startMrr,
        newMrr: report.bridge.newMrr + report.bridge.reactivationMrr,
        expansionMrr: report.bridge.expansionMrr,
        contractionMrr: report.bridge.contractionMrr,
        churnedMrr: report.bridge.churnedMrr,
        endMrr: report.bridge.endMrr,
      },
    },
    answer: [
      // A window the question named reads as its days; a whole period by its name ("2026-Q4").
      say(window ? 'assistant.metrics.summaryBetween' : 'assistant.metrics.summary', {
        ...(window
          ? { from: { date: report.period.from }, to: { date: report.period.to } }
          : { period: report.period.label }),
        arr: { money: { amount: value('arr') ?? 0, currency: report.currency } },
        nrr: percent(value('nrr')),
        grr: percent(value('grr')),
        expansion: {
          money: { amount: report.bridge.expansionMrr, currency: report.currency },
        },
      }),
    ],
    link: null,
  };
}
