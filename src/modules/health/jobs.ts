// The health module's background jobs: a rescore after an account's data changed (debounced by
// its job key, see rescoreSoon.ts) and a daily rescore of everything, which also keeps the
// daily history and catches renewals coming into a play's window.
import { z } from 'zod';
import type { JobDefinition } from '../../jobs/registry.ts';
import type { WorkspaceId } from '../../lib/ids.ts';
import { rescore, rescoreEverything } from './service.ts';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace GraphileWorker {
    // Declaration merging is the point here: graphile-worker types add_job by these payloads.
    // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
    interface Tasks {
      account__rescore: { workspaceId: string; accountId: string };
      health__rescore_all: Record<string, unknown>;
    }
  }
}

export const healthJobs: {
  account__rescore: JobDefinition<'account__rescore'>;
  health__rescore_all: JobDefinition<'health__rescore_all'>;
} = {
  account__rescore: {
    payload: z.object({ workspaceId: z.uuid(), accountId: z.uuid() }),
    run: async (deps, { workspaceId, accountId }) => {
      await rescore(deps, workspaceId as WorkspaceId, [accountId]);
    },
  },
  // Cron jobs carry graphile-worker's `_cron` metadata; nothing else is read.
  health__rescore_all: {
    payload: z.looseObject({}),
    run: async (deps) => {
      await rescoreEverything(deps);
    },
  },
};

/** Daily at 00:10 UTC: the day's history row for every account, and renewal plays. */
export const healthCrontab = '10 0 * * * health__rescore_all';
