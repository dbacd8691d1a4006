// A settled (debounced) value for the scorecard's live backtest preview.
import { useEffect, useState } from 'react';

/** The value once it has stopped changing for `ms`: one request when typing settles, not one a key. */
export function useSettled<T>(value: T, ms = 400): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
