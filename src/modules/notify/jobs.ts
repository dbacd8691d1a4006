// The notify module's background jobs; each payload is parsed with zod (registry.ts).
import { z } from 'zod';
import type { JobDefinition, JobHandler } from '../../jobs/registry.ts';
import { buildDueDigests } from './digests.ts';
import { sendDelivery } from './deliveries.ts';
import { notifyAboutEvent } from './notifyPeople.ts';
import { checkTaskSla, escalateUnansweredMention } from './sla/check.ts';
import { findPolicy } from './sla/policy.ts';
import { armPolicyTimers, armProjectTimers } from './sla/timers.ts';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace GraphileWorker {
    // Declaration merging is the point here: graphile-worker types add_job by these payloads.
    // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
    interface Tasks {
      notification__route: { eventId: string };
      notification__build_digests: Record<string, unknown>;
      delivery__send: { deliveryId: string };
      task__sla_check: { taskId: string; policyId: string; epoch: string };
      mention__escalate: { mentionId: string; policyId: string | null };
      sla_policy__arm_timers: { workspaceId: string; policyId: string };
      /** Queued by work when a template lays out (or upgrades) a project's tasks. */
      project__arm_sla_timers: { workspaceId: string; projectId: string };
    }
  }
}

const armTimersForPolicy: JobHandler<'sla_policy__arm_timers'> = async ({ db }, payload) => {
  const policy = await findPolicy(db, payload.workspaceId, payload.policyId).catch(() => undefined);
  if (policy?.enabled) await armPolicyTimers(db, payload.workspaceId, policy);
};

export const notifyJobs: {
  notification__route: JobDefinition<'notification__route'>;
  notification__build_digests: JobDefinition<'notification__build_digests'>;
  delivery__send: JobDefinition<'delivery__send'>;
  task__sla_check: JobDefinition<'task__sla_check'>;
  mention__escalate: JobDefinition<'mention__escalate'>;
  sla_policy__arm_timers: JobDefinition<'sla_policy__arm_timers'>;
  project__arm_sla_timers: JobDefinition<'project__arm_sla_timers'>;
} = {
  notification__route: { payload: z.object({ eventId: z.uuid() }), run: notifyAboutEvent },
  // Cron jobs carry graphile-worker's `_cron` metadata; nothing else is read.
  notification__build_digests: { payload: z.looseObject({}), run: buildDueDigests },
  delivery__send: { payload: z.object({ deliveryId: z.uuid() }), run: sendDelivery },
  task__sla_check: {
    payload: z.object({ taskId: z.uuid(), policyId: z.uuid(), epoch: z.string() }),
    run: checkTaskSla,
  },
  mention__escalate: {
    payload: z.object({ mentionId: z.uuid(), policyId: z.uuid().nullable() }),
    run: escalateUnansweredMention,
  },
  sla_policy__arm_timers: {
    payload: z.object({ workspaceId: z.uuid(), policyId: z.uuid() }),
    run: armTimersForPolicy,
  },
  project__arm_sla_timers: {
    payload: z.object({ workspaceId: z.uuid(), projectId: z.uuid() }),
    run: async ({ db }, payload) => {
      await armProjectTimers(db, payload.workspaceId, payload.projectId);
    },
  },
};

/** Digests every 5 minutes: each person's local digest hour falls on some run. */
export const notifyCrontab = '*/5 * * * * notification__build_digests';
