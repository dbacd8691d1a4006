// HTTP for the audit log: who changed what, filtered by person, action, record and days.
import type { Deps } from '../../context.ts';
import { defineRoute, json, newRouter, problems } from '../../http/route.ts';
import { pageOf } from '../../lib/pagination.ts';
import { actorOf } from '../auth/index.ts';
import { auditEntrySchema, auditQuery } from './schema.ts';
import { auditLog } from './service.ts';

export function auditRoutes({ db }: Deps) {
  return newRouter().openapi(
    defineRoute({
      method: 'get',
      path: '/audit-log',
      operationId: 'listAuditEntries',
      tags: ['Admin'],
      access: 'view_audit_log',
      summary: 'Who changed what, newest first, each record named as it is called now',
      request: { query: auditQuery },
      responses: { 200: json(pageOf(auditEntrySchema)), 422: problems[422] },
    }),
    async (c) => c.json(await auditLog(db, actorOf(c), c.req.valid('query')), 200),
  );
}
