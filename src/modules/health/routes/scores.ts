// HTTP for reading health: the dashboard, an account's health panel, sparkline series for the
// portfolio, and churn risk by renewal window.
import type { Deps } from '../../../context.ts';
import { defineRoute, idParam, json, newRouter, problems } from '../../../http/route.ts';
import { fieldProblem, invalid } from '../../../lib/errors.ts';
import type { UserId } from '../../../lib/ids.ts';
import type { Actor } from '../../../context.ts';
import { scopeFor } from '../../accounts/index.ts';
import { actorOf } from '../../auth/index.ts';
import {
  accountHealthQuery,
  accountHealthSchema,
  churnRiskListSchema,
  churnRiskQuery,
  dashboardQuery,
  healthDashboardSchema,
  healthSeriesSchema,
  seriesQuery,
} from '../schema/scores.ts';
import { accountHealth, churnRiskList, healthDashboard, healthSeries } from '../views.ts';
import { renderMeasure, renderReason, renderRisk } from '../render.ts';

const uuid = /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i;

/** `me`, a user id, or nothing (everyone the caller may see). */
export function ownerFilter(actor: Actor, owner: string | undefined): UserId | null {
  if (owner === undefined) return null;
  if (owner === 'me') return actor.userId;
  if (!uuid.test(owner)) throw invalid([fieldProblem('owner', 'health.field.owner')]);
  return owner as UserId;
}

export function scoreRoutes({ db, clock }: Deps) {
  return newRouter()
    .openapi(
      defineRoute({
        method: 'get',
        path: '/health/dashboard',
        operationId: 'getHealthDashboard',
        tags: ['Health'],
        access: 'view_client_health',
        summary:
          'Health at a glance: counts by category, movers this week, every account with its reason',
        request: { query: dashboardQuery },
        responses: { 200: json(healthDashboardSchema) },
      }),
      async (c) => {
        const actor = actorOf(c);
        const owner = ownerFilter(actor, c.req.valid('query').owner);
        const dashboard = await healthDashboard(db, clock, scopeFor(actor), owner);
        return c.json(
          {
            ...dashboard,
            accounts: dashboard.accounts.map((a) => ({
              ...a,
              reason: renderReason(a.reason, actor),
            })),
          },
          200,
        );
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/health/accounts/{id}',
        operationId: 'getAccountHealth',
        tags: ['Health'],
        access: 'view_client_health',
        summary:
          "An account's health: score, category, each measure with its reason and freshness, what changed in a week, trend, churn risk, daily history and play runs",
        request: { params: idParam, query: accountHealthQuery },
        responses: { 200: json(accountHealthSchema), 404: problems[404] },
      }),
      async (c) => {
        const actor = actorOf(c);
        const { days } = c.req.valid('query');
        const health = await accountHealth(
          db,
          clock,
          scopeFor(actor),
          c.req.valid('param').id,
          days,
        );
        return c.json(
          {
            ...health,
            measures: health.measures.map((m) => renderMeasure(m, actor)),
            churnRisk: health.churnRisk && renderRisk(health.churnRisk, actor),
          },
          200,
        );
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/health/series',
        operationId: 'getHealthSeries',
        tags: ['Health'],
        access: 'view_client_health',
        summary:
          'Score, category and a daily series per account (the portfolio sparklines); accounts the caller may not see are left out',
        request: { query: seriesQuery },
        responses: { 200: json(healthSeriesSchema) },
      }),
      async (c) => {
        const { accountIds, days } = c.req.valid('query');
        return c.json(await healthSeries(db, clock, scopeFor(actorOf(c)), accountIds, days), 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/churn-risk',
        operationId: 'listChurnRisk',
        tags: ['Health'],
        access: 'view_client_health',
        summary:
          'Accounts at risk of churn, highest intervention priority first; `within=quarter` for renewals this quarter, and accounts at high risk now whenever they renew (`reason`)',
        request: { query: churnRiskQuery },
        responses: { 200: json(churnRiskListSchema) },
      }),
      async (c) => {
        const actor = actorOf(c);
        const query = c.req.valid('query');
        const list = await churnRiskList(db, clock, scopeFor(actor), {
          within: query.within,
          owner: ownerFilter(actor, query.owner),
          levels: query.level ?? ['medium', 'high', 'critical'],
        });
        return c.json({ ...list, items: list.items.map((item) => renderRisk(item, actor)) }, 200);
      },
    );
}
