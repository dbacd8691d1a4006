// The quick actions (quickIntents.ts) on the home page: each asks its question and opens the
// command bar with the answer's widget.
import { useTranslation } from 'react-i18next';
import { openAsk } from './AskHost.tsx';
import { quickIntents } from './quickIntents.ts';

export function QuickActions() {
  const { t } = useTranslation('assistant');
  return (
    <section aria-labelledby="quick-actions-title" className="flex flex-col gap-2">
      <h2 id="quick-actions-title" className="text-sm font-semibold text-muted">
        {t('quick.title')}
      </h2>
      <ul className="grid grid-cols-2 gap-2 sm:grid-cols-4 xl:grid-cols-8">
        {quickIntents.map((intent) => (
          <li key={intent}>
            <button
              type="button"
              onClick={() => openAsk(t(`questions.${intent}`))}
              className="flex min-h-11 w-full items-center rounded-lg border border-line bg-surface px-3 py-2 text-left text-sm font-medium text-ink hover:bg-raised"
            >
              {t(`quick.${intent}`)}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
