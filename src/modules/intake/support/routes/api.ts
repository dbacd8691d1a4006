// HTTP for support under /api/v1: an account's tickets and the webhook's shared secrets.
import { z } from '@hono/zod-openapi';
import type { Deps } from '../../../../context.ts';
import { defineRoute, idParam, json, newRouter, problems } from '../../../../http/route.ts';
import { pageOf, pageQuery } from '../../../../lib/pagination.ts';
import { secretBox } from '../../../../lib/secrets.ts';
import { getAccount, scopeFor } from '../../../accounts/index.ts';
import { actorOf } from '../../../auth/index.ts';
import {
  createSupportSecretBody,
  createdSupportSecretSchema,
  supportSecretSchema,
  ticketSchema,
  ticketStatusSchema,
} from '../schema.ts';
import { createSupportSecret, listSupportSecrets, revokeSupportSecret } from '../secrets.ts';
import { ticketsOf } from '../tickets.ts';

export function supportRoutes({ db, clock, config }: Deps) {
  return newRouter()
    .openapi(
      defineRoute({
        method: 'get',
        path: '/accounts/{id}/tickets',
        operationId: 'listAccountTickets',
        tags: ['Intake'],
        access: 'view_accounts',
        summary: "The account's support tickets, newest first",
        request: {
          params: idParam,
          query: z.object({
            status: z
              .string()
              .transform((v) => v.split(','))
              .pipe(z.array(ticketStatusSchema))
              .optional(),
            ...pageQuery,
          }),
        },
        responses: { 200: json(pageOf(ticketSchema)), 400: problems[400], 404: problems[404] },
      }),
      async (c) => {
        const actor = actorOf(c);
        const account = await getAccount(db, scopeFor(actor), c.req.valid('param').id);
        return c.json(
          await ticketsOf(db, actor.workspaceId, account.id, c.req.valid('query')),
          200,
        );
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/intake/support-secrets',
        operationId: 'listSupportSecrets',
        tags: ['Intake'],
        access: 'manage_integrations',
        summary: "The workspace's live support webhook secrets (prefix only)",
        responses: { 200: json(z.object({ items: z.array(supportSecretSchema) })) },
      }),
      async (c) =>
        c.json({ items: await listSupportSecrets(db, clock, actorOf(c).workspaceId) }, 200),
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/intake/support-secrets',
        operationId: 'createSupportSecret',
        tags: ['Intake'],
        access: 'manage_integrations',
        summary: 'Create a support webhook secret; it is shown this once',
        request: {
          body: {
            content: { 'application/json': { schema: createSupportSecretBody } },
            required: true,
          },
        },
        responses: { 201: json(createdSupportSecretSchema, 'Created') },
      }),
      async (c) =>
        c.json(
          await createSupportSecret(db, secretBox(config), actorOf(c), c.req.valid('json').name),
          201,
        ),
    )
    .openapi(
      defineRoute({
        method: 'delete',
        path: '/intake/support-secrets/{id}',
        operationId: 'revokeSupportSecret',
        tags: ['Intake'],
        access: 'manage_integrations',
        summary: 'Revoke a support webhook secret',
        request: { params: idParam },
        responses: { 204: { description: 'Revoked' }, 404: problems[404] },
      }),
      async (c) => {
        await revokeSupportSecret(db, clock, actorOf(c), c.req.valid('param').id);
        return c.body(null, 204);
      },
    );
}
