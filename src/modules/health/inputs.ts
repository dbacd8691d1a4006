// The figures behind each measure, for every account of a workspace (or a few) as of the end of
// one day. Set-based: one query per measure over all the accounts asked for, never a query per
// account, so a full recompute costs five statements whatever the portfolio's size. "As of"
// reads only what had happened by then, which is how the demo's year of history is replayed.
import type { Db } from '../../db/connect.ts';
import { addDays, dayMs, startOfDay } from '../../lib/calendar.ts';
import type {
  BillingFigures,
  EngagementFigures,
  OutcomeFigures,
  SupportFigures,
  UsageFigures,
} from './measures.ts';
import * as store from './store/figures.ts';

export type AccountFigures = {
  usage: UsageFigures;
  support: SupportFigures;
  engagement: EngagementFigures;
  billing: BillingFigures;
  outcomes: OutcomeFigures;
};

export type Selection = {
  workspaceId: string;
  /** `YYYY-MM-DD`: figures as of the end of this day (UTC). */
  day: string;
  /** Only these accounts; all of the workspace's when absent. */
  accountIds?: readonly string[];
  /**
   * Scoring today: nothing after this instant has happened yet (a meeting logged for this
   * afternoon is not a touchpoint this morning), and no data arrived after it.
   */
  now?: Date;
  /**
   * A whole workspace large enough to read its usage as two halves of its account ids at once,
   * each on its own connection: the dearest figure query (every person's days over 60 days)
   * then does not keep the recompute to one core. A small one reads it in one statement.
   */
  inHalves?: boolean;
};

const iso = (value: Date | string | null) =>
  value === null ? null : new Date(value).toISOString();

/**
 * The first instant the figures leave out: the end of the day, or just after now when that
 * comes first (what happens at the very moment of scoring counts).
 */
function asOf(s: Selection): Date {
  const end = startOfDay(addDays(s.day, 1));
  return s.now && s.now < end ? new Date(s.now.getTime() + 1) : end;
}

/** What the store's figure queries ask for: the selection, up to its `asOf` instant. */
const query = (s: Selection): store.FigureQuery => ({
  workspaceId: s.workspaceId,
  day: s.day,
  accountIds: s.accountIds,
  end: asOf(s),
});

/** Account ids (random uuids) split in two at the middle of their range. */
const idHalves = [
  { from: null, to: '80000000-0000-0000-0000-000000000000' },
  { from: '80000000-0000-0000-0000-000000000000', to: null },
];

async function usageFigures(db: Db, s: Selection) {
  const parts =
    s.inHalves && !s.accountIds
      ? idHalves.map((idRange) => ({ ...query(s), idRange }))
      : [query(s)];
  const rows = (await Promise.all(parts.map((part) => store.usageRows(db, part)))).flat();
  // Usage arrives as daily rollups: the last day's data counts as of its end, or of now when
  // that day is today — never a time still to come.
  const until = asOf(s).getTime() - 1000;
  const lastOf = (day: string) =>
    new Date(Math.min(Date.parse(`${day}T23:59:59.000Z`), until)).toISOString();
  return new Map(
    rows.map((r) => [
      r.account_id,
      {
        usage: {
          seats: r.seats,
          activeUsers: r.active,
          previousActiveUsers: r.previous,
          featuresUsed: r.features,
          featuresInCatalog: r.catalog,
          lastDataAt: r.last_day ? lastOf(r.last_day) : null,
        } satisfies UsageFigures,
        valueFeatureUsers: r.value_catalog > 0 ? r.value_users : null,
      },
    ]),
  );
}

async function supportFigures(db: Db, s: Selection) {
  const rows = await store.supportRows(db, query(s));
  const workspaceRow = rows.find((r) => r.account_id === null);
  const connected = workspaceRow?.connected ?? false;
  const sourceLastDataAt = iso(workspaceRow?.last_at ?? null);
  const byAccount = new Map<string, SupportFigures>();
  for (const r of rows) {
    if (r.account_id === null) continue;
    byAccount.set(r.account_id, {
      connected,
      sourceLastDataAt,
      ticketsOpened: { urgent: r.urgent, high: r.high, normal: r.normal, low: r.low },
      openUrgent: r.open_urgent,
      openHigh: r.open_high,
      csat: r.csat,
      lastDataAt: iso(r.last_at),
    });
  }
  const none: SupportFigures = {
    connected,
    sourceLastDataAt,
    ticketsOpened: { urgent: 0, high: 0, normal: 0, low: 0 },
    openUrgent: 0,
    openHigh: 0,
    csat: null,
    lastDataAt: null,
  };
  return (accountId: string) => byAccount.get(accountId) ?? none;
}

