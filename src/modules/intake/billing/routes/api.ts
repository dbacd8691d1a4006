// HTTP for billing under /api/v1: an account's billing, Stripe secrets, the review list and
// the contract backfill.
import { z } from '@hono/zod-openapi';
import type { Deps } from '../../../../context.ts';
import { defineRoute, idParam, json, newRouter, problems } from '../../../../http/route.ts';
import { AppError } from '../../../../lib/errors.ts';
import { secretBox } from '../../../../lib/secrets.ts';
import { pageOf, pageQuery } from '../../../../lib/pagination.ts';
import { getAccount, scopeFor } from '../../../accounts/index.ts';
import { actorOf } from '../../../auth/index.ts';
import { importAnswer, importContracts } from '../import.ts';
import { itemsForReview } from '../review.ts';
import {
  accountBillingSchema,
  addStripeSecretBody,
  contractImportQuery,
  contractImportResultSchema,
  reviewItemSchema,
  webhookSecretSchema,
} from '../schema.ts';
import { addStripeSecret, listStripeSecrets, revokeStripeSecret } from '../secrets.ts';
import { accountBilling } from '../view.ts';

export function billingRoutes({ db, clock, config }: Deps) {
  return newRouter()
    .openapi(
      defineRoute({
        method: 'get',
        path: '/accounts/{id}/billing',
        operationId: 'getAccountBilling',
        tags: ['Intake'],
        access: 'view_accounts',
        summary: "The account's contracts, recent invoices and MRR movements",
        request: { params: idParam },
        responses: { 200: json(accountBillingSchema), 404: problems[404] },
      }),
      async (c) => {
        const actor = actorOf(c);
        const account = await getAccount(db, scopeFor(actor), c.req.valid('param').id);
        return c.json(await accountBilling(db, actor.workspaceId, account), 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/intake/stripe-secrets',
        operationId: 'listStripeSecrets',
        tags: ['Intake'],
        access: 'manage_integrations',
        summary: "The workspace's live Stripe signing secrets (prefix only)",
        responses: { 200: json(z.object({ items: z.array(webhookSecretSchema) })) },
      }),
      async (c) =>
        c.json({ items: await listStripeSecrets(db, clock, actorOf(c).workspaceId) }, 200),
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/intake/stripe-secrets',
        operationId: 'createStripeSecret',
        tags: ['Intake'],
        access: 'manage_integrations',
        summary:
          'Add a Stripe signing secret (whsec_…); to rotate, add the new one and revoke the old',
        request: {
          body: {
            content: { 'application/json': { schema: addStripeSecretBody } },
            required: true,
          },
        },
        responses: { 201: json(webhookSecretSchema, 'Added') },
      }),
      async (c) =>
        c.json(await addStripeSecret(db, secretBox(config), actorOf(c), c.req.valid('json')), 201),
    )
    .openapi(
      defineRoute({
        method: 'delete',
        path: '/intake/stripe-secrets/{id}',
        operationId: 'revokeStripeSecret',
        tags: ['Intake'],
        access: 'manage_integrations',
        summary: 'Revoke a Stripe signing secret',
        request: { params: idParam },
        responses: { 204: { description: 'Revoked' }, 404: problems[404] },
      }),
      async (c) => {
        await revokeStripeSecret(db, clock, actorOf(c), c.req.valid('param').id);
        return c.body(null, 204);
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/intake/review',
        operationId: 'listReviewItems',
        tags: ['Intake'],
        access: 'manage_integrations',
        summary: 'Webhook deliveries kept for review: verified, but naming no known account',
        request: { query: z.object(pageQuery) },
        responses: { 200: json(pageOf(reviewItemSchema)), 400: problems[400] },
      }),
      async (c) => {
        const actor = actorOf(c);
        return c.json(
          await itemsForReview(db, actor.workspaceId, c.req.valid('query'), actor),
          200,
        );
      },
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/contracts/import',
        operationId: 'importContracts',
        tags: ['Intake'],
        access: 'import_data',
        summary:
          'Backfill contracts from CSV (upsert by contract_id); every bad row is named with its line',
        description:
          'Columns: contract_id, account_external_id, plan, mrr or arr (major units, e.g. 1200.00), currency, seats, start_date, end_date (renewal), status.',
        request: {
          query: contractImportQuery,
          body: {
            content: { 'text/csv': { schema: z.string().openapi({ format: 'binary' }) } },
            required: true,
          },
        },
        responses: {
          200: json(contractImportResultSchema),
          400: problems[400],
          413: problems[413],
        },
      }),
      async (c) => {
        const type = c.req.header('content-type') ?? '';
        if (!/^text\/csv\b/i.test(type)) {
          throw new AppError('request.malformed', { key: 'intake.problem.sendCsv' });
        }
        const actor = actorOf(c);
        const result = await importContracts(
          db,
          clock,
          actor,
          await c.req.text(),
          c.req.valid('query'),
        );
        // Each rejected row's reasons in the asker's language.
        return c.json(importAnswer(result, actor.locale), 200);
      },
    );
}
