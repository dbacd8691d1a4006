import { describe, expect, it } from 'vitest';
import { message } from '../../../i18n/index.ts';
import {
  dailySeries,
  decliningVerdict,
  median,
  percentChange,
  premiumAdoption,
  premiumAdoptionAcross,
  seatUtilization,
  timeToValue,
  valueStart,
  windowsEnding,
  type MonthOverMonth,
} from './figures.ts';

const steady: MonthOverMonth = {
  mau: 10,
  previousMau: 10,
  events: 500,
  previousEvents: 500,
  logins: 40,
  previousLogins: 40,
};

describe('declining adoption', () => {
  it('flags active users falling 20% or more, with the figures behind it', () => {
    expect(decliningVerdict({ ...steady, previousMau: 13, mau: 8 })).toEqual({
      declining: true,
      reasons: [
        message('adoption.declining.activeUsersFell', { pct: 38, previous: 13, current: 8 }),
      ],
    });
    expect(decliningVerdict({ ...steady, previousMau: 10, mau: 8 }).declining).toBe(true);
  });

  it('does not flag a fall just under the threshold', () => {
    expect(decliningVerdict({ ...steady, previousMau: 100, mau: 81 })).toEqual({
      declining: false,
      reasons: [],
    });
  });

  it('ignores swings of tiny accounts, but not losing every user', () => {
    expect(decliningVerdict({ ...steady, previousMau: 2, mau: 1 }).declining).toBe(false);
    expect(decliningVerdict({ ...steady, previousMau: 2, mau: 0 }).reasons).toEqual([
      message('adoption.declining.noActiveUsers', { previous: 2 }),
    ]);
  });

  it('flags usage and logins falling 30% or more above their floors', () => {
    expect(decliningVerdict({ ...steady, previousEvents: 100, events: 70 }).reasons).toEqual([
      message('adoption.declining.usageFell', { pct: 30, previous: 100, current: 70 }),
    ]);
    expect(decliningVerdict({ ...steady, previousEvents: 99, events: 10 }).declining).toBe(false);
    expect(decliningVerdict({ ...steady, previousLogins: 10, logins: 7 }).reasons).toEqual([
      message('adoption.declining.loginsFell', { pct: 30, previous: 10, current: 7 }),
    ]);
    expect(decliningVerdict({ ...steady, previousLogins: 10, logins: 8 }).declining).toBe(false);
  });

  it('does not call a new account declining', () => {
    expect(
      decliningVerdict({
        mau: 5,
        previousMau: 0,
        events: 50,
        previousEvents: 0,
        logins: 3,
        previousLogins: 0,
      }).declining,
    ).toBe(false);
  });
});

