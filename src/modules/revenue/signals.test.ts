import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../i18n/index.ts';
import { estimateExpansion, expansionSignals, hasPremium, type SignalInputs } from './signals.ts';

const plans = [
  { name: 'Team', seatPrice: { amount: 5_000, currency: 'USD' }, premium: false },
  { name: 'Enterprise', seatPrice: { amount: 9_000, currency: 'USD' }, premium: true },
];

const quiet: SignalInputs = {
  tier: 'smb',
  plan: 'Team',
  seats: 10,
  arr: { amount: 600_000, currency: 'USD' },
  mau: 4,
  previousMau: 4,
  events: 100,
  previousEvents: 100,
  healthScore: 70,
  healthCategory: 'at_risk',
  premiumFeaturesUsed: [],
  nps: null,
  plans,
};

const kinds = (input: SignalInputs) => expansionSignals(input).map((s) => s.kind);

describe('expansion signals', () => {
  it('finds nothing in a quiet account', () => {
    expect(kinds(quiet)).toEqual([]);
  });

  it('prices more seats at the plan’s list price, and the upgrade at the plan difference', () => {
    const signals = expansionSignals({ ...quiet, mau: 10, premiumFeaturesUsed: ['SSO'] });
    expect(signals.map((s) => [s.kind, s.estimatedArr?.amount])).toEqual([
      // ceil(10 / 0.8) − 10 = 3 seats × $50 × 12
      ['seats_nearly_full', 180_000],
      // ($90 − $50) × 10 seats × 12
      ['premium_features', 480_000],
    ]);
    expect(estimateExpansion(signals, 'USD')).toEqual({
      estimatedArr: { amount: 660_000, currency: 'USD' },
      suggestedKind: 'upgrade',
    });
  });

  it('says why a plan listed in another currency did not price the account', () => {
    const inEuros = {
      ...quiet,
      arr: { amount: 480_000, currency: 'EUR' },
      mau: 10,
      premiumFeaturesUsed: ['SSO'],
    };
    const signals = expansionSignals(inEuros);
    const said = (kind: string) =>
      signals
        .find((s) => s.kind === kind)
        ?.evidence.map((m) => renderMessage(m, 'en'))
        .slice(-1);
    // 3 seats at what the account pays (€4,800 a year over 10 seats: €40 a month), not $50.
    expect(signals.find((s) => s.kind === 'seats_nearly_full')?.estimatedArr).toEqual({
      amount: 144_000,
      currency: 'EUR',
    });
    expect(said('seats_nearly_full')).toEqual([
      'Priced at what the account pays: the Team plan is listed in USD, the account pays in EUR',
    ]);
    expect(said('premium_features')).toEqual(['Not priced: no premium plan is listed in EUR']);
    expect(
      expansionSignals({ ...quiet, mau: 10 })
        .flatMap((s) => s.evidence)
        .map((m) => m.key),
    ).not.toContain('revenue.signals.planInOtherCurrency');
  });

  it('counts the premium plan, or the enterprise tier for a plan not priced, as having premium', () => {
    expect(hasPremium({ ...quiet, plan: 'Enterprise' })).toBe(true);
    expect(hasPremium({ ...quiet, plan: 'Custom', tier: 'enterprise' })).toBe(true);
    expect(hasPremium({ ...quiet, plan: 'Custom' })).toBe(false);
  });

  it('takes health and advocacy as timing beside another signal, or together on their own', () => {
    const healthy = { ...quiet, healthScore: 88, healthCategory: 'healthy' };
    expect(kinds(healthy)).toEqual([]);
    expect(kinds({ ...healthy, nps: { score: 60, responses: 5 } })).toEqual([
      'healthy',
      'promoter',
    ]);
    expect(kinds({ ...healthy, mau: 10 })).toEqual(['seats_nearly_full', 'healthy']);
    expect(kinds({ ...quiet, nps: { score: 40, responses: 5 }, mau: 10 })).toEqual([
      'seats_nearly_full',
    ]);
  });

  it('sees usage growing only from enough usage, and never from a shrinking team', () => {
    expect(kinds({ ...quiet, previousEvents: 50, events: 200 })).toEqual([]);
    expect(kinds({ ...quiet, events: 130 })).toEqual(['usage_growing']);
    expect(kinds({ ...quiet, events: 130, mau: 3 })).toEqual([]);
  });
});
