// Each measure against figures worked out by hand; reasons read in English and Russian.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderMessage, type Message } from '../../i18n/index.ts';
import {
  scoreBilling,
  scoreEngagement,
  scoreOutcomes,
  scoreSupport,
  scoreUsage,
  type BillingFigures,
  type EngagementFigures,
  type MeasureResult,
  type OutcomeFigures,
  type SupportFigures,
  type UsageFigures,
} from './measures.ts';

const en = (reason: Message) => renderMessage(reason, 'en');
const ru = (reason: Message) => renderMessage(reason, 'ru');

const usage = (f: Partial<UsageFigures> = {}): UsageFigures => ({
  seats: 20,
  activeUsers: 10,
  previousActiveUsers: 10,
  featuresUsed: 2,
  featuresInCatalog: 4,
  lastDataAt: '2026-11-01T23:59:59.000Z',
  ...f,
});

describe('usage', () => {
  it('weighs seats in use, the month-over-month trend and feature breadth', () => {
    // 10/20 seats → 0.5×50; steady → 1×30; 2/4 features → 0.5×20: 25 + 30 + 10 = 65.
    expect(scoreUsage(usage()).score).toBe(65);
  });

  it('says when active users fell, by how much', () => {
    // 13/20 → 0.65×50 = 32.5; 13/21 = 0.619 → (0.619−0.5)/0.5 = 0.238×30 = 7.1; 2/4 → 10.
    const result = scoreUsage(usage({ activeUsers: 13, previousActiveUsers: 21 }));
    expect(en(result.reason)).toBe('Active users fell 38% in 30 days (21 → 13)');
    expect(ru(result.reason)).toBe(
      'Активных пользователей за 30 дней стало на 38% меньше (21 → 13)',
    );
    expect(result.score).toBe(50);
  });

  it('leaves seats out when the seat count is unknown', () => {
    // trend 1×30 + breadth 0.5×20 = 40 of 50 → 80.
    expect(scoreUsage(usage({ seats: null })).score).toBe(80);
  });

  it('is missing, not zero, when no usage ever arrived', () => {
    const result = scoreUsage(usage({ lastDataAt: null, activeUsers: 0 }));
    expect(result.score).toBeNull();
    expect(en(result.reason)).toBe('No product usage received yet');
    expect(result.lastDataAt).toBeNull();
  });

  it('counts seats with the plural the language needs', () => {
    const few = (seats: number) =>
      scoreUsage(usage({ seats, activeUsers: 5, previousActiveUsers: 5 }));
    expect(en(few(16).reason)).toBe('Only 5 of 16 seats active in 30 days (31%)');
    expect(ru(few(16).reason)).toBe('За 30 дней использовалось лишь 5 из 16 мест (31%)');
    expect(ru(few(21).reason)).toBe('За 30 дней использовалось лишь 5 из 21 места (24%)');
  });

  it('never goes down when more people or features are used this month', () => {
    fc.assert(
      fc.property(
        fc.record({
          seats: fc.option(fc.integer({ min: 1, max: 500 }), { nil: null }),
          activeUsers: fc.integer({ min: 0, max: 600 }),
          previousActiveUsers: fc.integer({ min: 0, max: 600 }),
          featuresInCatalog: fc.integer({ min: 0, max: 30 }),
          featuresUsed: fc.integer({ min: 0, max: 30 }),
        }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 5 }),
        (f, moreUsers, moreFeatures) => {
          const base = usage({ ...f, featuresUsed: Math.min(f.featuresUsed, f.featuresInCatalog) });
          const more = {
            ...base,
            activeUsers: base.activeUsers + moreUsers,
            featuresUsed: Math.min(base.featuresInCatalog, base.featuresUsed + moreFeatures),
          };
          const before = scoreUsage(base).score ?? 0;
          const after = scoreUsage(more).score ?? 0;
          expect(after).toBeGreaterThanOrEqual(before);
          expect(after).toBeGreaterThanOrEqual(0);
          expect(after).toBeLessThanOrEqual(100);
        },
      ),
    );
  });
});

