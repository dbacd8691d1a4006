// The revenue module's background job: a daily record of every account's renewal date
// (renewal rate needs the renewals that fell due, and billing moves an account's date on once
// it renews). Meeting invitations go out through notify's outbox and its `delivery__send`.
import { z } from 'zod';
import { cronPayload, type JobDefinition } from '../../jobs/registry.ts';
import { recordRenewals } from './store/renewals.ts';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace GraphileWorker {
    // Declaration merging is the point here: graphile-worker types add_job by these payloads.
    // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
    interface Tasks {
      revenue__record_renewals: z.infer<typeof cronPayload>;
    }
  }
}

export const revenueJobs: {
  revenue__record_renewals: JobDefinition<'revenue__record_renewals'>;
} = {
  revenue__record_renewals: {
    payload: cronPayload,
    run: async ({ db, clock }) => {
      await recordRenewals(db, null, clock.now());
    },
  },
};

/** Daily at 00:20 UTC, after health's rescore: every account's renewal date as it stands. */
export const revenueCrontab = '20 0 * * * revenue__record_renewals';
