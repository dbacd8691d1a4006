// An account's QBR prep page for its CSM: print it, or share a read-only link with a colleague
// or the customer (shown once; anyone with it reads the page until it expires or is revoked).
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQbrPrep, useShareQbrPrep } from '../../api/revenue.ts';
import { useCan } from '../../api/session.ts';
import { formatDate } from '../../components/format.ts';
import { Button, ErrorNote, Input, Loading } from '../../components/ui.tsx';
import { QbrPrepView } from './QbrPrepView.tsx';
import { QbrShareLinks } from './QbrShareLinks.tsx';

export function QbrPrepPage({ accountId }: { accountId: string }) {
  const { t } = useTranslation('revenue');
  const { t: common } = useTranslation();
  const prep = useQbrPrep(accountId);
  const share = useShareQbrPrep(accountId);
  const canShare = useCan('schedule_business_reviews');
  const [copied, setCopied] = useState(false);
  if (prep.isPending) return <Loading />;
  if (prep.error) return <ErrorNote error={prep.error} />;
  const url = share.data ? `${window.location.origin}${share.data.path}` : null;
  return (
    <div className="flex flex-col gap-4">
      <div data-no-print className="flex flex-wrap items-center gap-2">
        <Link
          to="/accounts/$accountId"
          params={{ accountId }}
          className="inline-flex min-h-11 items-center text-sm text-muted hover:text-ink"
        >
          ← {common('account.back')}
        </Link>
        <Button variant="secondary" onClick={() => window.print()}>
          {t('prep.print')}
        </Button>
        {canShare && (
          <Button variant="secondary" disabled={share.isPending} onClick={() => share.mutate(14)}>
            {t('prep.share')}
          </Button>
        )}
      </div>
      {share.error && <ErrorNote error={share.error} />}
      {url && share.data && (
        <div data-no-print className="flex flex-col gap-2 rounded-lg bg-raised p-3">
          <p>{t('prep.shared', { date: formatDate(share.data.expiresAt) })}</p>
          <div className="flex flex-wrap gap-2">
            <Input readOnly value={url} aria-label={t('prep.share')} className="flex-1" />
            <Button
              variant="secondary"
              onClick={() => void navigator.clipboard.writeText(url).then(() => setCopied(true))}
            >
              {copied ? t('prep.copied') : t('prep.copy')}
            </Button>
          </div>
        </div>
      )}
      <QbrPrepView prep={prep.data} />
      {canShare && (
        <div data-no-print>
          <QbrShareLinks accountId={accountId} />
        </div>
      )}
    </div>
  );
}
