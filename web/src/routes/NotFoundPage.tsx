// An address no screen answers (an old bookmark, a mistyped link), inside the app's frame so the
// way on is one tap away.
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="flex flex-col items-start gap-4">
      <h1 className="text-2xl font-bold">{t('notFound.title')}</h1>
      <p className="text-muted">{t('notFound.detail')}</p>
      <Link
        to="/accounts"
        className="inline-flex min-h-11 items-center justify-center rounded-lg bg-accent px-4 font-medium text-accent-ink"
      >
        {t('notFound.toPortfolio')}
      </Link>
    </div>
  );
}
