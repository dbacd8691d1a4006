// HTTP for passwords: change one's own, ask for a reset link by e-mail, set a new one with
// the link, and give someone else a new one (for those who may manage people). The two reset
// calls are public; they answer the same whether or not the e-mail has an account.
import { getCookie } from 'hono/cookie';
import type { Deps } from '../../../context.ts';
import { defineRoute, idParam, jsonBody, newRouter, problems } from '../../../http/route.ts';
import { secretBox } from '../../../lib/secrets.ts';
import {
  changePassword,
  requestPasswordReset,
  resetPassword,
  setUserPassword,
} from '../passwordChanges.ts';
import {
  changePasswordBody,
  requestPasswordResetBody,
  resetPasswordBody,
  setUserPasswordBody,
} from '../schema.ts';
import { sessionCookie } from '../sessions.ts';
import { actorOf } from './actor.ts';

export function passwordRoutes({ db, clock, config }: Deps) {
  return newRouter()
    .openapi(
      defineRoute({
        method: 'post',
        path: '/me/password',
        operationId: 'changePassword',
        tags: ['Auth'],
        access: 'signed_in',
        summary: 'Change your password; your other sessions end',
        request: {
          body: { content: { 'application/json': { schema: changePasswordBody } }, required: true },
        },
        responses: { 204: { description: 'Changed' }, 429: problems[429] },
      }),
      async (c) => {
        const body = c.req.valid('json');
        await changePassword(db, clock, actorOf(c), {
          currentPassword: body.currentPassword,
          newPassword: body.newPassword,
          sessionToken: getCookie(c, sessionCookie) ?? null,
        });
        return c.body(null, 204);
      },
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/auth/password-reset',
        operationId: 'requestPasswordReset',
        tags: ['Auth'],
        access: 'public',
        summary:
          'E-mail a password reset link (the same answer whether or not the e-mail is known)',
        request: {
          body: {
            content: { 'application/json': { schema: requestPasswordResetBody } },
            required: true,
          },
        },
        responses: { 202: { description: 'If the e-mail has an account, a link is on its way' } },
      }),
      async (c) => {
        await requestPasswordReset(db, clock, c.req.valid('json'));
        return c.body(null, 202);
      },
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/auth/password-reset/confirm',
        operationId: 'resetPassword',
        tags: ['Auth'],
        access: 'public',
        summary: "Set a new password with a reset link's token; every session of the person ends",
        request: {
          body: { content: { 'application/json': { schema: resetPasswordBody } }, required: true },
        },
        responses: { 204: { description: 'Password set' }, 400: problems[400] },
      }),
      async (c) => {
        await resetPassword(db, clock, secretBox(config), c.req.valid('json'));
        return c.body(null, 204);
      },
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/users/{id}/password',
        operationId: 'setUserPassword',
        tags: ['Admin'],
        access: 'manage_users',
        summary: 'Give a person a new password; every session of theirs ends',
        request: { params: idParam, ...jsonBody(setUserPasswordBody) },
        responses: { 204: { description: 'Password set' }, 404: problems[404] },
      }),
      async (c) => {
        await setUserPassword(db, clock, actorOf(c), {
          userId: c.req.valid('param').id,
          password: c.req.valid('json').password,
        });
        return c.body(null, 204);
      },
    );
}
