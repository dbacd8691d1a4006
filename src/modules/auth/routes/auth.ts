// HTTP for signing in, the signed-in person, users and API tokens (the audit log is read in
// modules/audit).
import { z } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Deps } from '../../../context.ts';
import { clientAddress, trustedProxies } from '../../../http/clientAddress.ts';
import { defineRoute, idParam, json, newRouter, problems } from '../../../http/route.ts';
import { createApiToken, listApiTokens, revokeApiToken } from '../apiTokens.ts';
import { permissionLabels, permissions, rolePermissions } from '../permissions.ts';
import {
  apiTokenSchema,
  createApiTokenBody,
  createdApiTokenSchema,
  createUserBody,
  loginBody,
  meSchema,
  permissionSchema,
  roleSchema,
  updateMeBody,
  updateUserBody,
  userSchema,
} from '../schema.ts';
import { sessionCookie, signIn, signOut } from '../sessions.ts';
import { actorOf } from './actor.ts';
import { passwordRoutes } from './passwords.ts';
import { createUser, describeMe, listUsers, updateMe, updateUser } from '../users.ts';

export function authRoutes(deps: Deps) {
  const { db, clock, config } = deps;
  const secureCookie = config.publicUrl?.startsWith('https://') ?? false;
  const proxies = trustedProxies(config.trustedProxies);

  return newRouter()
    .openapi(
      defineRoute({
        method: 'post',
        path: '/auth/login',
        operationId: 'signIn',
        tags: ['Auth'],
        access: 'public',
        summary: 'Sign in with e-mail and password; sets the session cookie',
        request: {
          body: { content: { 'application/json': { schema: loginBody } }, required: true },
        },
        responses: { 200: json(meSchema), 401: problems[401], 429: problems[429] },
      }),
      async (c) => {
        const { email, password } = c.req.valid('json');
        const session = await signIn(db, clock, {
          email,
          password,
          address: clientAddress(c, proxies),
        });
        setCookie(c, sessionCookie, session.token, {
          httpOnly: true,
          sameSite: 'Lax',
          secure: secureCookie || new URL(c.req.url).protocol === 'https:',
          path: '/',
          expires: session.expiresAt,
        });
        return c.json(await describeMe(db, session.actor), 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/auth/logout',
        operationId: 'signOut',
        tags: ['Auth'],
        access: 'public',
        summary: 'Sign out: ends the session',
        responses: { 204: { description: 'Signed out' } },
      }),
      async (c) => {
        const token = getCookie(c, sessionCookie);
        if (token) await signOut(db, token);
        deleteCookie(c, sessionCookie, { path: '/' });
        return c.body(null, 204);
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/me',
        operationId: 'getMe',
        tags: ['Auth'],
        access: 'signed_in',
        summary: 'The signed-in person, their permissions and preferences',
        responses: { 200: json(meSchema) },
      }),
      async (c) => c.json(await describeMe(db, actorOf(c)), 200),
    )
    .openapi(
      defineRoute({
        method: 'patch',
        path: '/me',
        operationId: 'updateMe',
        tags: ['Auth'],
        access: 'signed_in',
        summary: 'Change your own name, time zone, language or theme',
        request: {
          body: { content: { 'application/json': { schema: updateMeBody } }, required: true },
        },
        responses: { 200: json(meSchema) },
      }),
      async (c) => c.json(await updateMe(db, actorOf(c), c.req.valid('json')), 200),
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/roles',
        operationId: 'listRoles',
        tags: ['Admin'],
        access: 'signed_in',
        summary: 'Roles and the permissions each one grants',
        responses: {
          200: json(
            z.object({
              permissions: z.array(permissionSchema),
              labels: z
                .record(permissionSchema, z.string())
                .openapi({ description: "Each permission's name, in the reader's language" }),
              roles: z.array(
                z.object({ role: roleSchema, permissions: z.array(permissionSchema) }),
              ),
            }),
          ),
        },
      }),
      (c) =>
        c.json(
          {
            permissions: [...permissions],
            labels: permissionLabels(actorOf(c).locale),
            roles: roleSchema.options.map((role) => ({
              role,
              permissions: [...rolePermissions[role]],
            })),
          },
          200,
        ),
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/users',
        operationId: 'listUsers',
        tags: ['Admin'],
        access: 'view_accounts',
        summary: 'People of the workspace',
        responses: { 200: json(z.object({ items: z.array(userSchema) })) },
      }),
      async (c) => c.json({ items: await listUsers(db, actorOf(c).workspaceId) }, 200),
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/users',
        operationId: 'createUser',
        tags: ['Admin'],
        access: 'manage_users',
        summary: 'Add a person to the workspace',
        request: {
          body: { content: { 'application/json': { schema: createUserBody } }, required: true },
        },
        responses: { 201: json(userSchema, 'Created'), 409: problems[409] },
      }),
      async (c) => c.json(await createUser(db, actorOf(c), c.req.valid('json')), 201),
    )
    .openapi(
      defineRoute({
        method: 'patch',
        path: '/users/{id}',
        operationId: 'updateUser',
        tags: ['Admin'],
        access: 'manage_users',
        summary: "Change a person's role, manager, time zone, or deactivate them",
        request: {
          params: idParam,
          body: { content: { 'application/json': { schema: updateUserBody } }, required: true },
        },
        responses: { 200: json(userSchema), 404: problems[404] },
      }),
      async (c) =>
        c.json(await updateUser(db, actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/api-tokens',
        operationId: 'listApiTokens',
        tags: ['Admin'],
        access: 'manage_api_tokens',
        summary: 'Your API tokens (never their secrets)',
        responses: { 200: json(z.object({ items: z.array(apiTokenSchema) })) },
      }),
      async (c) => c.json({ items: await listApiTokens(db, actorOf(c)) }, 200),
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/api-tokens',
        operationId: 'createApiToken',
        tags: ['Admin'],
        access: 'manage_api_tokens',
        summary: 'Create an API token; its secret is in this answer only',
        request: {
          body: { content: { 'application/json': { schema: createApiTokenBody } }, required: true },
        },
        responses: { 201: json(createdApiTokenSchema, 'Created') },
      }),
      async (c) => c.json(await createApiToken(db, actorOf(c), c.req.valid('json')), 201),
    )
    .openapi(
      defineRoute({
        method: 'delete',
        path: '/api-tokens/{id}',
        operationId: 'revokeApiToken',
        tags: ['Admin'],
        access: 'manage_api_tokens',
        summary: 'Revoke one of your API tokens',
        request: { params: idParam },
        responses: { 204: { description: 'Revoked' }, 404: problems[404] },
      }),
      async (c) => {
        await revokeApiToken(db, actorOf(c), c.req.valid('param').id);
        return c.body(null, 204);
      },
    )
    .route('/', passwordRoutes(deps));
}
