// HTTP for product adoption: one account's figures, and the trend across clients.
import { z } from '@hono/zod-openapi';
import type { Actor, Deps } from '../../../context.ts';
import { renderMessage, type Message } from '../../../i18n/index.ts';
import { defineRoute, json, newRouter, problems } from '../../../http/route.ts';
import { actorOf } from '../../auth/index.ts';
import {
  accountAdoptionSchema,
  adoptionOverviewSchema,
  adoptionQuery,
  decliningAdoptionSchema,
  portfolioAdoptionSchema,
  portfolioQuery,
} from './schema.ts';
import {
  accountAdoption,
  adoptionOverview,
  decliningAdoption,
  portfolioAdoption,
} from './service.ts';

/** A client's adoption figures with the reasons for "declining" in the reader's language. */
function inLanguageOf(actor: Actor) {
  return <T extends { reasons: Message[] }>(item: T) => ({
    ...item,
    reasons: item.reasons.map((m) => renderMessage(m, actor.locale, actor.timeZone)),
  });
}

export function adoptionRoutes({ db, clock }: Deps) {
  return newRouter()
    .openapi(
      defineRoute({
        method: 'get',
        path: '/accounts/{id}/adoption',
        operationId: 'getAccountAdoption',
        tags: ['Intake'],
        access: 'view_product_adoption',
        summary:
          "An account's product adoption: DAU/WAU/MAU, seats, features, time to value, 90 days",
        request: { params: z.object({ id: z.uuid() }), query: adoptionQuery },
        responses: { 200: json(accountAdoptionSchema), 404: problems[404] },
      }),
      async (c) => {
        const { date } = c.req.valid('query');
        const answer = await accountAdoption(db, clock, actorOf(c), c.req.valid('param').id, date);
        return c.json(answer, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/adoption',
        operationId: 'listAdoption',
        tags: ['Intake'],
        access: 'view_product_adoption',
        summary: 'Adoption across clients, this month against the last, with declining flagged',
        request: { query: portfolioQuery },
        responses: { 200: json(portfolioAdoptionSchema) },
      }),
      async (c) => {
        const actor = actorOf(c);
        const { date, items } = await portfolioAdoption(db, clock, actor, c.req.valid('query'));
        return c.json({ date, items: items.map(inLanguageOf(actor)) }, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/adoption/overview',
        operationId: 'getAdoptionOverview',
        tags: ['Intake'],
        access: 'view_product_adoption',
        summary: 'Feature adoption across clients, premium features bought and used, time to value',
        request: { query: portfolioQuery },
        responses: { 200: json(adoptionOverviewSchema) },
      }),
      async (c) => c.json(await adoptionOverview(db, clock, actorOf(c), c.req.valid('query')), 200),
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/adoption/declining',
        operationId: 'listDecliningAdoption',
        tags: ['Intake'],
        access: 'view_product_adoption',
        summary: 'Which clients have declining product adoption?',
        request: { query: portfolioQuery },
        responses: { 200: json(decliningAdoptionSchema) },
      }),
      async (c) => {
        const actor = actorOf(c);
        const found = await decliningAdoption(db, clock, actor, c.req.valid('query'));
        const say = (m: Message) => renderMessage(m, actor.locale, actor.timeZone);
        return c.json(
          {
            ...found,
            question: say(found.question),
            answer: say(found.answer),
            items: found.items.map(inLanguageOf(actor)),
          },
          200,
        );
      },
    );
}
