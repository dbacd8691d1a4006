// HTTP for onboarding tracking and the workspace's holidays.
import { z } from '@hono/zod-openapi';
import type { Deps } from '../../../context.ts';
import { defineRoute, json, newRouter, problems } from '../../../http/route.ts';
import { scopeFor } from '../../accounts/index.ts';
import { actorOf, recordAudit } from '../../auth/index.ts';
import { onboardingOverview, onboardingReport } from '../onboarding.ts';
import { projectWithTasks } from '../projects.ts';
import { holidaySchema, onboardingReportSchema, onboardingStatisticsSchema } from '../schema.ts';

export function onboardingRoutes({ db, clock }: Deps) {
  return newRouter()
    .openapi(
      defineRoute({
        method: 'get',
        path: '/onboarding',
        access: 'view_work',
        summary: 'Every onboarding customer side by side, with completion and time per stage',
        request: { query: z.object({ templateId: z.uuid().optional() }) },
        responses: {
          200: json(
            z.object({
              reports: z.array(onboardingReportSchema),
              statistics: onboardingStatisticsSchema,
            }),
          ),
        },
      }),
      async (c) =>
        c.json(
          await onboardingOverview(db, clock, scopeFor(actorOf(c)), c.req.valid('query')),
          200,
        ),
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/projects/{id}/onboarding',
        access: 'view_work',
        summary: "One project's onboarding report: stage, progress, next actions, risk factors",
        request: { params: z.object({ id: z.uuid() }) },
        responses: { 200: json(onboardingReportSchema), 404: problems[404] },
      }),
      async (c) => {
        const project = await projectWithTasks(db, scopeFor(actorOf(c)), c.req.valid('param').id);
        return c.json(onboardingReport(project, clock.now()), 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/holidays',
        access: 'view_work',
        summary: "The workspace's holidays (skipped by business-day offsets)",
        responses: { 200: json(z.object({ items: z.array(holidaySchema) })) },
      }),
      async (c) => {
        const items = await db
          .selectFrom('workspace_holidays')
          .select(['day', 'name'])
          .where('workspace_id', '=', actorOf(c).workspaceId)
          .orderBy('day')
          .execute();
        return c.json({ items }, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'put',
        path: '/holidays',
        access: 'manage_integrations',
        summary: "Replace the workspace's holidays",
        request: {
          body: {
            content: {
              'application/json': {
                schema: z.object({ items: z.array(holidaySchema).max(1000) }).strict(),
              },
            },
            required: true,
          },
        },
        responses: { 200: json(z.object({ items: z.array(holidaySchema) })) },
      }),
      async (c) => {
        const actor = actorOf(c);
        const { items } = c.req.valid('json');
        await db.transaction().execute(async (trx) => {
          await trx
            .deleteFrom('workspace_holidays')
            .where('workspace_id', '=', actor.workspaceId)
            .execute();
          if (items.length > 0) {
            await trx
              .insertInto('workspace_holidays')
              .values(
                items.map((h) => ({ workspace_id: actor.workspaceId, day: h.day, name: h.name })),
              )
              .onConflict((oc) =>
                oc
                  .columns(['workspace_id', 'day'])
                  .doUpdateSet({ name: (eb) => eb.ref('excluded.name') }),
              )
              .execute();
          }
          await recordAudit(trx, actor, {
            action: 'holidays.replaced',
            entityType: 'workspace',
            entityId: actor.workspaceId,
            changes: { count: items.length },
          });
        });
        return c.json({ items: [...items].sort((a, b) => a.day.localeCompare(b.day)) }, 200);
      },
    );
}