describe('support', () => {
  const support: SupportFigures = {
    connected: true,
    sourceLastDataAt: '2026-11-01T08:00:00.000Z',
    ticketsOpened: { urgent: 1, high: 1, normal: 2, low: 0 },
    openUrgent: 1,
    openHigh: 0,
    csat: null,
    lastDataAt: '2026-10-30T10:00:00.000Z',
  };

  it('weighs tickets by severity and open urgent ones', () => {
    // weighted 4 + 2 + 2 = 8 → −32; one urgent open → −25: 43.
    const result = scoreSupport(support);
    expect(result.score).toBe(43);
    expect(en(result.reason)).toBe('1 urgent ticket open');
    expect(ru(result.reason)).toBe('Открыто 1 срочное обращение');
    expect(ru(scoreSupport({ ...support, openUrgent: 3 }).reason)).toBe(
      'Открыто 3 срочных обращения',
    );
  });

  it('blends in CSAT when customers rated their tickets', () => {
    // base 68 (no open urgent) × 0.7 = 47.6; CSAT 4 → 75 × 0.3 = 22.5: 70.
    const result = scoreSupport({ ...support, openUrgent: 0, csat: 4 });
    expect(result.score).toBe(70);
    expect(en(result.reason)).toBe('4 tickets in 90 days, 2 high or urgent; CSAT 4 of 5');
  });

  it('is full marks with no tickets when support is connected, missing when it is not', () => {
    const none = {
      ...support,
      ticketsOpened: { urgent: 0, high: 0, normal: 0, low: 0 },
      openUrgent: 0,
    };
    expect(scoreSupport(none).score).toBe(100);
    expect(scoreSupport({ ...none, connected: false }).score).toBeNull();
  });

  it("dates an account's silence by the help desk's last delivery, and does not count it as heard of", () => {
    const silent = scoreSupport({
      ...support,
      ticketsOpened: { urgent: 0, high: 0, normal: 0, low: 0 },
      openUrgent: 0,
      lastDataAt: null,
    });
    expect(silent).toMatchObject({
      score: 100,
      lastDataAt: '2026-11-01T08:00:00.000Z',
      heard: false,
    });
    expect(en(silent.reason)).toBe('No tickets in 90 days');
  });
});

describe('engagement', () => {
  it('adds recency, frequency, a meeting and a champion', () => {
    // last touch 10 days ago → 40; 2 touchpoints → 16.7; meeting → 15; champion → 20: 92.
    const result = scoreEngagement({
      touchpoints30: 2,
      meetings90: 1,
      daysSinceLastTouch: 10,
      champions: 1,
      contacts: 3,
      lastDataAt: '2026-10-23T10:00:00.000Z',
      contactsChangedAt: '2026-01-01T00:00:00.000Z',
    });
    expect(result.score).toBe(92);
    expect(en(result.reason)).toBe('2 touchpoints in 30 days, the last on Oct 23, 2026');
    expect(ru(result.reason)).toMatch(/^За 30 дней 2 касания, последнее — 23 окт\. 2026/);
  });

  it('says how long since the last touchpoint when it was long ago', () => {
    const result = scoreEngagement({
      touchpoints30: 0,
      meetings90: 0,
      daysSinceLastTouch: 74,
      champions: 0,
      contacts: 2,
      lastDataAt: '2026-08-19T10:00:00.000Z',
      contactsChangedAt: '2026-01-01T00:00:00.000Z',
    });
    expect(result.score).toBe(0);
    expect(en(result.reason)).toBe('No touchpoint in 74 days');
    expect(ru(result.reason)).toBe('Касаний нет уже 74 дня');
  });

  it('dates a score that rests on the contacts alone by when they changed, without hearing of the account', () => {
    const result = scoreEngagement({
      touchpoints30: 0,
      meetings90: 0,
      daysSinceLastTouch: null,
      champions: 1,
      contacts: 1,
      lastDataAt: null,
      contactsChangedAt: '2026-10-01T09:00:00.000Z',
    });
    expect(result).toMatchObject({
      score: 20,
      lastDataAt: '2026-10-01T09:00:00.000Z',
      heard: false,
    });
  });
});

