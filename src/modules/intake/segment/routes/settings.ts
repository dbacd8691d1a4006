// HTTP for the intake settings: Segment write keys and the feature catalog.
import { z } from '@hono/zod-openapi';
import type { Deps } from '../../../../context.ts';
import { defineRoute, json, newRouter, problems } from '../../../../http/route.ts';
import { actorOf } from '../../../auth/index.ts';
import { defineFeature, listFeatures } from '../features.ts';
import {
  createFeatureBody,
  createWriteKeyBody,
  createdWriteKeySchema,
  definedFeatureSchema,
  featureSchema,
  writeKeySchema,
} from '../schema.ts';
import { createWriteKey, listWriteKeys, revokeWriteKey, rotateWriteKey } from '../writeKeys.ts';

const idParam = z.object({ id: z.uuid() });

export function intakeSettingsRoutes({ db, clock }: Deps) {
  return newRouter()
    .openapi(
      defineRoute({
        method: 'get',
        path: '/intake/write-keys',
        operationId: 'listWriteKeys',
        tags: ['Intake'],
        access: 'manage_integrations',
        summary: "The workspace's live Segment write keys (without the keys themselves)",
        responses: { 200: json(z.object({ items: z.array(writeKeySchema) })) },
      }),
      async (c) => c.json({ items: await listWriteKeys(db, clock, actorOf(c).workspaceId) }, 200),
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/intake/write-keys',
        operationId: 'createWriteKey',
        tags: ['Intake'],
        access: 'manage_integrations',
        summary: 'Create a Segment write key; the key is shown this once',
        request: {
          body: { content: { 'application/json': { schema: createWriteKeyBody } }, required: true },
        },
        responses: { 201: json(createdWriteKeySchema, 'Created') },
      }),
      async (c) => c.json(await createWriteKey(db, actorOf(c), c.req.valid('json')), 201),
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/intake/write-keys/{id}/rotate',
        operationId: 'rotateWriteKey',
        tags: ['Intake'],
        access: 'manage_integrations',
        summary: 'Replace a write key; the old one keeps working for 24 hours',
        request: { params: idParam },
        responses: { 201: json(createdWriteKeySchema, 'The new key'), 404: problems[404] },
      }),
      async (c) =>
        c.json(await rotateWriteKey(db, clock, actorOf(c), c.req.valid('param').id), 201),
    )
    .openapi(
      defineRoute({
        method: 'delete',
        path: '/intake/write-keys/{id}',
        operationId: 'revokeWriteKey',
        tags: ['Intake'],
        access: 'manage_integrations',
        summary: 'Revoke a write key at once',
        request: { params: idParam },
        responses: { 204: { description: 'Revoked' }, 404: problems[404] },
      }),
      async (c) => {
        await revokeWriteKey(db, clock, actorOf(c), c.req.valid('param').id);
        return c.body(null, 204);
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/features',
        operationId: 'listFeatures',
        tags: ['Intake'],
        access: 'view_product_adoption',
        summary: 'The feature catalog: which events make up which product feature',
        responses: { 200: json(z.object({ items: z.array(featureSchema) })) },
      }),
      async (c) => c.json({ items: await listFeatures(db, actorOf(c).workspaceId) }, 200),
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/features',
        operationId: 'createFeature',
        tags: ['Intake'],
        access: 'manage_integrations',
        summary:
          'Add a feature to the catalog; the kept events and daily rollups its names claim move to it',
        request: {
          body: { content: { 'application/json': { schema: createFeatureBody } }, required: true },
        },
        responses: { 201: json(definedFeatureSchema, 'Created'), 409: problems[409] },
      }),
      async (c) => c.json(await defineFeature(db, actorOf(c), c.req.valid('json')), 201),
    );
}