describe('adoption figures', () => {
  it('measures seats used by monthly active users', () => {
    expect(seatUtilization(45, 60)).toBe(0.75);
    expect(seatUtilization(45, null)).toBeNull();
    expect(seatUtilization(45, 0)).toBeNull();
  });

  it('gives change in whole percent, null with nothing to compare', () => {
    expect(percentChange(62, 100)).toBe(-38);
    expect(percentChange(150, 100)).toBe(50);
    expect(percentChange(5, 0)).toBeNull();
  });

  it('counts premium features as purchased by enterprise accounts only', () => {
    const catalog = [
      { key: 'sso', label: 'SSO', premium: true, value: false },
      { key: 'audit', label: 'Audit', premium: true, value: false },
      { key: 'reports', label: 'Reports', premium: false, value: true },
    ];
    const used = [
      { key: 'sso', events: 3, users: 1 },
      { key: 'reports', events: 9, users: 2 },
    ];
    expect(premiumAdoption('enterprise', catalog, used)).toEqual({
      purchased: 2,
      used: 1,
      rate: 0.5,
      unused: ['audit'],
    });
    expect(premiumAdoption('smb', catalog, used)).toEqual({
      purchased: 0,
      used: 0,
      rate: null,
      unused: [],
    });
  });

  it('reaches value on the earlier of a value feature and a busy day', () => {
    expect(
      timeToValue({
        startedOn: '2026-10-01',
        firstBusyDay: '2026-10-20',
        firstValueFeatureDay: '2026-10-11',
      }),
    ).toEqual({ reachedOn: '2026-10-11', days: 10, via: 'value_feature' });
    expect(
      timeToValue({
        startedOn: '2026-10-01',
        firstBusyDay: '2026-10-05',
        firstValueFeatureDay: null,
      }),
    ).toEqual({ reachedOn: '2026-10-05', days: 4, via: 'event_threshold' });
    expect(
      timeToValue({ startedOn: '2026-10-01', firstBusyDay: null, firstValueFeatureDay: null }),
    ).toEqual({ reachedOn: null, days: null, via: null });
  });

  it('counts time to value from the contract start, not from when the account was added', () => {
    // A customer since March, added to Steward in October, tracked since January.
    const seen = { firstDay: '2026-03-09', historyFrom: '2026-01-05' };
    const startedOn = valueStart({
      ...seen,
      contractStartedOn: '2026-03-02',
      createdOn: '2026-10-20',
    });
    expect(startedOn).toBe('2026-03-02');
    expect(
      timeToValue({
        startedOn: startedOn ?? '',
        firstBusyDay: '2026-04-06',
        firstValueFeatureDay: null,
      }).days,
    ).toBe(35);
    // Without billing: from when the account was added, or its first use if that came first.
    expect(valueStart({ ...seen, contractStartedOn: null, createdOn: '2026-02-23' })).toBe(
      '2026-02-23',
    );
    expect(valueStart({ ...seen, contractStartedOn: null, createdOn: '2026-10-20' })).toBe(
      '2026-03-09',
    );
  });

  it('tells no time to value for a customer whose start came before the usage history', () => {
    // Coldwater: a customer since 2023, its usage tracked for a year.
    expect(
      valueStart({
        contractStartedOn: '2023-12-08',
        createdOn: '2023-12-08',
        firstDay: '2025-11-02',
        historyFrom: '2025-11-02',
      }),
    ).toBeNull();
    // Added yesterday, already using the product on the history's first day: not seen either.
    expect(
      valueStart({
        contractStartedOn: null,
        createdOn: '2026-11-01',
        firstDay: '2025-11-02',
        historyFrom: '2025-11-02',
      }),
    ).toBeNull();
    // No usage history at all yet: nothing hides the start.
    expect(
      valueStart({
        contractStartedOn: '2026-10-01',
        createdOn: '2026-10-01',
        firstDay: null,
        historyFrom: null,
      }),
    ).toBe('2026-10-01');
  });

  it('fills the 90-day series with zero days, ending on the day asked', () => {
    const w = windowsEnding('2026-11-02');
    expect(w.month).toEqual({ from: '2026-10-04', to: '2026-11-02' });
    expect(w.previousMonth).toEqual({ from: '2026-09-04', to: '2026-10-03' });
    const series = dailySeries(w.series, [{ day: '2026-11-01', events: 7, activeUsers: 2 }]);
    expect(series).toHaveLength(90);
    expect(series[0]).toEqual({ day: '2026-08-05', events: 0, activeUsers: 0 });
    expect(series.at(-2)).toEqual({ day: '2026-11-01', events: 7, activeUsers: 2 });
  });
});

describe('figures across clients', () => {
  it('takes the middle of the days to value, or the mean of the two middle ones', () => {
    expect(median([40, 0, 12])).toBe(12);
    expect(median([40, 0])).toBe(20);
    expect(median([])).toBeNull();
  });

  it('rates premium adoption over every feature each purchasing client bought', () => {
    expect(
      premiumAdoptionAcross(4, [{ enterpriseAccounts: 3 }, { enterpriseAccounts: 0 }]),
    ).toEqual({ purchasers: 4, purchased: 8, used: 3, rate: 0.375 });
    expect(premiumAdoptionAcross(0, [{ enterpriseAccounts: 0 }]).rate).toBeNull();
  });
});