describe('billing', () => {
  const billing: BillingFigures = {
    connected: true,
    failedPayments90: 2,
    unpaidFailed: 1,
    contractions90: 1,
    cancelled: false,
    lastDataAt: '2026-10-20T00:00:00.000Z',
  };

  it('takes off for unpaid and recovered failures and downgrades', () => {
    // unpaid 1 → −30; recovered 1 → −10; one downgrade → −25: 35.
    expect(scoreBilling(billing).score).toBe(35);
    expect(en(scoreBilling(billing).reason)).toBe('1 failed payment still unpaid');
    expect(ru(scoreBilling(billing).reason)).toBe('Не оплачен 1 неудавшийся платёж');
    expect(ru(scoreBilling({ ...billing, unpaidFailed: 2 }).reason)).toBe(
      'Не оплачены 2 неудавшихся платежа',
    );
  });

  it('is zero once the subscription is cancelled, missing without billing data', () => {
    expect(scoreBilling({ ...billing, cancelled: true }).score).toBe(0);
    expect(scoreBilling({ ...billing, connected: false }).score).toBeNull();
  });
});

describe('outcomes', () => {
  it('weighs onboarding tasks done, first value and value-feature use', () => {
    // 6/8 due done → 0.75×50 = 37.5; first value reached → 20; value users → 30: 87.5/100 → 88.
    const result = scoreOutcomes({
      onboardingTasksDue: 8,
      onboardingTasksDoneOfDue: 6,
      onboardingTasksOverdue: 2,
      firstValueReached: true,
      valueFeatureUsers: 3,
      lastDataAt: '2026-10-30T12:00:00.000Z',
      usageLastDataAt: '2026-11-01T23:59:59.000Z',
    });
    expect(result.score).toBe(88);
    expect(en(result.reason)).toBe('2 onboarding tasks overdue (6 of 8 due done)');
    expect(ru(result.reason)).toBe(
      'Просрочены 2 задачи онбординга (выполнено 6 из 8 с наступившим сроком)',
    );
  });

  it('has data when value features go unused on an account without onboarding: a 0 with its date, not "no data"', () => {
    const result = scoreOutcomes({
      onboardingTasksDue: 0,
      onboardingTasksDoneOfDue: 0,
      onboardingTasksOverdue: 0,
      firstValueReached: null,
      valueFeatureUsers: 0,
      lastDataAt: null,
      usageLastDataAt: '2026-11-01T23:59:59.000Z',
    });
    expect(result.score).toBe(0);
    expect(result.lastDataAt).toBe('2026-11-01T23:59:59.000Z');
    expect(en(result.reason)).toBe('Value features unused in 30 days');
  });

  it('is missing when nothing about outcomes is tracked', () => {
    const result = scoreOutcomes({
      onboardingTasksDue: 0,
      onboardingTasksDoneOfDue: 0,
      onboardingTasksOverdue: 0,
      firstValueReached: null,
      valueFeatureUsers: null,
      lastDataAt: null,
      usageLastDataAt: null,
    });
    expect(result.score).toBeNull();
    expect(result.lastDataAt).toBeNull();
  });
});

/** Figures as the database gives them: a date whenever there is something to date. */
const instant = fc
  .integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse('2026-11-01T00:00:00Z') })
  .map((ms) => new Date(ms).toISOString());
const count = fc.integer({ min: 0, max: 40 });

const anyUsage = fc
  .record({
    seats: fc.option(fc.integer({ min: 1, max: 200 }), { nil: null }),
    activeUsers: count,
    previousActiveUsers: count,
    featuresUsed: count,
    featuresInCatalog: count,
    lastDataAt: fc.option(instant, { nil: null }),
  })
  .map((f): UsageFigures => ({
    ...f,
    featuresUsed: Math.min(f.featuresUsed, f.featuresInCatalog),
  }));

