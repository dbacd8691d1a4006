// Which layout the screen is wide enough for, as the stylesheet's breakpoints say (Tailwind's
// sm at 40rem, md at 48rem). A screen renders only the layout it shows — the phone's cards or
// the desk's table, never both with one hidden — and follows a rotated phone or resized window.
import { useSyncExternalStore } from 'react';

const breakpoints = { sm: '(min-width: 40rem)', md: '(min-width: 48rem)' } as const;
type Breakpoint = keyof typeof breakpoints;

const watched = new Map<
  Breakpoint,
  { matches: () => boolean; subscribe: (changed: () => void) => () => void }
>();

function watch(breakpoint: Breakpoint) {
  let found = watched.get(breakpoint);
  if (!found) {
    const media = matchMedia(breakpoints[breakpoint]);
    found = {
      matches: () => media.matches,
      subscribe: (changed) => {
        media.addEventListener('change', changed);
        return () => media.removeEventListener('change', changed);
      },
    };
    watched.set(breakpoint, found);
  }
  return found;
}

export function useWiderThan(breakpoint: Breakpoint): boolean {
  const { subscribe, matches } = watch(breakpoint);
  return useSyncExternalStore(subscribe, matches);
}
