// Every background task Steward runs, by name.
import type { TaskList } from 'graphile-worker';
import type { Deps } from '../context.ts';
import { importJobs } from '../modules/intake/import/index.ts';
import { usageCrontab, usageJobs } from '../modules/intake/segment/index.ts';
import { notifyCrontab, notifyJobs } from '../modules/notify/index.ts';
import { healthCrontab, healthJobs } from '../modules/health/index.ts';
import { voiceCrontab, voiceJobs } from '../modules/voice/index.ts';
import { revenueCrontab, revenueJobs } from '../modules/revenue/index.ts';
import { toTaskList, type JobDefinitions } from './registry.ts';

export function stewardTasks(deps: Deps): TaskList {
  // `satisfies`: a task registered without a handler does not compile.
  return toTaskList(deps, {
    ...importJobs,
    ...usageJobs,
    ...notifyJobs,
    ...healthJobs,
    ...revenueJobs,
    ...voiceJobs,
  } satisfies JobDefinitions);
}

/** Recurring jobs, in graphile-worker's crontab format (one line each). */
export const stewardCrontab = [
  usageCrontab,
  notifyCrontab,
  healthCrontab,
  voiceCrontab,
  revenueCrontab,
].join('\n');
