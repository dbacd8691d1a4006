// HTTP for the scorecard (default and per tier) and its backtest, with trial weights.
import { z } from '@hono/zod-openapi';
import type { Deps } from '../../../context.ts';
import { defineRoute, json, newRouter, problems } from '../../../http/route.ts';
import { AppError, fieldProblem, invalid } from '../../../lib/errors.ts';
import { isoDay } from '../../../lib/calendar.ts';
import { actorOf } from '../../auth/index.ts';
import { backtest, defaultPeriod } from '../backtest.ts';
import { scorecardProblems } from '../scorecard.ts';
import { loadScorecards, removeTierScorecard, saveScorecard } from '../scorecards.ts';
import {
  backtestBody,
  backtestQuery,
  backtestSchema,
  scorecardBody,
  scorecardQuery,
  scorecardSchema,
  scorecardsSchema,
} from '../schema/scorecard.ts';
import { tierSchema } from '../schema/common.ts';

export function scorecardRoutes({ db, clock }: Deps) {
  const runBacktest = async (workspaceId: string, request: z.infer<typeof backtestBody>) => {
    const today = isoDay(clock.now());
    const period = { ...defaultPeriod(today), ...request };
    if (period.from >= period.to)
      throw invalid([fieldProblem('from', 'health.field.fromBeforeTo')]);
    const { fallback } = await loadScorecards(db, workspaceId);
    const scorecard = {
      weights: request.weights ?? fallback.weights,
      thresholds: request.thresholds ?? fallback.thresholds,
    };
    const problems = scorecardProblems(scorecard);
    if (problems.length > 0) throw invalid(problems, { key: 'health.problem.trialScorecard' });
    return backtest(db, workspaceId, {
      from: period.from,
      to: period.to,
      horizonDays: request.horizonDays,
      scorecard,
    });
  };

  return newRouter()
    .openapi(
      defineRoute({
        method: 'get',
        path: '/health/scorecard',
        operationId: 'getScorecard',
        tags: ['Health'],
        access: 'view_client_health',
        summary: 'The scorecard accounts are scored with: the default, or a tier’s own',
        request: { query: scorecardQuery },
        responses: { 200: json(scorecardSchema) },
      }),
      async (c) => {
        const cards = await loadScorecards(db, actorOf(c).workspaceId);
        const { tier } = c.req.valid('query');
        const card = tier ? cards.all.find((s) => s.tier === tier) : undefined;
        return c.json(card ?? cards.fallback, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/health/scorecards',
        operationId: 'listScorecards',
        tags: ['Health'],
        access: 'view_client_health',
        summary: 'Every scorecard: the default first, then each tier that has its own',
        responses: { 200: json(scorecardsSchema) },
      }),
      async (c) => c.json({ items: (await loadScorecards(db, actorOf(c).workspaceId)).all }, 200),
    )
    .openapi(
      defineRoute({
        method: 'put',
        path: '/health/scorecard',
        operationId: 'updateScorecard',
        tags: ['Health'],
        access: 'manage_scorecards',
        summary:
          'Save the default scorecard or a tier’s own: weights must sum to 100 (else 422 naming `weights`)',
        request: {
          body: { content: { 'application/json': { schema: scorecardBody } }, required: true },
        },
        responses: { 200: json(scorecardSchema, 'Saved') },
      }),
      async (c) => {
        const actor = actorOf(c);
        const body = c.req.valid('json');
        await saveScorecard(db, actor, body.tier, body, clock.now());
        const cards = await loadScorecards(db, actor.workspaceId);
        return c.json(cards.all.find((s) => s.tier === body.tier) ?? body, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'delete',
        path: '/health/scorecards/{tier}',
        operationId: 'deleteTierScorecard',
        tags: ['Health'],
        access: 'manage_scorecards',
        summary: 'Remove a tier’s own scorecard; its accounts go back to the default',
        request: { params: z.object({ tier: tierSchema }) },
        responses: { 204: { description: 'Removed' }, 404: problems[404] },
      }),
      async (c) => {
        const removed = await removeTierScorecard(db, actorOf(c), c.req.valid('param').tier);
        if (!removed)
          throw new AppError('request.not_found', {
            key: 'health.problem.noTierScorecard',
          });
        return c.body(null, 204);
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/health/backtest',
        operationId: 'getBacktest',
        tags: ['Health'],
        access: 'view_client_health',
        summary:
          'How well the saved scorecard predicted churn: AUC, churn rate and lift per category, ROC curve',
        request: { query: backtestQuery },
        responses: { 200: json(backtestSchema) },
      }),
      async (c) => c.json(await runBacktest(actorOf(c).workspaceId, c.req.valid('query')), 200),
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/health/backtest',
        operationId: 'runBacktest',
        tags: ['Health'],
        access: 'view_client_health',
        summary: 'Backtest trial weights and thresholds before saving them (nothing is saved)',
        request: {
          body: { content: { 'application/json': { schema: backtestBody } }, required: true },
        },
        responses: { 200: json(backtestSchema) },
      }),
      async (c) => c.json(await runBacktest(actorOf(c).workspaceId, c.req.valid('json')), 200),
    );
}
