// Voice-of-the-customer questions answered from the voice module, as its pages read them: NPS
// by client with what people wrote, what one client said lately, the most requested features,
// and the roadmap.
import { scopeFor } from '../../accounts/index.ts';
import { localParts } from '../../notify/index.ts';
import {
  countFeedback,
  demandWindowDays,
  listFeedback,
  listRoadmap,
  listThemes,
  npsReport,
} from '../../voice/index.ts';
import { accountAskedAbout } from './accounts.ts';
import { forAccount, say, todayOf, type Answered, type Question } from './context.ts';
import { daysBetween, quarterLabel } from '../../../lib/calendar.ts';

/** "Lately", when a question about one client names no period: a quarter, since the last QBR. */
const recentFeedbackDays = 90;
/** How many of a client's items the widget carries, newest first. */
const feedbackShown = 20;
/** A quoted feedback text is cut to a sentence's length; the widget shows it whole. */
const quoteLength = 140;

/** "in the last 30 days", with its plural, as a part of another sentence. */
const lastDays = (days: number) => ({
  list: [{ key: 'assistant.period.lastDays' as const, params: { count: days } }],
});

/** A window's start as "the last N days" (what voice's reports take), or a default. */
function sinceDays(question: Question, fallback: number) {
  const window = question.params.window;
  if (!window) return fallback;
  return Math.min(3650, Math.max(1, daysBetween(window.from, todayOf(question))));
}

/** Accounts in the asker's tier (when asked) and of the owner asked about. */
function inQuestion(question: Question) {
  const { tier, ownerId, scope } = question.params;
  const owner = ownerId ?? (scope === 'mine' ? question.asker.userId : null);
  const byId = new Map(question.accounts.map((a) => [a.id, a]));
  return (accountId: string) => {
    const account = byId.get(accountId);
    if (!account) return false;
    return (!tier || account.tier === tier) && (!owner || account.ownerId === owner);
  };
}

export async function npsFeedback(question: Question): Promise<Answered> {
  const { db, clock } = question.deps;
  const report = await npsReport(
    db,
    scopeFor(question.asker),
    { groupBy: 'account', since: `${sinceDays(question, 365)}d` },
    clock.now(),
  );
  const wanted = inQuestion(question);
  const items = forAccount(
    question,
    report.groups
      .map((g) => ({
        accountId: g.key,
        name: g.label,
        nps: g.nps,
        responses: g.responses,
        trend: g.trend,
      }))
      .filter((g) => wanted(g.accountId)),
  );
  const verbatims = report.verbatims
    .filter((v) => wanted(v.accountId) && v.comment)
    .slice(0, 5)
    .map((v) => ({
      accountId: v.accountId,
      accountName: v.accountName,
      score: v.score,
      comment: v.comment ?? '',
      respondedAt: v.respondedAt,
    }));
  const overall = report.overall;
  const lowest = items.find((i) => i.nps !== null);
  const answer =
    overall.responses === 0 || overall.nps === null
      ? [say('assistant.nps.calm')]
      : [
          say('assistant.nps.summary', {
            nps: overall.nps,
            count: overall.responses,
            promoters: overall.promoters,
            detractors: overall.detractors,
          }),
        ];
  if (lowest && lowest.nps !== null && items.length > 1) {
    answer.push(say('assistant.nps.lowest', { name: lowest.name, nps: lowest.nps }));
  }
  return {
    widget: 'nps_dashboard',
    data: {
      overall: {
        nps: overall.nps,
        responses: overall.responses,
        promoters: overall.promoters,
        passives: overall.passives,
        detractors: overall.detractors,
      },
      csat: report.csat.average ?? null,
      items,
      verbatims,
    },
    answer,
    link: null,
  };
}

