// Deliveries kept for review: assign each to the account it is about, or dismiss it.
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePortfolio } from '../../../api/accounts.ts';
import { useAssignReviewItem, useDismissReviewItem, useReviewItems } from '../../../api/intake.ts';
import { formatDateTime } from '../../../components/format.ts';
import { Badge, Button, Card, ErrorNote, Field, Input, Loading } from '../../../components/ui.tsx';

/** Accounts matching the search, each a button that assigns the kept delivery there. */
function Matches({ q, itemId, onDone }: { q: string; itemId: string; onDone(): void }) {
  const { t } = useTranslation('intake');
  const found = usePortfolio({ q });
  const assign = useAssignReviewItem();
  const accounts = (found.data?.pages[0]?.items ?? []).slice(0, 5);
  return (
    <>
      {!found.isPending && accounts.length === 0 && (
        <p className="text-muted">{t('settings.review.noMatch')}</p>
      )}
      <ul className="flex flex-wrap gap-2">
        {accounts.map((account) => (
          <li key={account.id}>
            <Button
              variant="secondary"
              disabled={assign.isPending}
              onClick={() =>
                assign.mutate({ id: itemId, accountId: account.id }, { onSuccess: onDone })
              }
            >
              {t('settings.review.assignTo', { name: account.name })}
            </Button>
          </li>
        ))}
      </ul>
      <ErrorNote error={found.error ?? assign.error} />
    </>
  );
}

/** Finds the account a kept delivery is about, by name, domain or id, and assigns it there. */
function AssignForm({ itemId, onDone }: { itemId: string; onDone(): void }) {
  const { t } = useTranslation('intake');
  const [q, setQ] = useState('');
  const search = q.trim();
  return (
    <div className="flex flex-col gap-2 rounded-lg border border-line p-3">
      <Field label={t('settings.review.find')}>
        {(id) => (
          <Input id={id} type="search" autoFocus value={q} onChange={(e) => setQ(e.target.value)} />
        )}
      </Field>
      {search.length >= 2 && <Matches q={search} itemId={itemId} onDone={onDone} />}
    </div>
  );
}

export function ReviewList() {
  const { t } = useTranslation('intake');
  const review = useReviewItems();
  const dismiss = useDismissReviewItem();
  const [assigning, setAssigning] = useState<string | null>(null);
  const items = review.data?.items;
  return (
    <Card title={t('settings.review.title')}>
      <p className="text-sm text-muted">{t('settings.review.intro')}</p>
      <p className="mb-3 text-sm text-muted">
        {t('settings.review.unassigned')}{' '}
        <Link to="/accounts" search={{ owner: 'unassigned' }} className="text-accent underline">
          {t('settings.review.unassignedLink')}
        </Link>
      </p>
      {!items ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="text-muted">{t('settings.review.none')}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-line">
          {items.map((item) => (
            <li key={item.id} className="flex flex-col gap-2 py-2 text-sm">
              <span className="flex flex-wrap items-center gap-2">
                <Badge>{t(`settings.review.source.${item.source}`)}</Badge>
                <code className="break-all text-muted">{item.sourceId}</code>
              </span>
              <span>{item.reason}</span>
              <span className="text-muted">
                {t('settings.review.received', { date: formatDateTime(item.receivedAt) })}
              </span>
              <span className="flex flex-wrap gap-2">
                <Button
                  variant="secondary"
                  aria-expanded={assigning === item.id}
                  aria-label={t('settings.review.assignNamed', { id: item.sourceId })}
                  onClick={() => setAssigning(assigning === item.id ? null : item.id)}
                >
                  {t('settings.review.assign')}
                </Button>
                <Button
                  variant="danger"
                  aria-label={t('settings.review.dismissNamed', { id: item.sourceId })}
                  disabled={dismiss.isPending}
                  onClick={() => dismiss.mutate(item.id)}
                >
                  {t('settings.review.dismiss')}
                </Button>
              </span>
              {assigning === item.id && (
                <AssignForm itemId={item.id} onDone={() => setAssigning(null)} />
              )}
            </li>
          ))}
        </ul>
      )}
      <ErrorNote error={review.error ?? dismiss.error} />
    </Card>
  );
}
