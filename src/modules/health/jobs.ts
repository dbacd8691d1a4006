// The health module's background jobs: it subscribes to the accounts module's announcement that
// accounts changed (`accounts__changed`, accounts/changes.ts) and rescores the changed ones, and
// a daily rescore of everything keeps the daily history and catches renewals coming into a
// play's window.
import { z } from 'zod';
import { cronPayload, type JobDefinition } from '../../jobs/registry.ts';
import type { WorkspaceId } from '../../lib/ids.ts';
import { accountsChangedPayload } from '../accounts/index.ts';
import { rescoreChanged, rescoreEverything } from './service.ts';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace GraphileWorker {
    // Declaration merging is the point here: graphile-worker types add_job by these payloads.
    // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
    interface Tasks {
      health__rescore_all: z.infer<typeof cronPayload>;
    }
  }
}

export const healthJobs: {
  accounts__changed: JobDefinition<'accounts__changed'>;
  health__rescore_all: JobDefinition<'health__rescore_all'>;
} = {
  accounts__changed: {
    payload: accountsChangedPayload,
    run: async (deps, { workspaceId }) => {
      await rescoreChanged(deps, workspaceId as WorkspaceId);
    },
  },
  health__rescore_all: {
    payload: cronPayload,
    run: async (deps) => {
      await rescoreEverything(deps);
    },
  },
};

/** Daily at 00:10 UTC: the day's history row for every account, and renewal plays. */
export const healthCrontab = '10 0 * * * health__rescore_all';
