// HTTP for onboarding tracking and the workspace's holidays.
import { z } from '@hono/zod-openapi';
import type { Actor, Deps } from '../../../context.ts';
import { defineRoute, json, jsonBody, newRouter, problems } from '../../../http/route.ts';
import { renderMessage } from '../../../i18n/index.ts';
import { scopeFor } from '../../accounts/index.ts';
import { actorOf } from '../../auth/index.ts';
import { listHolidays, replaceHolidays } from '../holidays.ts';
import {
  onboardingOverview,
  projectOnboardingReport,
  type OnboardingReport,
} from '../onboarding.ts';
import {
  holidayListInputSchema,
  holidayListSchema,
  onboardingReportSchema,
  onboardingStatisticsSchema,
} from '../schema/onboarding.ts';

/** A report as its reader reads it: each risk factor in their language. */
function readable(report: OnboardingReport, reader: Pick<Actor, 'locale' | 'timeZone'>) {
  return {
    ...report,
    riskFactors: report.riskFactors.map((risk) => ({
      kind: risk.kind,
      message: renderMessage(risk.message, reader.locale, reader.timeZone),
    })),
  };
}

export function onboardingRoutes({ db, clock }: Deps) {
  return newRouter()
    .openapi(
      defineRoute({
        method: 'get',
        path: '/onboarding',
        operationId: 'getOnboardingOverview',
        tags: ['Work'],
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
      async (c) => {
        const actor = actorOf(c);
        const overview = await onboardingOverview(db, clock, scopeFor(actor), c.req.valid('query'));
        const reports = overview.reports.map((report) => readable(report, actor));
        return c.json({ ...overview, reports }, 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/projects/{id}/onboarding',
        operationId: 'getProjectOnboarding',
        tags: ['Work'],
        access: 'view_work',
        summary: "One project's onboarding report: stage, progress, next actions, risk factors",
        request: { params: z.object({ id: z.uuid() }) },
        responses: { 200: json(onboardingReportSchema), 404: problems[404] },
      }),
      async (c) => {
        const actor = actorOf(c);
        const report = await projectOnboardingReport(
          db,
          clock,
          scopeFor(actor),
          c.req.valid('param').id,
        );
        return c.json(readable(report, actor), 200);
      },
    )
    .openapi(
      defineRoute({
        method: 'get',
        path: '/holidays',
        operationId: 'listHolidays',
        tags: ['Work'],
        access: 'view_work',
        summary: "The workspace's holidays (skipped by business-day offsets), with their version",
        responses: { 200: json(holidayListSchema) },
      }),
      async (c) => c.json(await listHolidays(db, actorOf(c).workspaceId), 200),
    )
    .openapi(
      defineRoute({
        method: 'put',
        path: '/holidays',
        operationId: 'updateHolidays',
        tags: ['Work'],
        access: 'manage_integrations',
        summary:
          "Replace the workspace's holidays; 409 when another save came after the version given",
        request: jsonBody(holidayListInputSchema),
        responses: { 200: json(holidayListSchema), 409: problems[409] },
      }),
      async (c) => c.json(await replaceHolidays(db, actorOf(c), c.req.valid('json')), 200),
    );
}
