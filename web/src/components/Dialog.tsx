// The modal panel of the app, on Radix's dialog: in its own file so the screens without a
// dialog (the portfolio first) do not download it.
import * as RadixDialog from '@radix-ui/react-dialog';
import { useRef, useState, type ReactNode } from 'react';
import { Button } from './ui.tsx';

/** The first control a person would fill in, inside `root`. */
const firstField = (root: HTMLElement | null) =>
  root?.querySelector<HTMLElement>(
    'input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])',
  ) ?? null;

/**
 * A modal panel: a bottom sheet on a phone; on wide screens docked at the right (`side`) or
 * centred (`center`). Radix keeps the focus inside while it is open, gives it back to what
 * had it on close, and locks the page's scroll; Escape, a tap on the backdrop and ✕ close it.
 */
export function Dialog({
  title,
  closeLabel,
  onClose,
  placement,
  focusClose = false,
  hideTitle = false,
  children,
}: {
  title: ReactNode;
  closeLabel: string;
  onClose: () => void;
  placement: 'side' | 'center';
  /** Start with the focus on ✕ (a panel to read, not a form to fill); else on the first field. */
  focusClose?: boolean;
  /** The title is read out but not shown, when the first field already says it ("Add note"). */
  hideTitle?: boolean;
  children: ReactNode;
}) {
  const closeRef = useRef<HTMLButtonElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  // Opened by the page rather than a Radix trigger: remember what had the focus, to give it back.
  const [opener] = useState(() => document.activeElement);
  return (
    <RadixDialog.Root open onOpenChange={(open) => !open && onClose()}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay
          className={`fixed inset-0 z-40 flex items-end bg-black/50 ${placement === 'side' ? 'lg:items-stretch lg:justify-end' : 'sm:items-center sm:justify-center'}`}
        >
          <RadixDialog.Content
            aria-describedby={undefined}
            onCloseAutoFocus={(event) => {
              event.preventDefault();
              if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
            }}
            onOpenAutoFocus={(event) => {
              event.preventDefault();
              (focusClose
                ? closeRef.current
                : (firstField(bodyRef.current) ?? closeRef.current)
              )?.focus();
            }}
            className={`relative flex w-full flex-col gap-4 overflow-y-auto rounded-t-2xl border border-line bg-surface p-4 pb-[max(1rem,env(safe-area-inset-bottom))] text-ink shadow-xl ${hideTitle ? 'pt-10' : ''} ${placement === 'side' ? 'max-h-[88vh] lg:max-h-none lg:w-[30rem] lg:rounded-none' : 'max-h-[92vh] sm:max-w-lg sm:rounded-2xl'}`}
          >
            <div
              className={`flex items-start justify-between gap-2 ${hideTitle ? 'absolute top-2 right-2' : ''}`}
            >
              <RadixDialog.Title className={hideTitle ? 'sr-only' : 'text-xl font-semibold'}>
                {title}
              </RadixDialog.Title>
              <RadixDialog.Close asChild>
                <Button ref={closeRef} variant="ghost" aria-label={closeLabel}>
                  ✕
                </Button>
              </RadixDialog.Close>
            </div>
            <div ref={bodyRef} className="contents">
              {children}
            </div>
          </RadixDialog.Content>
        </RadixDialog.Overlay>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
