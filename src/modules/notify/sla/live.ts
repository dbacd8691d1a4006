// When an SLA clock may run: only on live work. "P0 task untouched for 2 hours" is about work
// that should be moving now, not about the tasks a template laid out weeks ahead. Pure.
//
// The rule (shown on the SLA policy editor):
// - a task becomes live at the earliest of: the moment someone started it, its start date
//   (`startAt`), or — without a start date — the beginning of its due day in the workspace's
//   time zone;
// - a task with none of these (no dates, not started) is live from its creation: it was
//   created for now, as is a task whose dates have already arrived when it is created;
// - the clock then counts from the later of that moment and the policy's own start: the last
//   touch (`untouchedFor`) or the creation (`firstResponse`). A touch before the task is live
//   does not stop the clock from starting when it becomes live.
// Pausing (blocked, waiting on the customer, done) is separate: see plan.ts.

export type LiveFacts = {
  /** When someone moved it out of "to do"; null while nobody has. */
  startedAt: Date | null;
  /** Its start date, when it has one. */
  startAt: Date | null;
  /** The start of its due day in the workspace's time zone, when it has a due date. */
  dueDayStart: Date | null;
};

/** When the task becomes (or became) live; null when it was live from creation. */
export function liveFrom(task: LiveFacts): Date | null {
  const planned = task.startAt ?? task.dueDayStart;
  const moments = [task.startedAt, planned].filter((d): d is Date => d !== null);
  if (moments.length === 0) return null;
  return new Date(Math.min(...moments.map((d) => d.getTime())));
}

/** The moment an SLA clock starts: its metric's start, held back until the task is live. */
export function clockStart(metricStart: Date, task: LiveFacts): Date {
  const live = liveFrom(task);
  return live && live.getTime() > metricStart.getTime() ? live : metricStart;
}
