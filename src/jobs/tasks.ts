// Every background task Steward runs, by name.
import type { TaskList } from 'graphile-worker';
import type { Deps } from '../context.ts';
import { authCrontab, authJobs } from '../modules/auth/index.ts';
import { importJobs } from '../modules/intake/import/index.ts';
import { usageCrontab, usageJobs } from '../modules/intake/segment/index.ts';
import { notifyCrontab, notifyJobs, passwordResetJobs } from '../modules/notify/index.ts';
import { healthCrontab, healthJobs } from '../modules/health/index.ts';
import { voiceCrontab, voiceJobs } from '../modules/voice/index.ts';
import { revenueCrontab, revenueJobs } from '../modules/revenue/index.ts';
import { webhookJobs } from '../modules/webhooks/index.ts';
import { toTaskList, type JobDefinitions } from './registry.ts';

export function stewardTasks(deps: Deps): TaskList {
  // `satisfies`: a task registered without a handler does not compile.
  return toTaskList(deps, {
    ...authJobs,
    ...importJobs,
    ...usageJobs,
    ...notifyJobs,
    ...passwordResetJobs,
    ...healthJobs,
    ...revenueJobs,
    ...voiceJobs,
    ...webhookJobs,
  } satisfies JobDefinitions);
}

/** Recurring jobs, in graphile-worker's crontab format (one line each). */
export const stewardCrontab = [
  authCrontab,
  usageCrontab,
  notifyCrontab,
  healthCrontab,
  voiceCrontab,
  revenueCrontab,
].join('\n');
