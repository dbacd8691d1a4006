// A query's answer drawn as a transition. A query's hook re-renders its component at once, in
// one synchronous task, when the answer arrives (TanStack Query reads the cache through
// useSyncExternalStore); a panel that draws a lot from it then holds a phone's main thread.
// Through useDrawnLater the component sees the answer from a deferred copy: React draws it in
// slices a tap can come between, the panel showing what it showed before (its loading note, or
// the previous answer) meanwhile.
import { startTransition, useDeferredValue, useEffect, useState } from 'react';

type Answer = { data: unknown; isPending: boolean; status: string; error: unknown };

export function useDrawnLater<Result extends Answer>(result: Result): Result {
  const current = result.data ?? null;
  const drawn = useDeferredValue(current, null);
  if (drawn === current) return result;
  if (drawn !== null) return { ...result, data: drawn };
  // Not drawn yet: as the query looked while its answer was on its way.
  return { ...result, data: undefined, isPending: true, isSuccess: false, status: 'pending' };
}

// A long list drawn a screenful at a time: the first `first` items at once, then `first` more
// in each following transition, one task apart, until all are drawn. Each commit (and the
// browser's layout after it) stays short on a phone, where fifty cards in one commit held the
// main thread. Items are only ever added below those drawn, so nothing on screen moves; a list
// that grows later (another page loaded) is drawn on in the same steps.
export function useDrawnInSlices<Item>(items: readonly Item[], first: number): readonly Item[] {
  const [count, setCount] = useState(first);
  const more = count < items.length;
  useEffect(() => {
    if (!more) return;
    const next = setTimeout(() => startTransition(() => setCount((drawn) => drawn + first)));
    return () => clearTimeout(next);
  }, [more, count, first]);
  return more ? items.slice(0, count) : items;
}
