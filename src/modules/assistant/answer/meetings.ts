// Meetings: the calendar ("meetings next week", as the meetings page lists them), who needs a
// business review (revenue's overdue-QBR list), and "schedule a QBR with Acme next Tuesday at 10"
// or "…for top accounts" proposed as meetings the person confirms — nothing is booked here; the
// web sends each to POST /meetings.
import { scopeFor } from '../../accounts/index.ts';
import { localParts, nextDate, zonedInstant } from '../../notify/index.ts';
import { listMeetings, overdueQbrs } from '../../revenue/index.ts';
import { renderMessage, type MessageParam } from '../../../i18n/index.ts';
import {
  forAccount,
  inTier,
  ownerOf,
  say,
  seesEveryone,
  todayOf,
  type Answered,
  type Question,
} from './context.ts';

/** How far ahead the calendar looks when the question names no time: today and six days on. */
const comingDays = 7;
/** Meetings listed at most: far more than a week's calendar holds. */
const listedMeetings = 200;

/**
 * The meetings of a window (the question's, else the coming week from now) that are not
 * cancelled, earliest first: those the asker attends when they ask for theirs or see only their
 * own clients (as the meetings page starts), a named person's, or everyone's they may see.
 */
export async function upcomingMeetings(question: Question): Promise<Answered> {
  const { deps, asker, params } = question;
  const now = deps.clock.now();
  const today = localParts(now, asker.timeZone).date;
  const window = params.window ?? { from: today, to: nextDate(today, comingDays - 1) };
  const attendee = ownerOf(question) ?? (seesEveryone(asker) ? undefined : asker.userId);
  const { items } = await listMeetings(deps.db, scopeFor(asker), {
    from: params.window ? zonedInstant(window.from, 0, asker.timeZone) : now,
    to: zonedInstant(nextDate(window.to, 1), 0, asker.timeZone),
    status: ['scheduled', 'held'],
    limit: listedMeetings,
    ...(attendee ? { attendee } : {}),
    ...(params.accountId ? { accountId: params.accountId } : {}),
  });
  const first = items[0];
  const oneDay = window.from === window.to;
  const dates: Record<string, MessageParam> = oneDay
    ? { day: { date: window.from } }
    : { from: { date: window.from }, to: { date: window.to } };
  return {
    widget: 'meetings',
    data: {
      window,
      items: items.map((m) => ({
        id: m.id,
        accountId: m.accountId,
        accountName: m.accountName,
        kind: m.kind,
        title: m.title,
        startsAt: m.startsAt,
        endsAt: m.endsAt,
        timeZone: m.timeZone,
        location: m.location,
        status: m.status,
      })),
    },
    answer: first
      ? [
          say(oneDay ? 'assistant.meetings.summaryDay' : 'assistant.meetings.summary', {
            count: items.length,
            ...dates,
          }),
          say('assistant.meetings.first', {
            title: first.title,
            account: first.accountName,
            when: { dateTime: first.startsAt },
          }),
        ]
      : [say(oneDay ? 'assistant.meetings.noneDay' : 'assistant.meetings.none', dates)],
    link: '/meetings',
  };
}

/** How many meetings "for top accounts" proposes at once. */
const topAccounts = 5;
const meetingMinutes = 60;
const startMinutes = 10 * 60;

export async function qbrDue(question: Question): Promise<Answered> {
  const { db, clock } = question.deps;
  const report = await overdueQbrs(db, clock, scopeFor(question.asker), {
    owner: ownerOf(question),
  });
  const items = forAccount(question, inTier(question, report.items));
  const first = items[0];
  const answer = first
    ? [
        say('assistant.qbr.summary', { count: items.length }),
        say('assistant.qbr.first', { name: first.name, days: first.daysOverdue }),
      ]
    : [say('assistant.qbr.calm')];
  return {
    widget: 'qbr_due',
    data: {
      quarter: report.quarter,
      items: items.map((i) => ({
        accountId: i.accountId,
        name: i.name,
        tier: i.tier,
        ownerName: i.ownerName,
        lastQbrAt: i.lastQbrAt,
        dueBy: i.dueBy,
        daysOverdue: i.daysOverdue,
        nextQbrAt: i.nextQbr?.startsAt ?? null,
      })),
    },
    answer,
    link: null,
  };
}

/** Working days from tomorrow on, in the asker's zone: the slots proposed one after another. */
function workingDays(question: Question, count: number): string[] {
  const days: string[] = [];
  for (let d = nextDate(todayOf(question), 1); days.length < count; d = nextDate(d, 1)) {
    const weekday = new Date(`${d}T12:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(d);
  }
  return days;
}

export async function scheduleQbr(question: Question): Promise<Answered> {
  const { params, asker, understanding } = question;
  const timeZone = asker.timeZone;
  const title = (name: string) =>
    renderMessage({ key: 'assistant.meeting.title', params: { name } }, understanding.language);
  const slot = (startsAt: Date) => ({
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + meetingMinutes * 60_000).toISOString(),
    timeZone,
  });

  const named = question.accounts.find((a) => a.id === params.accountId);
  if (named) {
    const at = params.at
      ? new Date(params.at)
      : zonedInstant(workingDays(question, 1)[0] ?? '', startMinutes, timeZone);
    return {
      widget: 'meeting_scheduler',
      data: {
        proposals: [
          {
            accountId: named.id,
            name: named.name,
            kind: 'qbr',
            title: title(named.name),
            ...slot(at),
            daysOverdue: null,
          },
        ],
      },
      answer: [
        say('assistant.meeting.one', { name: named.name, when: { dateTime: at.toISOString() } }),
      ],
      link: null,
    };
  }

  // "For top accounts": those that need a review, the largest first.
  const due = await overdueQbrs(question.deps.db, question.deps.clock, scopeFor(asker), {
    owner: ownerOf(question),
  });
  const arr = new Map(question.accounts.map((a) => [a.id, a.arr.amount]));
  const top = inTier(question, due.items)
    .filter((i) => i.nextQbr === null)
    .sort((a, b) => (arr.get(b.accountId) ?? 0) - (arr.get(a.accountId) ?? 0))
    .slice(0, topAccounts);
  const days = workingDays(question, top.length);
  const proposals = top.map((account, i) => ({
    accountId: account.accountId,
    name: account.name,
    kind: 'qbr' as const,
    title: title(account.name),
    ...slot(zonedInstant(days[i] ?? '', startMinutes, timeZone)),
    daysOverdue: account.daysOverdue,
  }));
  return {
    widget: 'meeting_scheduler',
    data: { proposals },
    answer: [
      proposals.length > 0
        ? say('assistant.meeting.many', { count: proposals.length })
        : say('assistant.meeting.none'),
    ],
    link: null,
  };
}