/** What one named client said lately: its feedback, newest first, with the period said. */
export async function accountFeedback(question: Question): Promise<Answered | null> {
  const account = accountAskedAbout(question);
  if (!account) return null;
  const { db, clock } = question.deps;
  const scope = scopeFor(question.asker);
  const language = question.understanding.language;
  const days = sinceDays(question, recentFeedbackDays);
  const inPeriod = { accountId: account.id, since: `${days}d` };
  const [{ items }, count] = await Promise.all([
    listFeedback(db, scope, { ...inPeriod, limit: feedbackShown }, clock.now(), language),
    countFeedback(db, scope, inPeriod, clock.now()),
  ]);
  // Nothing in the period: when the client last said something, however long ago.
  const before =
    count === 0
      ? (await listFeedback(db, scope, { accountId: account.id, limit: 1 }, clock.now(), language))
          .items[0]
      : undefined;
  const dayOf = (at: string) => ({
    date: localParts(new Date(at), question.asker.timeZone).date,
  });
  const newest = items[0];
  const quote = (text: string) =>
    text.length > quoteLength ? `${text.slice(0, quoteLength - 1).trimEnd()}…` : text;
  const name = account.name;
  const answer = newest
    ? [
        say('assistant.accountFeedback.summary', {
          name,
          count,
          period: lastDays(days),
        }),
        say('assistant.accountFeedback.newest', {
          kind: { term: `assistant.feedbackKind.${newest.type}` },
          date: dayOf(newest.givenAt),
          text: quote(newest.text),
        }),
      ]
    : before
      ? [
          say('assistant.accountFeedback.none', { name, period: lastDays(days) }),
          say('assistant.accountFeedback.latestBefore', { date: dayOf(before.givenAt) }),
        ]
      : [say('assistant.accountFeedback.never', { name })];
  return {
    widget: 'account_feedback',
    data: {
      accountId: account.id,
      name,
      days,
      count,
      items: items.map((item) => ({
        id: item.id,
        text: item.text,
        type: item.type,
        theme: item.theme?.label ?? null,
        source: item.source,
        contactName: item.contact?.name ?? null,
        givenAt: item.givenAt,
      })),
      latestAt: before?.givenAt ?? null,
    },
    answer,
    link: `/accounts/${account.id}`,
  };
}

export async function featureRequests(question: Question): Promise<Answered> {
  const { db, clock } = question.deps;
  const days = sinceDays(question, demandWindowDays);
  const themes = await listThemes(
    db,
    scopeFor(question.asker),
    {
      since: `${days}d`,
      type: 'feature_request',
      limit: 10,
      items: 0,
      ...(question.params.accountId ? { accountId: question.params.accountId } : {}),
    },
    clock.now(),
    question.understanding.language,
  );
  const top = themes[0];
  return {
    widget: 'feature_requests',
    data: {
      days,
      items: themes.map((t) => ({
        id: t.id,
        label: t.label,
        accountCount: t.accountCount,
        itemCount: t.itemCount,
        arr: t.arr,
        trend: t.trend.direction,
        roadmap: t.roadmapItems.map((r) => ({ title: r.title, status: r.status })),
      })),
    },
    answer: top
      ? [
          say('assistant.requests.summary', {
            count: top.accountCount,
            label: top.label,
            arr: { money: top.arr },
            period: lastDays(days),
          }),
        ]
      : [say('assistant.requests.calm', { period: lastDays(days) })],
    link: null,
  };
}

export async function productRoadmap(question: Question): Promise<Answered> {
  const items = await listRoadmap(
    question.deps.db,
    scopeFor(question.asker),
    { sort: 'quarter' },
    question.understanding.language,
  );
  const window = question.params.window;
  const inWindow = window
    ? items.filter(
        (i) =>
          i.targetQuarter !== null &&
          i.targetQuarter >= quarterLabel(window.from) &&
          i.targetQuarter <= quarterLabel(window.to),
      )
    : items.filter((i) => i.status !== 'declined');
  const next = inWindow.find((i) => i.status !== 'shipped' && i.status !== 'declined');
  return {
    widget: 'roadmap_timeline',
    data: {
      items: inWindow.map((i) => ({
        id: i.id,
        title: i.title,
        status: i.status,
        targetQuarter: i.targetQuarter,
        accountCount: i.demand.accountCount,
        arr: i.demand.arr,
        shippedAt: i.shippedAt,
      })),
    },
    answer:
      inWindow.length === 0
        ? [say('assistant.roadmap.calm')]
        : next
          ? [
              say('assistant.roadmap.summary', { count: inWindow.length }),
              next.demand.accountCount > 0
                ? say('assistant.roadmap.nextUp', {
                    count: next.demand.accountCount,
                    title: next.title,
                  })
                : say('assistant.roadmap.nextUpUnasked', { title: next.title }),
            ]
          : [say('assistant.roadmap.allShipped', { count: inWindow.length })],
    link: null,
  };
}
