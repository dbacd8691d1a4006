// A worker process killed with SIGKILL (or lost with its machine) leaves the jobs it had taken
// locked, and graphile-worker frees such jobs only after four hours: an SLA step or a
// notification would wait that long. So each worker process holds, on a connection of its own,
// an advisory lock per graphile-worker worker id it runs — PostgreSQL drops them when the
// process dies — and every worker process sweeps at start and then every 15 seconds: a
// worker id that holds jobs but whose lock is free belongs to a dead process, and its jobs are
// unlocked to run again now. Handlers are idempotent (they re-read state), so a job cut off
// midway is safe to run again.
import { makeWorkerUtils, type WorkerEvents } from 'graphile-worker';
import type pg from 'pg';
import type { Logger } from '../../lib/logger.ts';
import { holdWorkerLock, workerIsGone, workersHoldingJobs } from './store.ts';

/** A job locked for less than this is never taken from its worker (its lock may be on its way). */
const graceSeconds = 10;
const sweepEveryMs = 15_000;

export type Liveness = { stop(): Promise<void> };

export async function watchWorkerLiveness(options: {
  pool: pg.Pool;
  /** graphile-worker's `events`: announces each worker this process runs. */
  events: WorkerEvents;
  logger: Logger;
}): Promise<Liveness> {
  const { pool, events, logger } = options;
  const holder = await pool.connect();
  let held = Promise.resolve();
  const onWorker = ({ worker }: { worker: { workerId: string } }) => {
    held = held.then(() =>
      holdWorkerLock(holder, worker.workerId).catch((error: unknown) =>
        logger.warn({ err: error, workerId: worker.workerId }, 'could not mark a worker alive'),
      ),
    );
  };
  events.on('worker:create', onWorker);
  const utils = await makeWorkerUtils({ pgPool: pool });

  const sweep = async () => {
    const candidates = await workersHoldingJobs(pool, graceSeconds);
    if (candidates.length === 0) return;
    const client = await pool.connect();
    try {
      const gone: string[] = [];
      for (const workerId of candidates) {
        if (await workerIsGone(client, workerId)) gone.push(workerId);
      }
      if (gone.length > 0) {
        await utils.forceUnlockWorkers(gone);
        logger.warn({ workers: gone }, 'unlocked the jobs of workers whose process is gone');
      }
    } finally {
      client.release();
    }
  };
  const sweepSafely = () =>
    sweep().catch((error: unknown) => logger.warn({ err: error }, 'worker liveness sweep failed'));
  await sweepSafely();
  const timer = setInterval(() => void sweepSafely(), sweepEveryMs);
  timer.unref();

  return {
    async stop() {
      clearInterval(timer);
      events.off('worker:create', onWorker);
      await held;
      await utils.release();
      // Ending the session releases its locks: this process's workers are stopped by now.
      holder.release(true);
    },
  };
}