async function engagementFigures(db: Db, s: Selection) {
  const rows = await store.engagementRows(db, query(s));
  const dayEnd = startOfDay(addDays(s.day, 1)).getTime();
  const byAccount = new Map<string, EngagementFigures>(
    rows.map((r) => [
      r.account_id,
      {
        touchpoints30: r.touchpoints30,
        meetings90: r.meetings90,
        daysSinceLastTouch: r.last_at
          ? Math.floor((dayEnd - 1 - new Date(r.last_at).getTime()) / dayMs)
          : null,
        champions: r.champions,
        contacts: r.contacts,
        lastDataAt: iso(r.last_at),
        contactsChangedAt: iso(r.contacts_at),
      },
    ]),
  );
  const none: EngagementFigures = {
    touchpoints30: 0,
    meetings90: 0,
    daysSinceLastTouch: null,
    champions: 0,
    contacts: 0,
    lastDataAt: null,
    contactsChangedAt: null,
  };
  return (accountId: string) => byAccount.get(accountId) ?? none;
}

async function billingFigures(db: Db, s: Selection) {
  // Payments come from the Stripe intake's timeline events (store/figures.ts).
  const rows = await store.billingRows(db, query(s));
  const byAccount = new Map<string, BillingFigures>(
    rows.map((r) => [
      r.account_id,
      {
        connected: true,
        failedPayments90: r.failed90,
        unpaidFailed: r.unpaid,
        contractions90: r.contractions90,
        cancelled: r.cancelled,
        lastDataAt: iso(r.last_at),
      },
    ]),
  );
  const none: BillingFigures = {
    connected: false,
    failedPayments90: 0,
    unpaidFailed: 0,
    contractions90: 0,
    cancelled: false,
    lastDataAt: null,
  };
  return (accountId: string) => byAccount.get(accountId) ?? none;
}

async function outcomeFigures(db: Db, s: Selection) {
  const rows = await store.outcomeRows(db, query(s));
  return new Map(rows.map((r) => [r.account_id, r]));
}

/** NPS from the account's survey responses in the 180 days to the day (store/figures.ts). */
async function npsFigures(db: Db, s: Selection) {
  const rows = await store.npsRows(db, query(s));
  return new Map(rows.map((r) => [r.account_id, r]));
}

/** Every measure's figures for the selected accounts, as of the end of the day. */
export async function accountFigures(db: Db, s: Selection): Promise<Map<string, AccountFigures>> {
  const [usage, support, engagement, billing, outcomes, nps] = await Promise.all([
    usageFigures(db, s),
    supportFigures(db, s),
    engagementFigures(db, s),
    billingFigures(db, s),
    outcomeFigures(db, s),
    npsFigures(db, s),
  ]);
  const figures = new Map<string, AccountFigures>();
  for (const [accountId, u] of usage) {
    const o = outcomes.get(accountId);
    const n = nps.get(accountId);
    figures.set(accountId, {
      usage: u.usage,
      support: support(accountId),
      engagement: engagement(accountId),
      billing: billing(accountId),
      outcomes: {
        onboardingTasksDue: o?.due ?? 0,
        onboardingTasksDoneOfDue: o?.done_of_due ?? 0,
        onboardingTasksOverdue: o?.overdue ?? 0,
        firstValueReached: o && o.first_value_tasks > 0 ? o.first_value_done > 0 : null,
        // Without product usage at all, unused value features say nothing about outcomes.
        valueFeatureUsers: u.usage.lastDataAt === null ? null : u.valueFeatureUsers,
        lastDataAt: iso(o?.last_at ?? null),
        usageLastDataAt: u.usage.lastDataAt,
        nps: n?.nps ?? null,
        npsResponses: n?.responses ?? 0,
        npsLastDataAt: iso(n?.last_at ?? null),
      },
    });
  }
  return figures;
}
