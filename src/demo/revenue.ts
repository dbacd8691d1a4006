// Demo revenue: what a CS leader opens on Monday. Everything is read from the demo's own data
// (the plans and seats the portfolio sold, the billing the Stripe events made, the business
// reviews on the timeline, health as scored) and written set-based into revenue's tables:
// plan prices, the renewals of the past year, business reviews as meetings — so enterprise
// accounts whose last review is months old show as overdue —, meetings on the calendar this
// week, expansion won, lost and in progress, and a few forecast calls with their notes.
import type { Deps } from '../context.ts';
import type { Insertable } from 'kysely';
import type { OpportunitiesTable, Tier } from '../db/schema.ts';
import { addDays, daysAfter, hourMs, isoDay, minuteMs } from '../lib/calendar.ts';
import type { UserId, WorkspaceId } from '../lib/ids.ts';
import { zonedInstant } from '../modules/notify/index.ts';
import { backfillRenewals, recordRenewals } from '../modules/revenue/index.ts';
import { createTask, dueDay } from '../modules/work/index.ts';
import type { PlannedAccount } from './portfolio.ts';
import { demoTeam } from './team.ts';

type Workspace = { id: WorkspaceId; managerId: UserId; demoCsmId: UserId };

type Row = {
  id: string;
  name: string;
  externalId: string;
  tier: Tier;
  ownerId: string | null;
  renewalDate: string | null;
  arr: number;
};

export type DemoRevenueCounts = {
  plans: number;
  renewals: number;
  meetings: number;
  opportunities: number;
};

export async function seedDemoRevenue(
  deps: Deps,
  workspace: Workspace,
  planned: PlannedAccount[],
): Promise<DemoRevenueCounts> {
  const { db, clock } = deps;
  const now = clock.now();
  const ws = workspace.id;
  const rows = await db
    .selectFrom('accounts')
    .select(['id', 'name', 'external_id', 'tier', 'owner_id', 'renewal_date', 'arr_amount'])
    .where('workspace_id', '=', ws)
    .execute();
  const byExternal = new Map<string, Row>(
    rows.map((r) => [
      r.external_id ?? r.id,
      {
        id: r.id,
        name: r.name,
        externalId: r.external_id ?? r.id,
        tier: r.tier,
        ownerId: r.owner_id,
        renewalDate: r.renewal_date,
        arr: r.arr_amount,
      },
    ]),
  );
  const accounts = planned.flatMap((p) => {
    const row = byExternal.get(p.externalId);
    return row ? [{ plan: p, row }] : [];
  });

  const plans = await seedPlans(deps, ws, planned);
  const renewals = (await backfillRenewals(db, ws, now)) + (await recordRenewals(db, ws, now));
  const meetings =
    (await mirrorBusinessReviews(deps, ws)) + (await meetingsThisWeek(deps, workspace, accounts));
  const opportunities = await seedOpportunities(deps, ws, accounts);
  await forecastCalls(deps, workspace, accounts);
  return { plans, renewals, meetings, opportunities };
}

