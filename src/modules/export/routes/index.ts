// HTTP for the workspace export: the JSON document and a CSV file per entity, streamed as
// downloads. Admins only (`export_data`): the export holds every account, whoever owns it.
import { z } from '@hono/zod-openapi';
import type { Deps } from '../../../context.ts';
import { defineRoute, newRouter } from '../../../http/route.ts';
import { actorOf } from '../../auth/index.ts';
import { exportEntities } from '../entities.ts';
import { exportCsv, exportDocument, exportFileName, snapshotStream } from '../service.ts';

const download = (name: string, type: string) => ({
  'content-type': type,
  'content-disposition': `attachment; filename="${name}"`,
  'cache-control': 'no-store',
});

export function exportRoutes({ db, clock }: Deps) {
  return newRouter()
    .openapi(
      defineRoute({
        method: 'get',
        path: '/export',
        operationId: 'exportWorkspace',
        tags: ['Export'],
        access: 'export_data',
        summary: "The workspace's data as one JSON document (every entity, then their counts)",
        description: `Entities: ${exportEntities.join(', ')}. Secrets and deleted records are left out.`,
        responses: {
          200: {
            description: 'A download: `{format, version, exportedAt, workspace, entities, counts}`',
            content: { 'application/json': { schema: z.looseObject({}) } },
          },
        },
      }),
      async (c) => {
        const { workspaceId } = actorOf(c);
        const name = await exportFileName(db, clock, workspaceId);
        const chunks = snapshotStream(db, (snapshot) =>
          exportDocument(snapshot, clock, workspaceId),
        );
        return c.body(
          chunks.pipeThrough(new TextEncoderStream()),
          200,
          download(name, 'application/json; charset=utf-8'),
        );
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/export/{entity}',
        operationId: 'exportEntityCsv',
        tags: ['Export'],
        access: 'export_data',
        summary: 'One entity as a CSV file',
        description:
          'accounts, contacts and contracts are written in the columns Steward imports (Settings → Import, `steward import`, `POST /contracts/import`), so they import again as they are.',
        request: { params: z.object({ entity: z.enum(exportEntities) }) },
        responses: {
          200: {
            description: 'A CSV download (RFC 4180, a header line first)',
            content: { 'text/csv': { schema: z.string() } },
          },
        },
      }),
      async (c) => {
        const { workspaceId } = actorOf(c);
        const { entity } = c.req.valid('param');
        const name = await exportFileName(db, clock, workspaceId, entity);
        const chunks = snapshotStream(db, (snapshot) => exportCsv(snapshot, workspaceId, entity));
        return c.body(
          chunks.pipeThrough(new TextEncoderStream()),
          200,
          download(name, 'text/csv; charset=utf-8'),
        );
      },
    );
}
