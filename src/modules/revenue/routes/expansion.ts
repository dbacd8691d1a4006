// HTTP for expansion: accounts ready to grow, tracked opportunities, and plan prices.
import type { Actor, Deps } from '../../../context.ts';
import { defineRoute, idParam, json, newRouter, problems, jsonBody } from '../../../http/route.ts';
import { scopeFor } from '../../accounts/index.ts';
import { actorOf } from '../../auth/index.ts';
import { expansionOpportunities } from '../expansion.ts';
import {
  createOpportunity,
  listAccountOpportunities,
  updateOpportunity,
} from '../opportunities.ts';
import { planList, setPlans } from '../plans.ts';
import {
  createOpportunityBody,
  expansionQuery,
  expansionSchema,
  opportunitiesQuery,
  opportunitySchema,
  plansBody,
  plansSchema,
  updateOpportunityBody,
} from '../schema/expansion.ts';
import { z } from '@hono/zod-openapi';
import { ownerOf, renderFor } from './shared.ts';

type Found = Awaited<ReturnType<typeof expansionOpportunities>>;

function present(actor: Actor, found: Found) {
  const render = renderFor(actor);
  return {
    ...found,
    items: found.items.map((item) => ({
      ...item,
      signals: item.signals.map((s) => ({ ...s, evidence: s.evidence.map(render) })),
    })),
  };
}

export function expansionRoutes({ db, clock }: Deps) {
  return newRouter()
    .openapi(
      defineRoute({
        method: 'get',
        path: '/expansion-opportunities',
        operationId: 'listExpansionOpportunities',
        tags: ['Revenue'],
        access: 'view_upsell_opportunities',
        summary:
          'Accounts ready to grow, from seats nearly full, premium features used without the premium plan, usage growing and health — each with its evidence and an estimated value; `view=premium` for premium upgrade candidates',
        request: { query: expansionQuery },
        responses: { 200: json(expansionSchema) },
      }),
      async (c) => {
        const actor = actorOf(c);
        const query = c.req.valid('query');
        const found = await expansionOpportunities(db, clock, actor, {
          owner: ownerOf(actor, query.owner),
          view: query.view,
        });
        return c.json(present(actor, found), 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/opportunities',
        operationId: 'listOpportunities',
        tags: ['Revenue'],
        access: 'view_upsell_opportunities',
        summary: 'Tracked expansion opportunities, of an account or all in view',
        request: { query: opportunitiesQuery },
        responses: {
          200: json(z.object({ items: z.array(opportunitySchema) })),
          404: problems[404],
        },
      }),
      async (c) => {
        const query = c.req.valid('query');
        const items = await listAccountOpportunities(db, scopeFor(actorOf(c)), {
          ...(query.accountId ? { accountId: query.accountId } : {}),
          ...(query.open ? { open: query.open === 'true' } : {}),
        });
        return c.json({ items }, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/opportunities',
        operationId: 'createOpportunity',
        tags: ['Revenue'],
        access: 'manage_accounts',
        summary: 'Track an expansion opportunity: amount (ARR), stage, expected close',
        request: {
          ...jsonBody(createOpportunityBody),
        },
        responses: { 201: json(opportunitySchema, 'Created'), 404: problems[404] },
      }),
      async (c) => {
        const actor = actorOf(c);
        return c.json(
          await createOpportunity(db, clock, actor, scopeFor(actor), c.req.valid('json')),
          201,
        );
      },
    )
    .openapi(
      defineRoute({
        method: 'patch',
        path: '/opportunities/{id}',
        operationId: 'updateOpportunity',
        tags: ['Revenue'],
        access: 'manage_accounts',
        summary: 'Move an opportunity on: stage (won and lost close it), amount, expected close',
        request: {
          params: idParam,
          ...jsonBody(updateOpportunityBody),
        },
        responses: { 200: json(opportunitySchema), 404: problems[404] },
      }),
      async (c) => {
        const actor = actorOf(c);
        return c.json(
          await updateOpportunity(
            db,
            clock,
            actor,
            scopeFor(actor),
            c.req.valid('param').id,
            c.req.valid('json'),
          ),
          200,
        );
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/revenue/plans',
        operationId: 'listPlans',
        tags: ['Revenue'],
        access: 'view_upsell_opportunities',
        summary:
          'Plans with their list price per seat and month, which include premium, and how many accounts on each pay in another currency (their seats are priced at what they pay)',
        responses: { 200: json(plansSchema) },
      }),
      async (c) => c.json({ plans: await planList(db, scopeFor(actorOf(c))) }, 200),
    )
    .openapi(
      defineRoute({
        method: 'put',
        path: '/revenue/plans',
        operationId: 'updatePlans',
        tags: ['Revenue'],
        access: 'manage_revenue_targets',
        summary:
          'Replace the plan list expansion is priced with; a plan whose name stays (whatever its case) keeps its id',
        request: {
          ...jsonBody(plansBody),
        },
        responses: { 200: json(plansSchema) },
      }),
      async (c) => {
        const actor = actorOf(c);
        await setPlans(db, actor, clock.now(), c.req.valid('json').plans);
        return c.json({ plans: await planList(db, scopeFor(actor)) }, 200);
      },
    );
}
