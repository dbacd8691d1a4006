// Every background task Steward runs, by name.
import type { TaskList } from 'graphile-worker';
import type { Deps } from '../http/deps.ts';
import { accountJobs } from '../modules/accounts/index.ts';
import { toTaskList } from './registry.ts';

export function stewardTasks(deps: Deps): TaskList {
  return toTaskList(deps, { ...accountJobs });
}
