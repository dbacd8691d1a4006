// The demo plan is plain data: the same moment gives the same portfolio, and any moment
// gives one that looks current.
import { describe, expect, it } from 'vitest';
import { planPortfolio } from './portfolio.ts';
import { seededRandom } from './random.ts';
import { planTimeline } from './timeline.ts';

const dayMs = 24 * 3600_000;

describe('the demo plan', () => {
  it('is the same for the same seed and moment', () => {
    const now = new Date('2026-11-02T09:00:00Z');
    expect(planPortfolio(now, seededRandom(7))).toEqual(planPortfolio(now, seededRandom(7)));
  });

  it('puts renewals in the coming year and history in the past year, whenever the demo is reset', () => {
    const now = new Date('2031-03-15T23:30:00Z');
    const random = seededRandom(7);
    const accounts = planPortfolio(now, random);
    const today = now.toISOString().slice(0, 10);
    const inAYear = new Date(now.getTime() + 366 * dayMs).toISOString().slice(0, 10);
    for (const account of accounts.filter((a) => a.stage !== 'churned')) {
      expect(account.renewalDate > today && account.renewalDate <= inAYear).toBe(true);
    }
    for (const account of accounts) {
      const { events } = planTimeline(now, random, account, 'America/Los_Angeles');
      expect(events.every((e) => e.occurredAt < now)).toBe(true);
      expect(events.every((e) => e.occurredAt.getTime() > now.getTime() - 367 * dayMs)).toBe(true);
      expect(events.every((e) => e.occurredAt >= account.customerSince)).toBe(true);
    }
  });
});