/** The plans the portfolio sold, at the price per seat its accounts pay; enterprise ones premium. */
async function seedPlans(deps: Deps, ws: WorkspaceId, planned: PlannedAccount[]) {
  const prices = new Map<string, { cents: number; premium: boolean }>();
  for (const account of planned) {
    if (prices.has(account.plan) || account.seats <= 0) continue;
    prices.set(account.plan, {
      cents: Math.round(account.arrAmount / 12 / account.seats),
      premium: account.tier === 'enterprise',
    });
  }
  const now = deps.clock.now();
  if (prices.size === 0) return 0;
  await deps.db
    .insertInto('revenue_plans')
    .values(
      [...prices].map(([name, price]) => ({
        workspace_id: ws,
        name,
        seat_price_amount: price.cents,
        currency: 'USD',
        premium: price.premium,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
  return prices.size;
}

/**
 * The business reviews and kickoffs the timeline tells of, as the meetings they were: held,
 * an hour long, organized by whoever logged them. QBR completion and overdue QBRs read these.
 */
async function mirrorBusinessReviews(deps: Deps, ws: WorkspaceId) {
  const events = await deps.db
    .selectFrom('timeline_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select(['e.account_id', 'e.title', 'e.occurred_at', 'e.actor_id', 'u.timezone'])
    .where('e.workspace_id', '=', ws)
    .where('e.kind', '=', 'meeting')
    .where('e.title', 'in', ['Quarterly business review', 'Business review', 'Kickoff meeting'])
    .execute();
  if (events.length === 0) return 0;
  const inserted = await deps.db
    .insertInto('meetings')
    .values(
      events.map((e) => ({
        workspace_id: ws,
        account_id: e.account_id,
        kind: e.title === 'Kickoff meeting' ? ('kickoff' as const) : ('qbr' as const),
        title: e.title ?? 'Business review',
        starts_at: e.occurred_at,
        ends_at: new Date(e.occurred_at.getTime() + hourMs),
        time_zone: e.timezone ?? 'UTC',
        status: 'held' as const,
        organizer_id: e.actor_id,
        created_by: e.actor_id,
        created_at: e.occurred_at,
        updated_at: e.occurred_at,
        held_at: e.occurred_at,
      })),
    )
    .returning(['id', 'organizer_id'])
    .execute();
  const attendees = inserted.flatMap((m) =>
    m.organizer_id
      ? [{ workspace_id: ws, meeting_id: m.id, user_id: m.organizer_id, contact_id: null }]
      : [],
  );
  if (attendees.length > 0)
    await deps.db.insertInto('meeting_attendees').values(attendees).execute();
  return inserted.length;
}

type Planned = { plan: PlannedAccount; row: Row };

/**
 * The demo CSM's week: a QBR with the enterprise customer that is growing, a check-in with the
 * account at risk, the renewal call with the one renewing soonest, and a kickoff follow-up
 * with a customer still onboarding — each on one of the next working days (`day`), at a working
 * hour in their own zone, with the account's champion and sponsor invited. A colleague has two
 * meetings of their own.
 */
async function meetingsThisWeek(deps: Deps, workspace: Workspace, accounts: Planned[]) {
  const now = deps.clock.now();
  const zoneOf = new Map(demoTeam.map((p) => [p.key, p.timezone]));
  const pick = (owner: string, test: (p: PlannedAccount) => boolean, taken: Set<string>) =>
    accounts
      .filter((a) => a.plan.ownerKey === owner && test(a.plan) && !taken.has(a.row.id))
      .sort((a, b) => (a.plan.renewalDate < b.plan.renewalDate ? -1 : 1))[0];
  const taken = new Set<string>();
  const plans: {
    account: Planned | undefined;
    kind: 'qbr' | 'check_in' | 'renewal' | 'kickoff';
    day: number;
    hour: number;
    title: string;
  }[] = [];
  const add = (
    owner: string,
    test: (p: PlannedAccount) => boolean,
    kind: (typeof plans)[number]['kind'],
    day: number,
    hour: number,
    title: (name: string) => string,
  ) => {
    const account = pick(owner, test, taken);
    if (!account) return;
    taken.add(account.row.id);
    plans.push({ account, kind, day, hour, title: title(account.row.name) });
  };
  add(
    'jordan',
    (p) => p.tier === 'enterprise' && p.story === 'expansion',
    'qbr',
    2,
    10,
    (n) => `Q${quarter(now)} business review — ${n}`,
  );
  add(
    'jordan',
    (p) => p.story === 'at_risk',
    'check_in',
    1,
    11,
    (n) => `Adoption check-in — ${n}`,
  );
  add(
    'jordan',
    (p) => p.stage === 'renewing',
    'renewal',
    3,
    14,
    (n) => `Renewal call — ${n}`,
  );
  add(
    'jordan',
    (p) => p.story === 'onboarding',
    'kickoff',
    4,
    10,
    (n) => `Onboarding follow-up — ${n}`,
  );
  const colleague = demoTeam.find((p) => p.role === 'csm' && p.key !== 'jordan')?.key;
  if (colleague) {
    add(
      colleague,
      (p) => p.tier === 'enterprise',
      'qbr',
      3,
      9,
      (n) => `Business review — ${n}`,
    );
    add(
      colleague,
      (p) => p.stage !== 'churned',
      'check_in',
      5,
      15,
      (n) => `Check-in — ${n}`,
    );
  }
  const today = isoDay(now);
  const rows = plans.flatMap(({ account, kind, day, hour, title }) => {
    if (!account?.row.ownerId) return [];
    const zone = zoneOf.get(account.plan.ownerKey ?? '') ?? 'UTC';
    const startsAt = zonedInstant(dueDay(today, day, 'business'), hour * 60, zone);
    return [
      {
        workspace_id: workspace.id,
        account_id: account.row.id,
        kind,
        title,
        starts_at: startsAt,
        ends_at: new Date(startsAt.getTime() + (kind === 'qbr' ? 90 : 45) * minuteMs),
        time_zone: zone,
        location: kind === 'qbr' ? 'Zoom' : null,
        agenda:
          kind === 'qbr'
            ? '1. Results since the last review\n2. Health, adoption and support\n3. Goals for next quarter\n4. Renewal and roadmap'
            : null,
        organizer_id: account.row.ownerId,
        created_by: account.row.ownerId,
        created_at: daysAfter(now, -5),
        updated_at: daysAfter(now, -5),
      },
    ];
  });
  if (rows.length === 0) return 0;
  const inserted = await deps.db
    .insertInto('meetings')
    .values(rows)
    .returning(['id', 'account_id', 'organizer_id'])
    .execute();
  const contacts = await deps.db
    .selectFrom('contacts')
    .select(['id', 'account_id', 'role'])
    .where('workspace_id', '=', workspace.id)
    .where(
      'account_id',
      'in',
      inserted.map((m) => m.account_id),
    )
    .where('role', 'in', ['champion', 'executive_sponsor'])
    .where('email', 'is not', null)
    .execute();
  await deps.db
    .insertInto('meeting_attendees')
    .values(
      inserted.flatMap((m) => [
        ...(m.organizer_id
          ? [
              {
                workspace_id: workspace.id,
                meeting_id: m.id,
                user_id: m.organizer_id,
                contact_id: null,
              },
            ]
          : []),
        ...contacts
          .filter((c) => c.account_id === m.account_id)
          .map((c) => ({
            workspace_id: workspace.id,
            meeting_id: m.id,
            user_id: null,
            contact_id: c.id,
          })),
      ]),
    )
    .execute();
  await heldReviewWithActions(deps, workspace);
  return inserted.length;
}

/** The demo CSM's latest business review carries its notes and two action items (tasks). */
async function heldReviewWithActions(deps: Deps, workspace: Workspace) {
  const { db, clock } = deps;
  const latest = await db
    .selectFrom('meetings as m')
    .innerJoin('accounts as a', 'a.id', 'm.account_id')
    .select(['m.id', 'm.account_id', 'm.starts_at'])
    .where('m.workspace_id', '=', workspace.id)
    .where('m.kind', '=', 'qbr')
    .where('m.status', '=', 'held')
    .where('a.owner_id', '=', workspace.demoCsmId)
    .orderBy('m.starts_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!latest) return;
  await db
    .updateTable('meetings')
    .set({
      notes:
        'Sponsor happy with the reporting rollout. Asked for an admin training for the new team leads and a plan for the API pilot.',
    })
    .where('id', '=', latest.id)
    .execute();
  const by = { workspaceId: workspace.id, userId: workspace.demoCsmId };
  const scope = { workspaceId: workspace.id, onlyOwner: null };
  const now = clock.now();
  for (const [title, days] of [
    ['Book the admin training for the new team leads', 5],
    ['Send the API pilot plan to the sponsor', 9],
  ] as const) {
    const task = await createTask(db, clock, { ...by, automation: true }, scope, {
      title,
      accountId: latest.account_id,
      assigneeId: workspace.demoCsmId,
      dueAt: daysAfter(now, days).toISOString(),
      tags: ['meeting'],
    });
    await db
      .insertInto('meeting_action_items')
      .values({ workspace_id: workspace.id, meeting_id: latest.id, task_id: task.id })
      .execute();
  }
}

/**
 * Expansion as tracked: the growing customers' seat purchases of the past year were won
 * opportunities (their ARR, closed the day billed) — the few seats steady customers add as
 * teams join are billing, not deals; one upgrade proposal was lost; and the demo CSM has
 * opportunities in progress on her growing accounts.
 */
async function seedOpportunities(deps: Deps, ws: WorkspaceId, accounts: Planned[]) {
  const { db, clock } = deps;
  const now = clock.now();
  const growing = accounts.filter((a) => a.plan.story === 'expansion').map((a) => a.row.id);
  const expansions =
    growing.length === 0
      ? []
      : await db
          .selectFrom('mrr_movements as m')
          .innerJoin('accounts as a', 'a.id', 'm.account_id')
          .select(['m.account_id', 'm.amount', 'm.currency', 'm.occurred_at', 'a.owner_id'])
          .where('m.workspace_id', '=', ws)
          .where('m.kind', '=', 'expansion')
          .where('m.occurred_at', '>', daysAfter(now, -365))
          .where('m.account_id', 'in', growing)
          .execute();
  const opened = (at: Date) => daysAfter(at, -35);
  const values: Insertable<OpportunitiesTable>[] = expansions.map((m) => ({
    workspace_id: ws,
    account_id: m.account_id,
    kind: 'seats' as const,
    title: 'Seat expansion',
    signals: ['seats_nearly_full'],
    amount: m.amount * 12,
    currency: m.currency,
    stage: 'won' as const,
    expected_close: isoDay(m.occurred_at),
    owner_id: m.owner_id,
    created_by: m.owner_id,
    created_at: opened(m.occurred_at),
    updated_at: m.occurred_at,
    closed_at: m.occurred_at,
  }));
  const lostOn = daysAfter(now, -62);
  const lost = accounts.find((a) => a.plan.tier === 'mid_market' && a.plan.story === 'steady');
  if (lost) {
    values.push({
      workspace_id: ws,
      account_id: lost.row.id,
      kind: 'seats',
      title: 'Upgrade to Growth',
      signals: [],
      amount: Math.round(lost.row.arr * 0.25),
      currency: 'USD',
      stage: 'lost',
      expected_close: isoDay(lostOn),
      owner_id: lost.row.ownerId,
      created_by: lost.row.ownerId,
      created_at: opened(lostOn),
      updated_at: lostOn,
      closed_at: lostOn,
    });
  }
  const hers = accounts.filter((a) => a.plan.ownerKey === 'jordan' && a.plan.story === 'expansion');
  for (const [i, account] of hers.entries()) {
    values.push({
      workspace_id: ws,
      account_id: account.row.id,
      kind: i === 0 ? 'upgrade' : 'seats',
      title: i === 0 ? 'Premium upgrade at renewal' : 'More seats for the new team',
      signals: i === 0 ? ['premium_features'] : ['seats_nearly_full'],
      amount: Math.round(account.row.arr * (i === 0 ? 0.3 : 0.15)),
      currency: 'USD',
      stage: i === 0 ? 'proposal' : 'qualified',
      expected_close: account.row.renewalDate ?? addDays(isoDay(now), 60),
      owner_id: account.row.ownerId,
      created_by: account.row.ownerId,
      created_at: daysAfter(now, -20),
      updated_at: daysAfter(now, -3),
      closed_at: null,
    });
  }
  if (values.length === 0) return 0;
  await db.insertInto('opportunities').values(values).execute();
  return values.length;
}

/**
 * Two calls people made on coming renewals, with their notes: the demo CSM is sure of her
 * growing customer (the order form is in legal review), and the manager has heard that one
 * customer at risk is moving to a competitor.
 */
async function forecastCalls(deps: Deps, workspace: Workspace, accounts: Planned[]) {
  const now = deps.clock.now();
  const today = isoDay(now);
  const soon = (a: Planned) =>
    a.row.renewalDate !== null &&
    a.row.renewalDate >= today &&
    a.row.renewalDate <= addDays(today, 90);
  const sure = accounts.find(
    (a) => a.plan.ownerKey === 'jordan' && a.plan.story === 'expansion' && soon(a),
  );
  const leaving = accounts.find(
    (a) =>
      a.plan.ownerKey !== 'jordan' &&
      a.plan.ownerKey !== null &&
      a.plan.story === 'at_risk' &&
      soon(a),
  );
  const calls = [
    sure && {
      account: sure,
      category: 'commit' as const,
      probability: 0.95,
      note: 'Verbal yes from the sponsor; the order form is in legal review.',
      by: workspace.demoCsmId,
    },
    leaving && {
      account: leaving,
      category: 'lost' as const,
      probability: 0,
      note: 'Their new COO is consolidating on a competitor at renewal; we could not get a meeting.',
      by: workspace.managerId,
    },
  ].filter((c) => c !== undefined);
  if (calls.length === 0) return;
  await deps.db
    .insertInto('forecast_overrides')
    .values(
      calls.map((c) => ({
        workspace_id: workspace.id,
        account_id: c.account.row.id,
        renewal_date: c.account.row.renewalDate ?? today,
        category: c.category,
        probability: c.probability,
        note: c.note,
        created_by: c.by,
        created_at: daysAfter(now, -2),
      })),
    )
    .execute();
}

function quarter(at: Date): number {
  return Math.floor(at.getUTCMonth() / 3) + 1;
}
