// A QBR prep page opened from a shared link, without a sign-in: read-only, in the language it
// was shared in, with no app around it.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSharedQbrPrep } from '../../api/revenue.ts';
import { Loading } from '../../components/ui.tsx';
import { i18next } from '../../i18n/index.ts';
import { QbrPrepView } from './QbrPrepView.tsx';

export function SharedQbrPage({ token }: { token: string }) {
  const { t } = useTranslation('revenue');
  const prep = useSharedQbrPrep(token);
  const locale = prep.data?.locale;
  useEffect(() => {
    // The page's language for this visit only: a visitor's own choice is not overwritten.
    if (!locale) return;
    document.documentElement.lang = locale;
    void i18next.changeLanguage(locale);
  }, [locale]);
  return (
    <main id="main" className="mx-auto max-w-5xl px-4 py-4">
      {prep.isPending ? (
        <Loading />
      ) : prep.error ? (
        <p role="alert" className="rounded-lg border border-line p-4">
          {t('prep.notAvailable')}
        </p>
      ) : (
        <QbrPrepView prep={prep.data} />
      )}
    </main>
  );
}
