// A long page's later parts, drawn once the first screen is up: a part is drawn when it comes
// near the screen, or else when the browser is next idle, one part at a time — so a phone
// shows the top of a page without first building every panel below it (and fetching their
// data and code). Each part is drawn as a transition: React builds it in slices between
// which the page answers a tap.
import { startTransition, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';

const waiting: (() => void)[] = [];
let scheduled = false;

const whenIdle = (run: () => void) =>
  typeof requestIdleCallback === 'function'
    ? requestIdleCallback(run, { timeout: 2000 })
    : setTimeout(run, 100);

/** Draws the waiting parts one per idle moment, in the order they were put on the page. */
function drawNextWhenIdle() {
  if (scheduled) return;
  scheduled = true;
  whenIdle(() => {
    scheduled = false;
    waiting.shift()?.();
    if (waiting.length > 0) drawNextWhenIdle();
  });
}

export function Deferred({ children }: { children: ReactNode }) {
  const [drawn, setDrawn] = useState(false);
  const place = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (drawn || !place.current) return;
    const draw = () => startTransition(() => setDrawn(true));
    waiting.push(draw);
    drawNextWhenIdle();
    // Within one screen's height of being seen: drawn now.
    const near = new IntersectionObserver(
      (entries) => entries.some((entry) => entry.isIntersecting) && draw(),
      { rootMargin: '100% 0px' },
    );
    near.observe(place.current);
    return () => {
      near.disconnect();
      const at = waiting.indexOf(draw);
      if (at >= 0) waiting.splice(at, 1);
    };
  }, [drawn]);
  if (!drawn) return <div ref={place} className="min-h-24" />;
  return <Suspense fallback={<div className="min-h-24" />}>{children}</Suspense>;
}
