// The QBR prep page: one account on one page, from live data — health and its reasons, usage,
// support, the renewal and its forecast, expansion, meetings and open action items — with the
// wins to celebrate and the risks to raise, each a message in the reader's language, and the
// account's NPS from voice of the customer. A read-only link shares the page with someone
// without a sign-in; only the token's hash is kept.
import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/connect.ts';
import { message, type Locale, type Message } from '../../i18n/index.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import type { UserId, WorkspaceId } from '../../lib/ids.ts';
import { dayMs } from '../../lib/calendar.ts';
import { getAccount, scopeFor } from '../accounts/index.ts';
import { recordAudit, type ChangeAuthor } from '../auth/index.ts';
import { accountHealth } from '../health/index.ts';
import { accountAdoption } from '../intake/adoption/index.ts';
import { accountNps, listFeedback } from '../voice/index.ts';
import { accountForecast } from './forecastOverride.ts';
import { listAccountOpportunities } from './opportunities.ts';
import * as store from './store/qbrPrep.ts';

type Reader = Pick<Actor, 'workspaceId' | 'userId' | 'permissions' | 'locale'>;

/** How much of the customer's feedback the page lists. */
const feedbackShown = 8;

/** Changes smaller than this in 30 days are not worth a line. */
const notablePoints = 5;

type Facts = {
  healthChange: number | null;
  valueDays: number | null;
  expansionWon: { amount: number; currency: string } | null;
  ticketsSolved: number;
  urgentTickets: number;
  seatUtilization: number | null;
  openEscalations: number;
  renewal: { date: string; category: string } | null;
  /** Health's churn-risk factors, each with the measure it comes from. */
  churnFactors: { source: string; description: Message }[];
};

/** What went well, and what to raise, from the account's figures. Pure. */
export function winsAndRisks(f: Facts): { wins: Message[]; risks: Message[] } {
  const wins: Message[] = [];
  const risks: Message[] = [];
  if (f.healthChange !== null && f.healthChange >= notablePoints) {
    wins.push(message('revenue.qbr.healthRose', { points: f.healthChange }));
  }
  if (f.valueDays !== null) wins.push(message('revenue.qbr.valueReached', { count: f.valueDays }));
  if (f.expansionWon && f.expansionWon.amount > 0) {
    wins.push(message('revenue.qbr.expansionWon', { amount: { money: f.expansionWon } }));
  }
  if (f.ticketsSolved > 0)
    wins.push(message('revenue.qbr.ticketsSolved', { count: f.ticketsSolved }));
  if (f.seatUtilization !== null && f.seatUtilization >= 0.8) {
    wins.push(message('revenue.qbr.seatsWellUsed', { pct: Math.round(f.seatUtilization * 100) }));
  }
  if (f.healthChange !== null && f.healthChange <= -notablePoints) {
    risks.push(message('revenue.qbr.healthFell', { points: -f.healthChange }));
  }
  risks.push(...f.churnFactors.slice(0, 3).map((factor) => factor.description));
  if (f.openEscalations > 0) {
    risks.push(message('revenue.qbr.openEscalations', { count: f.openEscalations }));
  }
  if (f.renewal?.category === 'at_risk') {
    risks.push(message('revenue.qbr.renewalAtRisk', { date: { date: f.renewal.date } }));
  } else if (f.renewal?.category === 'lost') {
    risks.push(message('revenue.qbr.renewalLost', { date: { date: f.renewal.date } }));
  }
  // Support is already among the factors when it weighs on health: say it once.
  if (f.urgentTickets > 0 && !f.churnFactors.some((factor) => factor.source === 'support')) {
    risks.push(message('revenue.qbr.urgentTickets', { count: f.urgentTickets }));
  }
  if (f.seatUtilization !== null && f.seatUtilization < 0.4) {
    risks.push(message('revenue.qbr.seatsUnderused', { pct: Math.round(f.seatUtilization * 100) }));
  }
  return { wins, risks };
}

