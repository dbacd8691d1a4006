// The auth module's background job: once a day, forget what has ended — sessions past their
// idle expiry or their absolute lifetime, sign-in throttles with no recent failure, and
// password reset links expired for a day.
import { dayMs } from '../../lib/calendar.ts';
import { cronPayload, type JobDefinition, type JobHandler } from '../../jobs/registry.ts';
import { sessionAbsoluteMs } from './sessions.ts';
import * as store from './store/signIn.ts';
import { signInRules } from './throttle.ts';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace GraphileWorker {
    // Declaration merging is the point here: graphile-worker types add_job by these payloads.
    // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
    interface Tasks {
      auth__forget_ended: Record<string, unknown>;
    }
  }
}

export const forgetEnded: JobHandler<'auth__forget_ended'> = async ({ db, clock, logger }) => {
  const now = clock.now();
  const sessions = await store.deleteEndedSessions(
    db,
    now,
    new Date(now.getTime() - sessionAbsoluteMs),
  );
  const throttles = await store.deleteStaleThrottles(
    db,
    new Date(now.getTime() - signInRules.windowMs),
    now,
  );
  const resets = await store.deleteOldResets(db, new Date(now.getTime() - dayMs));
  logger.info({ sessions, throttles, resets }, 'forgot ended sessions, throttles and reset links');
};

export const authJobs: { auth__forget_ended: JobDefinition<'auth__forget_ended'> } = {
  auth__forget_ended: { payload: cronPayload, run: forgetEnded },
};

/** Daily, at a quiet hour. */
export const authCrontab = '23 3 * * * auth__forget_ended';
