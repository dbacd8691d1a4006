// A short word after something is done, at the foot of the screen, with the one thing to do about
// it (undo). It outlives the screen that showed it (removing an account leaves its page), so the
// frame holds it. It stays ten seconds, waits while a pointer or the keyboard is on it, and can be
// dismissed with its button or Escape; one at a time, a new one in the last one's place. Its live
// region is on the page from the start, so screen readers announce what appears in it.
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './ui.tsx';

/** What a toast's content may do to it: close it, or keep it until it is dismissed. */
export type ToastControls = { dismiss: () => void; keep: () => void };
type ToastContent = (controls: ToastControls) => ReactNode;

const ShowToast = createContext<(content: ToastContent) => void>(() => undefined);

/** Shows a toast; its content is drawn by the frame, so it may use the router and queries. */
export const useToast = () => useContext(ShowToast);

const shownFor = 10_000;

function Toast({ content, dismiss }: { content: ToastContent; dismiss: () => void }) {
  const { t } = useTranslation();
  const [pointed, setPointed] = useState(false);
  const [focused, setFocused] = useState(false);
  const [kept, setKept] = useState(false);
  const keep = useCallback(() => setKept(true), []);
  const waiting = !pointed && !focused && !kept;
  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(dismiss, shownFor);
    return () => clearTimeout(timer);
  }, [waiting, dismiss]);
  return (
    <div
      className="pointer-events-auto flex w-full max-w-md items-start gap-2 rounded-xl border border-line bg-surface p-3 text-ink shadow-lg"
      onPointerEnter={() => setPointed(true)}
      onPointerLeave={() => setPointed(false)}
      onFocus={() => setFocused(true)}
      onBlur={(event) => setFocused(event.currentTarget.contains(event.relatedTarget))}
      onKeyDown={(event) => event.key === 'Escape' && dismiss()}
    >
      <div className="flex min-w-0 flex-1 flex-col gap-2">{content({ dismiss, keep })}</div>
      <Button variant="ghost" className="px-2" aria-label={t('common.close')} onClick={dismiss}>
        <span aria-hidden="true">×</span>
      </Button>
    </div>
  );
}

/** The frame's toast: whatever is inside may show one with `useToast`. */
export function ToastHost({ children }: { children: ReactNode }) {
  const [toast, setToast] = useState<{ id: number; content: ToastContent } | null>(null);
  const show = useCallback(
    (content: ToastContent) => setToast((was) => ({ id: (was?.id ?? 0) + 1, content })),
    [],
  );
  const dismiss = useCallback(() => setToast(null), []);
  return (
    <ShowToast.Provider value={show}>
      {children}
      {/* Above a phone's bottom bar; at the foot of the screen on a desk. */}
      <div
        role="status"
        className="pointer-events-none fixed inset-x-0 bottom-20 z-20 flex justify-center px-3 md:bottom-6"
      >
        {toast && <Toast key={toast.id} content={toast.content} dismiss={dismiss} />}
      </div>
    </ShowToast.Provider>
  );
}
