// A chart's drawing, deferred until it is about to scroll into view: the charting library
// (Recharts and what only it uses, the largest chunk of the app) is fetched and run then, not
// with the screen's first paint, where it would hold a phone's main thread for most of a second
// below the fold. Until then an empty box of the drawing's own size keeps its room, so the page
// does not shift when it arrives, and carries its text alternative.
import { startTransition, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';

/** How far below (or above) the screen a chart starts to load: a quarter of the screen. */
const ahead = '25% 0px';

function useNearScreen() {
  const ref = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (near || !element) return;
    if (typeof IntersectionObserver === 'undefined') {
      setNear(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        // Drawn as a transition: React renders the chart in slices a tap can come between.
        startTransition(() => setNear(true));
      },
      { rootMargin: ahead },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [near]);
  return { ref, near };
}

type Props = {
  /** The drawing's height in pixels; its width is the figure's unless given. */
  height: number;
  width?: number;
  /** The drawing's text alternative while it is not drawn yet; none for a hidden drawing. */
  label?: string | undefined;
  children: ReactNode;
};

export function DeferredDrawing({ height, width, label, children }: Props) {
  const { ref, near } = useNearScreen();
  const room = (
    <div
      ref={ref}
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
      style={{ height, width: width ?? '100%' }}
    />
  );
  if (!near) return room;
  return <Suspense fallback={room}>{children}</Suspense>;
}
