// HTTP for an account's contacts.
import { z } from '@hono/zod-openapi';
import type { Deps } from '../../../context.ts';
import { defineRoute, idParam, json, newRouter, problems } from '../../../http/route.ts';
import { actorOf } from '../../auth/index.ts';
import { addContact, contactsOf, findContact, removeContact, updateContact } from '../contacts.ts';
import { contactSchema, createContactBody, updateContactBody } from '../schema.ts';
import { getAccount, scopeFor } from '../service.ts';

export function contactsRoutes({ db }: Deps) {
  return newRouter()
    .openapi(
      defineRoute({
        method: 'get',
        path: '/accounts/{id}/contacts',
        operationId: 'listContacts',
        tags: ['Accounts'],
        access: 'view_accounts',
        summary: "An account's contacts, champions first",
        request: { params: idParam },
        responses: { 200: json(z.object({ items: z.array(contactSchema) })), 404: problems[404] },
      }),
      async (c) => {
        const actor = actorOf(c);
        const account = await getAccount(db, scopeFor(actor), c.req.valid('param').id);
        return c.json({ items: await contactsOf(db, actor.workspaceId, account.id) }, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/accounts/{id}/contacts',
        operationId: 'createContact',
        tags: ['Accounts'],
        access: 'manage_accounts',
        summary: 'Add a contact to an account',
        request: {
          params: idParam,
          body: { content: { 'application/json': { schema: createContactBody } }, required: true },
        },
        responses: { 201: json(contactSchema, 'Created'), 404: problems[404] },
      }),
      async (c) => {
        const actor = actorOf(c);
        const account = await getAccount(db, scopeFor(actor), c.req.valid('param').id);
        return c.json(await addContact(db, actor, account.id, c.req.valid('json')), 201);
      },
    )
    .openapi(
      defineRoute({
        method: 'patch',
        path: '/contacts/{id}',
        operationId: 'updateContact',
        tags: ['Accounts'],
        access: 'manage_accounts',
        summary: 'Change a contact',
        request: {
          params: idParam,
          body: { content: { 'application/json': { schema: updateContactBody } }, required: true },
        },
        responses: { 200: json(contactSchema), 404: problems[404] },
      }),
      async (c) => {
        const actor = actorOf(c);
        const contact = await findContact(db, actor.workspaceId, c.req.valid('param').id);
        await getAccount(db, scopeFor(actor), contact.account_id);
        return c.json(await updateContact(db, actor, contact, c.req.valid('json')), 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'delete',
        path: '/contacts/{id}',
        operationId: 'deleteContact',
        tags: ['Accounts'],
        access: 'manage_accounts',
        summary: 'Remove a contact',
        request: { params: idParam },
        responses: { 204: { description: 'Removed' }, 404: problems[404] },
      }),
      async (c) => {
        const actor = actorOf(c);
        const contact = await findContact(db, actor.workspaceId, c.req.valid('param').id);
        await getAccount(db, scopeFor(actor), contact.account_id);
        await removeContact(db, actor, contact);
        return c.body(null, 204);
      },
    );
}
