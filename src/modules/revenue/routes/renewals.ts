// HTTP for the renewal pipeline, an account's renewal forecast, and overriding it.
import type { Actor, Deps } from '../../../context.ts';
import { defineRoute, idParam, json, newRouter, problems, jsonBody } from '../../../http/route.ts';
import { scopeFor } from '../../accounts/index.ts';
import { actorOf } from '../../auth/index.ts';
import { accountForecast, overrideForecast } from '../forecastOverride.ts';
import { renewalPipeline, type Renewal } from '../renewalPipeline.ts';
import {
  accountForecastSchema,
  overrideBody,
  renewalPipelineSchema,
  renewalsQuery,
} from '../schema/renewals.ts';
import { ownerOf, renderFor } from './shared.ts';

function present(actor: Actor) {
  const render = renderFor(actor);
  return (r: Renewal) => ({
    ...r,
    forecast: { ...r.forecast, reasons: r.forecast.reasons.map(render) },
  });
}

function presentForecast(actor: Actor, forecast: Awaited<ReturnType<typeof accountForecast>>) {
  return { ...forecast, renewal: forecast.renewal ? present(actor)(forecast.renewal) : null };
}

export function renewalRoutes({ db, clock }: Deps) {
  return newRouter()
    .openapi(
      defineRoute({
        method: 'get',
        path: '/renewals',
        operationId: 'listRenewals',
        tags: ['Revenue'],
        access: 'view_renewal_pipeline',
        summary:
          'Renewals in a window (default the next 90 days) with ARR up, health, churn risk, usage trend, escalations, the renewal project and a forecast with its reasons; totals by month and quarter against the target',
        request: { query: renewalsQuery },
        responses: { 200: json(renewalPipelineSchema) },
      }),
      async (c) => {
        const actor = actorOf(c);
        const query = c.req.valid('query');
        const pipeline = await renewalPipeline(db, clock, scopeFor(actor), {
          ...query,
          owner: ownerOf(actor, query.owner),
        });
        return c.json({ ...pipeline, items: pipeline.items.map(present(actor)) }, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/accounts/{id}/renewal-forecast',
        operationId: 'getRenewalForecast',
        tags: ['Revenue'],
        access: 'view_renewal_pipeline',
        summary: "The account's coming renewal with its forecast, and every override made on it",
        request: { params: idParam },
        responses: { 200: json(accountForecastSchema), 404: problems[404] },
      }),
      async (c) => {
        const actor = actorOf(c);
        const forecast = await accountForecast(db, clock, scopeFor(actor), c.req.valid('param').id);
        return c.json(presentForecast(actor, forecast), 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/accounts/{id}/renewal-forecast',
        operationId: 'overrideRenewalForecast',
        tags: ['Revenue'],
        access: 'manage_accounts',
        summary:
          "Override the forecast of the account's coming renewal; the note is required, kept and audited",
        request: {
          params: idParam,
          ...jsonBody(overrideBody),
        },
        responses: { 201: json(accountForecastSchema, 'Overridden'), 404: problems[404] },
      }),
      async (c) => {
        const actor = actorOf(c);
        const forecast = await overrideForecast(
          db,
          clock,
          actor,
          scopeFor(actor),
          c.req.valid('param').id,
          c.req.valid('json'),
        );
        return c.json(presentForecast(actor, forecast), 201);
      },
    );
}
