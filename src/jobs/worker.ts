// Runs the graphile-worker pool in this process (roles `all` and `worker`).
import { run, type Runner, type TaskList } from 'graphile-worker';
import type pg from 'pg';
import type { Logger } from '../lib/logger.ts';
import { Logger as WorkerLogger } from 'graphile-worker';
import { stewardCrontab } from './tasks.ts';

export async function startWorker(options: {
  pool: pg.Pool;
  taskList: TaskList;
  concurrency: number;
  logger: Logger;
}): Promise<Runner> {
  const log = options.logger.child({ component: 'worker' });
  return run({
    pgPool: options.pool,
    taskList: options.taskList,
    crontab: stewardCrontab,
    concurrency: options.concurrency,
    noHandleSignals: true,
    pollInterval: 1000,
    logger: new WorkerLogger(() => (level, message, meta) => {
      // Every finished job is announced at info level with its whole row: routine chatter that
      // would drown the request log, so it goes to debug. Failures keep their level.
      const routine = level === 'info' && meta !== undefined && 'job' in meta;
      const pinoLevel =
        level === 'error'
          ? 'error'
          : level === 'warning'
            ? 'warn'
            : level === 'info' && !routine
              ? 'info'
              : 'debug';
      log[pinoLevel](meta ?? {}, message);
    }),
  });
}
