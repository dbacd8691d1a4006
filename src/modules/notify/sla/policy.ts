// SLA policies (API.md "SLA policy"): which tasks, which clock, how long, who hears about it.
import { z } from '@hono/zod-openapi';
import type { Db } from '../../../db/connect.ts';
import type { MessageKey } from '../../../i18n/index.ts';
import { AppError, fieldProblem, invalid } from '../../../lib/errors.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import { prioritySchema, tierSchema } from '../../../lib/vocabulary.ts';
import { isTimeZone } from '../zoned.ts';
import type { BusinessHours } from './businessTime.ts';
import { durationSeconds } from './duration.ts';
import * as store from './store.ts';
import type { PolicyColumns, PolicyRow } from './store.ts';

const duration = z
  .string()
  .refine((v) => durationSeconds(v) !== null, 'notify.field.duration' satisfies MessageKey)
  .openapi({ example: 'PT2H' });

const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'notify.field.workdayTime' satisfies MessageKey);

const roles = ['assignee', 'owner', 'manager', 'managersManager'] as const;
export type ChainRole = (typeof roles)[number];

export const chainStepSchema = z.object({
  notify: z.union([z.enum(roles), z.uuid()]).openapi({
    description: 'assignee, owner (the account owner), manager, managersManager or a user id',
  }),
  after: duration.optional().openapi({ description: 'Time after the breach; default at once' }),
});

const list = <T extends z.ZodType>(item: T) => z.array(item).default([]);

export const slaPolicyBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    match: z
      .object({
        accountPriority: list(prioritySchema),
        taskPriority: list(prioritySchema),
        tags: list(z.string().min(1)),
        tier: list(tierSchema),
        projectKind: list(
          z.enum(['onboarding', 'escalation', 'health_check', 'qbr_prep', 'renewal', 'other']),
        ),
      })
      .prefault({}),
    metric: z.enum(['untouchedFor', 'firstResponse']),
    threshold: duration,
    warnAt: z
      .number()
      .gt(0, 'notify.field.warnAt' satisfies MessageKey)
      .lt(1, 'notify.field.warnAt' satisfies MessageKey)
      .default(0.75),
    chain: z.array(chainStepSchema).default([]),
    businessHours: z
      .object({
        timezone: z.string().refine(isTimeZone, 'notify.field.timeZone' satisfies MessageKey),
        days: z.array(z.number().int().min(1).max(7)).min(1),
        start: clockTime,
        end: clockTime,
      })
      .refine((h) => h.start < h.end, {
        message: 'notify.field.afterStart' satisfies MessageKey,
        path: ['end'],
      })
      .nullable()
      .default(null),
    enabled: z.boolean().default(true),
  })
  .superRefine((policy, ctx) => {
    const seen = new Set<string>();
    let previous = 0;
    policy.chain.forEach((step, i) => {
      if (seen.has(step.notify)) {
        ctx.addIssue({
          code: 'custom',
          path: ['chain', i, 'notify'],
          message: 'notify.field.chainLoop' satisfies MessageKey,
          params: { person: step.notify },
        });
      }
      seen.add(step.notify);
      const after = step.after ? (durationSeconds(step.after) ?? 0) : 0;
      if (after < previous) {
        ctx.addIssue({
          code: 'custom',
          path: ['chain', i, 'after'],
          message: 'notify.field.stepOrder' satisfies MessageKey,
        });
      }
      previous = after;
    });
  })
  .openapi('SlaPolicyInput');

export type SlaPolicyInput = z.infer<typeof slaPolicyBody>;

export const slaPolicySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    match: z.object({
      accountPriority: z.array(z.string()),
      taskPriority: z.array(z.string()),
      tags: z.array(z.string()),
      tier: z.array(z.string()),
      projectKind: z.array(z.string()),
    }),
    metric: z.enum(['untouchedFor', 'firstResponse']),
    threshold: z.string(),
    warnAt: z.number(),
    chain: z.array(z.object({ notify: z.string(), after: z.string().optional() })),
    businessHours: z
      .object({
        timezone: z.string(),
        days: z.array(z.number()),
        start: z.string(),
        end: z.string(),
      })
      .nullable(),
    enabled: z.boolean(),
  })
  .openapi('SlaPolicy');

export type SlaPolicy = z.infer<typeof slaPolicySchema> & { thresholdSeconds: number };

export function toPolicy(row: PolicyRow): SlaPolicy {
  return {
    id: row.id,
    name: row.name,
    match: slaPolicyBody.shape.match.parse(row.match) as SlaPolicy['match'],
    metric: row.metric,
    threshold: row.threshold,
    thresholdSeconds: row.threshold_seconds,
    warnAt: Number(row.warn_at),
    chain: row.chain as SlaPolicy['chain'],
    businessHours: row.business_hours as BusinessHours | null,
    enabled: row.enabled,
  };
}

export async function listPolicies(
  db: Db,
  workspaceId: string,
  options: { enabledOnly?: boolean } = {},
): Promise<SlaPolicy[]> {
  return (await store.policyRows(db, workspaceId, options)).map(toPolicy);
}

export async function findPolicy(db: Db, workspaceId: string, id: string): Promise<SlaPolicy> {
  const row = await store.findPolicyRow(db, workspaceId, id);
  if (!row) throw new AppError('sla_policy.not_found', { key: 'notify.problem.noSlaPolicy' });
  return toPolicy(row);
}

/** Chain steps naming a person must name someone of this workspace. */
export async function checkChainPeople(db: Db, workspaceId: WorkspaceId, input: SlaPolicyInput) {
  const named = input.chain
    .map((step, i) => ({ id: step.notify, i }))
    .filter((s) => !(roles as readonly string[]).includes(s.id));
  if (named.length === 0) return;
  const found = await store.usersAmong(
    db,
    workspaceId,
    named.map((n) => n.id),
  );
  const known = new Set(found.map((f) => f.id));
  const errors = named
    .filter((n) => !known.has(n.id))
    .map((n) => fieldProblem(`chain.${n.i}.notify`, 'errors.field.noPerson'));
  if (errors.length > 0) throw invalid(errors);
}

export function policyRow(input: SlaPolicyInput): PolicyColumns {
  return {
    name: input.name,
    match: JSON.stringify(input.match),
    metric: input.metric,
    threshold: input.threshold,
    threshold_seconds: Math.round(durationSeconds(input.threshold) ?? 0),
    warn_at: input.warnAt,
    chain: JSON.stringify(input.chain),
    business_hours: input.businessHours ? JSON.stringify(input.businessHours) : null,
    enabled: input.enabled,
  };
}
