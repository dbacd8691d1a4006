// Work the seed can do two at a time: items independent of one another, taken in order by two
// lanes, keep the database busy while each waits on it.

/** Runs `work` on every item, two at a time, each lane taking the next item when it is free. */
export async function twoAtATime<T>(items: readonly T[], work: (item: T) => Promise<unknown>) {
  const pending = [...items];
  const lane = async () => {
    for (let item = pending.shift(); item !== undefined; item = pending.shift()) await work(item);
  };
  await Promise.all([lane(), lane()]);
}
