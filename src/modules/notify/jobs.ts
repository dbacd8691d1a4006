// The notify module's background jobs; each payload is parsed with zod (registry.ts).
import { z } from 'zod';
import { topicPayloads, type TopicPayload } from '../../jobs/announce.ts';
import { cronPayload, type JobDefinition, type JobHandler } from '../../jobs/registry.ts';
import { onActivityRecorded } from './activity.ts';
import { buildDueDigests } from './digests.ts';
import { sendDelivery } from './deliveries.ts';
import { checkTaskSla, escalateUnansweredMention } from './sla/check.ts';
import { findPolicy } from './sla/policy.ts';
import { armPolicyTimers, armProjectTimers } from './sla/timers.ts';

const payloads = {
  /** Notify's subscription to `activity__recorded` (src/jobs/announce.ts). */
  notification__route: topicPayloads.activity__recorded,
  notification__build_digests: cronPayload,
  /** A batch of outbox rows; one row is what jobs queued before batches carry. */
  delivery__send: z.union([
    z.object({ deliveryIds: z.array(z.uuid()).min(1) }),
    z.object({ deliveryId: z.uuid() }),
  ]),
  task__sla_check: z.object({ taskId: z.uuid(), policyId: z.uuid(), epoch: z.string() }),
  mention__escalate: z.object({ mentionId: z.uuid(), policyId: z.uuid().nullable() }),
  sla_policy__arm_timers: z.object({ workspaceId: z.uuid(), policyId: z.uuid() }),
  project__arm_sla_timers: z.object({ workspaceId: z.uuid(), projectId: z.uuid() }),
};

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace GraphileWorker {
    // Declaration merging is the point here: graphile-worker types add_job by these payloads.
    // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
    interface Tasks {
      notification__route: TopicPayload<'activity__recorded'>;
      notification__build_digests: z.infer<typeof cronPayload>;
      delivery__send: z.infer<typeof payloads.delivery__send>;
      task__sla_check: z.infer<typeof payloads.task__sla_check>;
      mention__escalate: z.infer<typeof payloads.mention__escalate>;
      sla_policy__arm_timers: z.infer<typeof payloads.sla_policy__arm_timers>;
      /** Queued by work when a template lays out (or upgrades) a project's tasks. */
      project__arm_sla_timers: z.infer<typeof payloads.project__arm_sla_timers>;
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
  notification__route: { payload: payloads.notification__route, run: onActivityRecorded },
  notification__build_digests: { payload: cronPayload, run: buildDueDigests },
  delivery__send: { payload: payloads.delivery__send, run: sendDelivery },
  task__sla_check: { payload: payloads.task__sla_check, run: checkTaskSla },
  mention__escalate: { payload: payloads.mention__escalate, run: escalateUnansweredMention },
  sla_policy__arm_timers: { payload: payloads.sla_policy__arm_timers, run: armTimersForPolicy },
  project__arm_sla_timers: {
    payload: payloads.project__arm_sla_timers,
    run: async ({ db }, payload) => {
      await armProjectTimers(db, payload.workspaceId, payload.projectId);
    },
  },
};

/** Digests every 5 minutes: each person's local digest hour falls on some run. */
export const notifyCrontab = '*/5 * * * * notification__build_digests';