export async function qbrPrep(db: Db, clock: Clock, reader: Reader, accountId: string) {
  const scope = scopeFor(reader);
  const account = await getAccount(db, scope, accountId);
  const now = clock.now();
  const ws = reader.workspaceId;
  const yearAgo = now.getTime() - 365 * dayMs;
  const [health, adoption, support, meetings, forecast, opportunities, nps, feedback] =
    await Promise.all([
      accountHealth(db, clock, scope, account.id, 90),
      accountAdoption(db, clock, reader, account.id),
      store.supportSummary(db, ws, account.id, new Date(now.getTime() - 90 * dayMs)),
      store.meetingSummary(db, ws, account.id, now),
      accountForecast(db, clock, scope, account.id),
      listAccountOpportunities(db, scope, { accountId: account.id }),
      accountNps(db, scope, account.id, { since: new Date(yearAgo) }),
      listFeedback(
        db,
        scope,
        { accountId: account.id, since: '365d', limit: feedbackShown },
        now,
        reader.locale,
      ),
    ]);
  const won = opportunities.filter(
    (o) =>
      o.stage === 'won' &&
      o.closedAt !== null &&
      Date.parse(o.closedAt) >= yearAgo &&
      o.amount.currency === account.currency,
  );
  const renewal = forecast.renewal;
  const { wins, risks } = winsAndRisks({
    healthChange: health.trend.monthOverMonth,
    valueDays: adoption.timeToValue.days,
    expansionWon: won.length
      ? { amount: won.reduce((sum, o) => sum + o.amount.amount, 0), currency: account.currency }
      : null,
    ticketsSolved: support.solved,
    urgentTickets: support.urgentOpen,
    seatUtilization: adoption.seatUtilization,
    openEscalations: renewal?.openEscalations ?? 0,
    renewal: renewal ? { date: renewal.renewalDate, category: renewal.forecast.category } : null,
    churnFactors: (health.churnRisk?.factors ?? []).map((f) => ({
      source: f.source,
      description: f.description,
    })),
  });
  return {
    generatedAt: now.toISOString(),
    account: {
      id: account.id,
      name: account.name,
      tier: account.tier,
      plan: account.plan,
      seats: account.seats,
      arr: { amount: account.arr_amount, currency: account.currency },
      renewalDate: account.renewal_date,
      ownerName: account.owner_name,
      customerSince: account.created_at.slice(0, 10),
    },
    health: {
      score: health.score,
      category: health.category,
      monthOverMonth: health.trend.monthOverMonth,
      measures: health.measures.map((m) => ({ key: m.key, score: m.score, reason: m.reason })),
      history: health.history.map((h) => ({ day: h.day, score: h.score })),
    },
    usage: {
      activeUsers: adoption.activeUsers,
      seats: adoption.seats,
      seatUtilization: adoption.seatUtilization,
      topFeatures: adoption.features.slice(0, 5).map((f) => ({
        key: f.key,
        label: f.label,
        events: f.events,
        users: f.users,
      })),
      timeToValueDays: adoption.timeToValue.days,
      series: adoption.series.map((d) => ({ day: d.day, activeUsers: d.activeUsers })),
    },
    support: {
      ...support,
      recentOpen: support.recentOpen.map((t) => ({ ...t, openedAt: t.openedAt.toISOString() })),
    },
    renewal,
    opportunities: {
      open: opportunities.filter((o) => o.closedAt === null),
      wonLastYear: won,
    },
    meetings: {
      lastQbrAt: meetings.lastQbrAt?.toISOString() ?? null,
      next: meetings.next
        ? { ...meetings.next, startsAt: meetings.next.startsAt.toISOString() }
        : null,
      openActionItems: meetings.openActionItems.map((a) => ({
        ...a,
        dueAt: a.dueAt?.toISOString() ?? null,
      })),
    },
    // The account's NPS over the last year, from voice of the customer; null without answers.
    nps: nps.nps,
    // What the customer told us in the past year, from voice of the customer.
    feedback: feedback.items.map((f) => ({
      id: f.id,
      type: f.type,
      status: f.status,
      text: f.text,
      theme: f.theme?.label ?? null,
      givenAt: f.givenAt,
    })),
    wins,
    risks,
  };
}

export type QbrPrep = Awaited<ReturnType<typeof qbrPrep>>;

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** A read-only link to the account's prep page, in the sharer's language. */
export async function shareQbrPrep(
  db: Db,
  clock: Clock,
  by: ChangeAuthor & { userId: UserId; locale: Locale; permissions: Reader['permissions'] },
  accountId: string,
  days: number,
) {
  const account = await getAccount(db, scopeFor(by), accountId);
  const token = randomBytes(32).toString('base64url');
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + days * dayMs);
  const id = await db.transaction().execute(async (trx) => {
    const { id } = await store.insertShareLink(trx, {
      workspaceId: by.workspaceId,
      accountId: account.id,
      tokenHash: hash(token),
      locale: by.locale,
      createdBy: by.userId,
      at: now,
      expiresAt,
    });
    await recordAudit(trx, by, {
      action: 'qbr_prep.shared',
      entityType: 'account',
      entityId: account.id,
      changes: { linkId: id, expiresAt: expiresAt.toISOString() },
    });
    return id;
  });
  return { id, token, path: `/shared/qbr/${token}`, expiresAt: expiresAt.toISOString() };
}

/** The page behind a live link, and the language it was shared in. */
export async function sharedQbrPrep(db: Db, clock: Clock, token: string) {
  const link = await store.liveShareLink(db, hash(token), clock.now());
  if (!link) throw new AppError('qbr_link.not_found', { key: 'revenue.problem.qbrLinkGone' });
  // The sharer could see the account; the link shows that account and nothing else.
  const reader: Reader = {
    locale: link.locale,
    workspaceId: link.workspace_id as WorkspaceId,
    userId: (link.created_by ?? link.id) as UserId,
    permissions: new Set(['view_all_accounts']),
  };
  return { locale: link.locale, prep: await qbrPrep(db, clock, reader, link.account_id) };
}

export async function shareLinks(db: Db, reader: Reader, accountId: string) {
  const account = await getAccount(db, scopeFor(reader), accountId);
  const rows = await store.shareLinksOf(db, reader.workspaceId, account.id);
  return rows.map((r) => ({
    id: r.id,
    locale: r.locale,
    createdAt: r.created_at.toISOString(),
    expiresAt: r.expires_at.toISOString(),
    revokedAt: r.revoked_at?.toISOString() ?? null,
    createdByName: r.created_by_name,
  }));
}

export async function revokeQbrLink(db: Db, clock: Clock, by: ChangeAuthor & Reader, id: string) {
  const link = await store.shareLinkAccount(db, by.workspaceId, id);
  if (!link) throw new AppError('qbr_link.not_found', { key: 'revenue.problem.noQbrLink' });
  // Only someone who may see the account may revoke its links.
  await getAccount(db, scopeFor(by), link.account_id);
  const revoked = await db.transaction().execute(async (trx) => {
    const row = await store.revokeShareLink(trx, by.workspaceId, id, clock.now());
    if (!row) return null;
    await recordAudit(trx, by, {
      action: 'qbr_prep.link_revoked',
      entityType: 'account',
      entityId: row.account_id,
      changes: { linkId: id },
    });
    return row;
  });
  if (!revoked) throw new AppError('qbr_link.not_found', { key: 'revenue.problem.noQbrLink' });
}
