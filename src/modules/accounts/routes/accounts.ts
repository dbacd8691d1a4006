// HTTP for the portfolio, accounts and the Customer 360.
import { z } from '@hono/zod-openapi';
import type { Deps } from '../../../context.ts';
import { defineRoute, idParam, json, newRouter, problems } from '../../../http/route.ts';
import { pageOf, pageQuery } from '../../../lib/pagination.ts';
import { actorOf } from '../../auth/index.ts';
import { portfolio } from '../portfolio.ts';
import {
  accountSchema,
  contactSchema,
  createAccountBody,
  customFieldFilters,
  portfolioAccountSchema,
  portfolioQuery,
  removedAccountSchema,
  timelineEventSchema,
  updateAccountBody,
} from '../schema.ts';
import { removeAccount, removedAccounts, restoreAccount } from '../removals.ts';
import { account360, createAccount, getAccount, scopeFor, updateAccount } from '../service.ts';
import { describeAccount } from '../view.ts';
import { presentEvent } from './timeline.ts';
import { moneySchema } from '../../../lib/money.ts';

const account360Schema = z
  .object({
    account: accountSchema,
    owner: z.object({ id: z.uuid(), name: z.string(), email: z.string() }).nullable(),
    contract: z.object({
      arr: moneySchema,
      mrr: moneySchema,
      plan: z.string().nullable(),
      seats: z.number().int().nullable(),
      renewalDate: z.string().nullable(),
      daysToRenewal: z.number().int().nullable(),
    }),
    contacts: z.array(contactSchema),
    timeline: pageOf(timelineEventSchema),
  })
  .openapi('Account360');

export function accountsRoutes({ db, clock }: Deps) {
  return newRouter()
    .openapi(
      defineRoute({
        method: 'get',
        path: '/accounts',
        operationId: 'listAccounts',
        tags: ['Accounts'],
        access: 'view_accounts',
        summary: 'The portfolio: accounts with health, risk and stage, filtered and sorted',
        request: { query: portfolioQuery },
        responses: { 200: json(pageOf(portfolioAccountSchema)), 400: problems[400] },
      }),
      async (c) => {
        const actor = actorOf(c);
        const filters = { query: c.req.valid('query'), custom: customFieldFilters(c.req.query()) };
        const page = await portfolio(
          db,
          clock,
          { scope: scopeFor(actor), userId: actor.userId },
          filters,
        );
        return c.json(page, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/accounts',
        operationId: 'createAccount',
        tags: ['Accounts'],
        access: 'manage_accounts',
        summary: 'Add an account',
        request: {
          body: { content: { 'application/json': { schema: createAccountBody } }, required: true },
        },
        responses: { 201: json(accountSchema, 'Created'), 409: problems[409] },
      }),
      async (c) => c.json(await createAccount(db, actorOf(c), c.req.valid('json')), 201),
    )
    .openapi(
      // Before `/accounts/{id}`, which would take "removed" for an id.
      defineRoute({
        method: 'get',
        path: '/accounts/removed',
        operationId: 'listRemovedAccounts',
        tags: ['Accounts'],
        access: 'manage_accounts',
        summary: 'Removed accounts, the latest removed first: who removed each, and when',
        request: { query: z.object(pageQuery) },
        responses: { 200: json(pageOf(removedAccountSchema)), 400: problems[400] },
      }),
      async (c) => {
        const actor = actorOf(c);
        return c.json(await removedAccounts(db, scopeFor(actor), c.req.valid('query')), 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/accounts/{id}',
        operationId: 'getAccount',
        tags: ['Accounts'],
        access: 'view_accounts',
        summary: 'One account',
        request: { params: idParam },
        responses: { 200: json(accountSchema), 404: problems[404] },
      }),
      async (c) => {
        const row = await getAccount(db, scopeFor(actorOf(c)), c.req.valid('param').id);
        return c.json(describeAccount(row), 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'patch',
        path: '/accounts/{id}',
        operationId: 'updateAccount',
        tags: ['Accounts'],
        access: 'manage_accounts',
        summary: 'Change an account; custom fields are merged, `null` clears one',
        request: {
          params: idParam,
          body: { content: { 'application/json': { schema: updateAccountBody } }, required: true },
        },
        responses: { 200: json(accountSchema), 404: problems[404], 409: problems[409] },
      }),
      async (c) => {
        const actor = actorOf(c);
        const updated = await updateAccount(
          db,
          clock,
          actor,
          scopeFor(actor),
          c.req.valid('param').id,
          c.req.valid('json'),
        );
        return c.json(updated, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'delete',
        path: '/accounts/{id}',
        operationId: 'deleteAccount',
        tags: ['Accounts'],
        access: 'manage_accounts',
        summary: 'Remove an account from every list; its history is kept and it can be restored',
        request: { params: idParam },
        responses: { 204: { description: 'Removed' }, 404: problems[404] },
      }),
      async (c) => {
        const actor = actorOf(c);
        await removeAccount(db, clock, actor, scopeFor(actor), c.req.valid('param').id);
        return c.body(null, 204);
      },
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/accounts/{id}/restore',
        operationId: 'restoreAccount',
        tags: ['Accounts'],
        access: 'manage_accounts',
        summary: 'Bring a removed account back into every list, as it was',
        request: { params: idParam },
        responses: { 200: json(accountSchema), 404: problems[404], 409: problems[409] },
      }),
      async (c) => {
        const actor = actorOf(c);
        const id = c.req.valid('param').id;
        return c.json(await restoreAccount(db, clock, actor, scopeFor(actor), id), 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/accounts/{id}/360',
        operationId: 'getAccount360',
        tags: ['Accounts'],
        access: 'view_accounts',
        summary: 'The Customer 360: profile, contract, contacts and the latest timeline',
        request: { params: idParam },
        responses: { 200: json(account360Schema), 404: problems[404] },
      }),
      async (c) => {
        const actor = actorOf(c);
        const view = await account360(db, clock, scopeFor(actor), c.req.valid('param').id);
        const items = view.timeline.items.map((event) => presentEvent(event, actor));
        return c.json({ ...view, timeline: { ...view.timeline, items } }, 200);
      },
    );
}
