// The health module's background jobs: a rescore of the accounts whose data changed (batched
// per workspace, see rescoreSoon.ts) and a daily rescore of everything, which also keeps the
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
      /** A batch: requests for one workspace accumulate in one job (rescoreSoon.ts). */
      account__rescore: { workspaceId: string; accountId: string }[];
      health__rescore_all: Record<string, unknown>;
    }
  }
}

export const healthJobs: {
  account__rescore: JobDefinition<'account__rescore'>;
  health__rescore_all: JobDefinition<'health__rescore_all'>;
} = {
  account__rescore: {
    payload: z.array(z.object({ workspaceId: z.uuid(), accountId: z.uuid() })),
    run: async (deps, requests) => {
      const byWorkspace = new Map<string, Set<string>>();
      for (const { workspaceId, accountId } of requests) {
        const accounts = byWorkspace.get(workspaceId) ?? new Set<string>();
        accounts.add(accountId);
        byWorkspace.set(workspaceId, accounts);
      }
      for (const [workspaceId, accounts] of byWorkspace) {
        await rescore(deps, workspaceId as WorkspaceId, [...accounts]);
      }
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
