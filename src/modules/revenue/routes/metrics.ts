// HTTP for the CS metrics and their targets.
import type { Deps } from '../../../context.ts';
import { defineRoute, json, newRouter, problems, jsonBody } from '../../../http/route.ts';
import { actorOf } from '../../auth/index.ts';
import { csMetrics } from '../metrics/csMetrics.ts';
import { metricsQuery, metricsSchema, targetsBody, targetsSchema } from '../schema/metrics.ts';
import { loadTargets, setTargets } from '../targets.ts';
import { ownerOf } from './shared.ts';

export function metricRoutes({ db, clock }: Deps) {
  return newRouter()
    .openapi(
      defineRoute({
        method: 'get',
        path: '/metrics',
        operationId: 'getMetrics',
        tags: ['Revenue'],
        access: 'view_expansion_metrics',
        summary:
          'CS metrics for a period (MRR, ARR, NRR, GRR, expansion, contraction, churn, renewal rate, time to value, adoption, health, QBR completion), each beside its target and its trend',
        request: { query: metricsQuery },
        responses: { 200: json(metricsSchema), 404: problems[404] },
      }),
      async (c) => {
        const actor = actorOf(c);
        const query = c.req.valid('query');
        return c.json(
          await csMetrics(db, clock, actor, {
            ...query,
            owner: ownerOf(actor, query.owner),
            team: ownerOf(actor, query.team),
            tier: query.tier ?? null,
          }),
          200,
        );
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/metrics/targets',
        operationId: 'getMetricTargets',
        tags: ['Revenue'],
        access: 'view_expansion_metrics',
        summary: "Each metric's target: the persona guide's by default, or as an admin set it",
        responses: { 200: json(targetsSchema) },
      }),
      async (c) => c.json({ items: await loadTargets(db, actorOf(c).workspaceId) }, 200),
    )
    .openapi(
      defineRoute({
        method: 'put',
        path: '/metrics/targets',
        operationId: 'updateMetricTargets',
        tags: ['Revenue'],
        access: 'manage_revenue_targets',
        summary: 'Set targets (null puts a metric back to its default); ratios as fractions',
        request: {
          ...jsonBody(targetsBody),
        },
        responses: { 200: json(targetsSchema) },
      }),
      async (c) => {
        const actor = actorOf(c);
        const items = await setTargets(db, actor, clock.now(), c.req.valid('json').targets);
        return c.json({ items }, 200);
      },
    );
}