const anySupport = fc
  .record({
    connected: fc.boolean(),
    ticketsOpened: fc.record({ urgent: count, high: count, normal: count, low: count }),
    openUrgent: count,
    openHigh: count,
    csat: fc.option(
      fc.integer({ min: 10, max: 50 }).map((n) => n / 10),
      { nil: null },
    ),
    lastDataAt: fc.option(instant, { nil: null }),
    sourceLastDataAt: instant,
  })
  .map((f): SupportFigures =>
    f.connected
      ? { ...f, lastDataAt: f.lastDataAt }
      : { ...f, lastDataAt: null, sourceLastDataAt: null },
  );

const anyEngagement = fc
  .record({
    touchpoints30: count,
    meetings90: count,
    daysSinceLastTouch: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
    champions: count,
    contacts: count,
    lastDataAt: instant,
    contactsChangedAt: instant,
  })
  .map((f): EngagementFigures => ({
    ...f,
    champions: Math.min(f.champions, f.contacts),
    lastDataAt: f.daysSinceLastTouch === null ? null : f.lastDataAt,
    contactsChangedAt: f.contacts === 0 ? null : f.contactsChangedAt,
  }));

const anyBilling = fc
  .record({
    connected: fc.boolean(),
    failedPayments90: count,
    unpaidFailed: count,
    contractions90: count,
    cancelled: fc.boolean(),
    lastDataAt: instant,
  })
  .map((f): BillingFigures => ({
    ...f,
    unpaidFailed: Math.min(f.unpaidFailed, f.failedPayments90),
    lastDataAt: f.connected ? f.lastDataAt : null,
  }));

const anyOutcomes = fc
  .record({
    onboardingTasksDue: count,
    done: count,
    firstValueReached: fc.option(fc.boolean(), { nil: null }),
    valueFeatureUsers: fc.option(count, { nil: null }),
    lastDataAt: instant,
    usageLastDataAt: instant,
    nps: fc.option(fc.integer({ min: -100, max: 100 }), { nil: null }),
    npsResponses: fc.integer({ min: 1, max: 50 }),
    npsLastDataAt: instant,
  })
  .map(({ done, ...f }): OutcomeFigures => {
    const doneOfDue = Math.min(done, f.onboardingTasksDue);
    const tasks = f.onboardingTasksDue > 0 || f.firstValueReached !== null;
    return {
      ...f,
      onboardingTasksDoneOfDue: doneOfDue,
      onboardingTasksOverdue: f.onboardingTasksDue - doneOfDue,
      lastDataAt: tasks ? f.lastDataAt : null,
      usageLastDataAt: f.valueFeatureUsers === null ? null : f.usageLastDataAt,
      npsResponses: f.nps === null ? 0 : f.npsResponses,
      npsLastDataAt: f.nps === null ? null : f.npsLastDataAt,
    };
  });

describe('every measure', () => {
  const anyMeasure = fc.oneof(
    anyUsage.map(scoreUsage),
    anySupport.map(scoreSupport),
    anyEngagement.map(scoreEngagement),
    anyBilling.map(scoreBilling),
    anyOutcomes.map(scoreOutcomes),
  );

  it('either has data, dated, or is missing and reweighted — never a score beside "no data received"', () => {
    fc.assert(
      fc.property(anyMeasure, (m: MeasureResult) => {
        expect(m.score === null || m.lastDataAt !== null).toBe(true);
        if (m.score === null) expect(m.lastDataAt).toBeNull();
      }),
    );
  });

  it('gives a reason that reads in both languages, whatever the figures', () => {
    fc.assert(
      fc.property(anyMeasure, (m: MeasureResult) => {
        expect(en(m.reason)).not.toMatch(/\{\{|health\./);
        expect(ru(m.reason)).toMatch(/[а-яё]/i);
        expect(ru(m.reason)).not.toMatch(/\{\{|health\.|\b(?:of|in|days|the)\b/);
      }),
    );
  });
});
