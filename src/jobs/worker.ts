// Runs the graphile-worker pool in this process (roles `all` and `worker`).
import { EventEmitter } from 'node:events';
import { run, type Runner, type TaskList, type WorkerEvents } from 'graphile-worker';
import type pg from 'pg';
import type { Logger } from '../lib/logger.ts';
import { Logger as WorkerLogger } from 'graphile-worker';
import { watchWorkerLiveness } from './liveness/index.ts';
import { stewardCrontab } from './tasks.ts';

export async function startWorker(options: {
  pool: pg.Pool;
  taskList: TaskList;
  concurrency: number;
  logger: Logger;
}): Promise<Pick<Runner, 'stop'>> {
  const log = options.logger.child({ component: 'worker' });
  const events = new EventEmitter() as WorkerEvents;
  // Watching first, so that it hears of every worker the runner makes.
  const liveness = await watchWorkerLiveness({ pool: options.pool, events, logger: log });
  const runner = await run({
    pgPool: options.pool,
    events,
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
  return {
    async stop() {
      await runner.stop();
      await liveness.stop();
    },
  };
}
