// Ask Steward from anywhere: ⌘K / Ctrl+K, the Ask button in the top bar (on a phone too) and
// the quick actions open the command bar. One host, placed once in the shell, listens for them;
// the bar's code loads only when it first opens.
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

const CommandBar = lazy(() =>
  import('./CommandBar.tsx').then((module) => ({ default: module.CommandBar })),
);

const openEvent = 'steward:ask';

/** Opens the command bar; with a question (a quick action), asks it at once. */
export function openAsk(question?: string) {
  document.dispatchEvent(new CustomEvent<string | undefined>(openEvent, { detail: question }));
}

type Opening = { question: string | undefined; serial: number };

export function AskHost() {
  const [opening, setOpening] = useState<Opening | null>(null);
  useEffect(() => {
    const open = (question: string | undefined) =>
      setOpening((before) => ({ question, serial: (before?.serial ?? 0) + 1 }));
    const onOpen = (event: Event) => open((event as CustomEvent<string | undefined>).detail);
    const shortcut = (event: KeyboardEvent) => {
      if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        open(undefined);
      }
    };
    document.addEventListener(openEvent, onOpen);
    document.addEventListener('keydown', shortcut);
    return () => {
      document.removeEventListener(openEvent, onOpen);
      document.removeEventListener('keydown', shortcut);
    };
  }, []);
  if (!opening) return null;
  return (
    <Suspense fallback={null}>
      <CommandBar
        key={opening.serial}
        initialQuestion={opening.question}
        onClose={() => setOpening(null)}
      />
    </Suspense>
  );
}

/** The visible way in, on every screen size: a touch target with the shortcut beside it. */
export function AskButton() {
  const { t } = useTranslation('assistant');
  return (
    <button
      type="button"
      onClick={() => openAsk()}
      aria-keyshortcuts="Control+K Meta+K"
      className="flex min-h-11 min-w-11 items-center justify-center gap-2 rounded-lg border border-line px-3 text-sm text-ink hover:bg-raised"
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className="h-5 w-5"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
      >
        <circle cx="11" cy="11" r="7" />
        <path d="m20 20-3.5-3.5" />
      </svg>
      <span>{t('askShort')}</span>
      <kbd className="hidden rounded border border-line px-1 text-xs text-muted md:inline">
        {t('shortcut')}
      </kbd>
    </button>
  );
}
