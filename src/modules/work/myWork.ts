// "My work": a person's open tasks across accounts — overdue, today, this week, later — with
// days counted in their own time zone.
import type { Db } from '../../db/connect.ts';
import type { Clock } from '../../lib/clock.ts';
import type { UserId, WorkspaceId } from '../../lib/ids.ts';
import { userTimezone } from './store.ts';
import { buckets, rankOpenTasksOf, type Bucket, type TaskFilter } from './tasks/store/myWork.ts';
import { taskRowsByIds } from './tasks/store/tasks.ts';
import { describeTask, type TaskView } from './tasks/view.ts';

export { buckets, type Bucket };

/** Items shown per bucket; the count says how many there are in all. */
const shownPerBucket = 100;

export async function myWork(
  db: Db,
  clock: Clock,
  person: { workspaceId: WorkspaceId; userId: UserId },
  only: TaskFilter = {},
) {
  const user = await userTimezone(db, person.workspaceId, person.userId);
  const ranked = await rankOpenTasksOf(
    db,
    person,
    { now: clock.now(), timezone: user.timezone },
    shownPerBucket,
    only,
  );

  const ids = ranked.map((r) => r.id);
  const rows = ids.length ? await taskRowsByIds(db, person.workspaceId, ids) : [];
  const byId = new Map(rows.map((row) => [row.id, describeTask(row)]));
  const result = Object.fromEntries(
    buckets.map((b) => [b, { count: 0, items: [] as TaskView[] }]),
  ) as Record<Bucket, { count: number; items: TaskView[] }>;
  for (const entry of ranked.sort((x, y) => Number(x.rank) - Number(y.rank))) {
    const group = result[entry.bucket];
    group.count = Number(entry.total);
    const task = byId.get(entry.id);
    if (task) group.items.push(task);
  }
  return { timezone: user.timezone, ...result };
}
