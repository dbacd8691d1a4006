// HTTP for CSV imports: the field catalog, uploading a file (queued as a job), and progress.
import { z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { Deps } from '../../../context.ts';
import { defineRoute, json, newRouter, problems } from '../../../http/route.ts';
import { AppError, fieldProblem, invalid } from '../../../lib/errors.ts';
import { customFieldDefinitions } from '../../accounts/index.ts';
import { actorOf } from '../../auth/index.ts';
import { importFields } from './fields.ts';
import { findImport, recentImports, startImport } from './imports.ts';
import { importPresetNames, importPresets } from './presets.ts';
import { bulkUpsert } from './upsert.ts';
import { bulkUpsertBody, bulkUpsertResultSchema } from './upsertSchema.ts';
import {
  importEntitySchema,
  importFieldSchema,
  importQuery,
  importSchema,
  importPresetSchema,
  importSummarySchema,
  importUpload,
  mappingSchema,
} from './schema.ts';

/** An upload may be far larger than other requests (app.ts skips its 1 MB limit here). */
export const importBodyLimit = 50 * 1024 * 1024;

function readMapping(text: string | undefined): Record<string, string> | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalid([fieldProblem('mapping', 'imports.mapping.notJson')]);
  }
  const mapping = mappingSchema.safeParse(parsed);
  if (!mapping.success) {
    throw invalid([fieldProblem('mapping', 'imports.mapping.notJson')]);
  }
  return mapping.data;
}

export function importRoutes({ db, clock }: Deps) {
  const router = newRouter();
  router.post(
    '/imports',
    bodyLimit({
      maxSize: importBodyLimit,
      onError: () => {
        throw new AppError('request.too_large', { key: 'intake.problem.importTooLarge' });
      },
    }),
  );
  return router
    .openapi(
      defineRoute({
        method: 'get',
        path: '/imports/fields',
        operationId: 'listImportFields',
        tags: ['Intake'],
        access: 'import_data',
        summary: 'The fields a CSV column can be imported into, custom fields as `cf.<key>`',
        request: { query: z.object({ entity: importEntitySchema }) },
        responses: { 200: json(z.object({ fields: z.array(importFieldSchema) })) },
      }),
      async (c) => {
        const { entity } = c.req.valid('query');
        const actor = actorOf(c);
        const definitions =
          entity === 'accounts'
            ? await customFieldDefinitions(db, actor.workspaceId, 'account')
            : [];
        const fields = importFields(entity, definitions, actor.locale).map((f) => ({
          ...f,
          ...(f.options ? { options: [...f.options] } : {}),
        }));
        return c.json({ fields }, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/imports/presets',
        operationId: 'listImportPresets',
        tags: ['Intake'],
        access: 'import_data',
        summary: "Column mappings for CRMs' standard exports (Salesforce, HubSpot), by entity",
        responses: { 200: json(z.object({ items: z.array(importPresetSchema) })) },
      }),
      (c) =>
        c.json(
          {
            items: importPresetNames.map((name) => ({
              name,
              accounts: importPresets[name].accounts ?? {},
              contacts: importPresets[name].contacts ?? {},
            })),
          },
          200,
        ),
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/imports',
        operationId: 'createImport',
        tags: ['Intake'],
        access: 'import_data',
        summary:
          'Upload a CSV file to import (or check, with dryRun); the import runs in the background',
        request: {
          query: importQuery,
          body: { content: { 'multipart/form-data': { schema: importUpload } }, required: true },
        },
        responses: {
          202: json(importSchema, 'Queued'),
          400: problems[400],
          413: problems[413],
        },
      }),
      async (c) => {
        const actor = actorOf(c);
        const query = c.req.valid('query');
        const form = c.req.valid('form');
        const view = await startImport(
          db,
          {
            workspaceId: actor.workspaceId,
            userId: actor.userId,
            entity: query.entity,
            fileName: form.file.name || 'import.csv',
            file: Buffer.from(await form.file.arrayBuffer()),
            mapping: readMapping(form.mapping),
            dryRun: query.dryRun,
            skipInvalid: query.skipInvalid,
          },
          actor.locale,
        );
        return c.json(view, 202);
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/imports',
        operationId: 'listImports',
        tags: ['Intake'],
        access: 'import_data',
        summary: "The workspace's recent imports",
        responses: { 200: json(z.object({ items: z.array(importSummarySchema) })) },
      }),
      async (c) => {
        const actor = actorOf(c);
        return c.json({ items: await recentImports(db, actor.workspaceId, actor.locale) }, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/imports/{id}',
        operationId: 'getImport',
        tags: ['Intake'],
        access: 'import_data',
        summary: "An import's progress, counts and rejected rows",
        request: { params: z.object({ id: z.uuid() }) },
        responses: { 200: json(importSchema), 404: problems[404] },
      }),
      async (c) => {
        const actor = actorOf(c);
        const { id } = c.req.valid('param');
        return c.json(await findImport(db, actor.workspaceId, id, actor.locale), 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'post',
        path: '/bulk-upsert',
        operationId: 'bulkUpsert',
        tags: ['Intake'],
        access: 'import_data',
        summary: 'Create or update accounts, contacts and contracts by external id (a CRM sync)',
        description:
          'Idempotent: sending the same rows again changes nothing. A field left out of a row is left as it is. Rejected rows are reported with each field and why and the others are written, unless `allOrNothing`. An external id twice in one list answers 422 naming both; nothing is written.',
        request: {
          body: { content: { 'application/json': { schema: bulkUpsertBody } }, required: true },
        },
        responses: { 200: json(bulkUpsertResultSchema) },
      }),
      async (c) => c.json(await bulkUpsert(db, clock, actorOf(c), c.req.valid('json')), 200),
    );
}
