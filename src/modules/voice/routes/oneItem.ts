// The routes that change one item the asker may see — a feedback item, a roadmap item — by a
// JSON body, answered with the item as it is now, or 404 when there is none they may see.
import type { z } from '@hono/zod-openapi';
import type { Actor } from '../../../context.ts';
import { defineRoute, idParam, json, problems, type RouteAccess } from '../../../http/route.ts';
import { scopeFor } from '../../accounts/index.ts';
import { actorOf } from '../../auth/index.ts';

export function oneItemRoute<P extends string, B extends z.ZodType, I extends z.ZodType>(spec: {
  method: 'patch' | 'post';
  path: P;
  operationId: string;
  access: RouteAccess;
  summary: string;
  body: B;
  item: I;
}) {
  return defineRoute({
    method: spec.method,
    path: spec.path,
    operationId: spec.operationId,
    tags: ['Voice'],
    access: spec.access,
    summary: spec.summary,
    request: {
      params: idParam,
      body: { content: { 'application/json': { schema: spec.body } }, required: true },
    },
    responses: { 200: json(spec.item), 404: problems[404] },
  });
}

/** Who asks and which accounts they may see. */
export function askerOf(c: { var: { actor: Actor | undefined; requestId: string } }) {
  const actor = actorOf(c);
  return { actor, scope: scopeFor(actor) };
}
