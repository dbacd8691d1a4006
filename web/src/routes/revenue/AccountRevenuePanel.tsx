// The 360 page's revenue panel: the coming renewal with its forecast and reasons (and a way to
// change it), open expansion opportunities, and the account's meetings — next, recent — with
// "Schedule" and the QBR prep page one tap away.
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDrawnLater } from '../../api/drawnLater.ts';
import {
  useAccountForecast,
  useMeetings,
  useOpportunities,
  type Opportunity,
} from '../../api/revenue.ts';
import { useCan } from '../../api/session.ts';
import { formatDate, formatMoney } from '../../components/format.ts';
import { Button, Card, ErrorNote, Loading } from '../../components/ui.tsx';
import { OpportunityDialog } from './OpportunityDialog.tsx';
import { OverrideDialog } from './OverrideDialog.tsx';
import { ForecastBadge, linkClass, MeetingList, OpportunityList, Sentences } from './parts.tsx';

export function AccountRevenuePanel({ accountId, name }: { accountId: string; name: string }) {
  const { t } = useTranslation('revenue');
  const canManage = useCan('manage_accounts');
  const canMeet = useCan('manage_client_meetings');
  const canReview = useCan('schedule_business_reviews');
  const forecast = useDrawnLater(useAccountForecast(accountId));
  const opportunities = useDrawnLater(useOpportunities(accountId));
  const [from] = useState(() => new Date(Date.now() - 90 * 24 * 3600_000).toISOString());
  const meetings = useDrawnLater(useMeetings({ accountId, from }));
  const [dialog, setDialog] = useState<'override' | 'opportunity' | Opportunity | null>(null);
  const renewal = forecast.data?.renewal ?? null;

  return (
    <Card title={t('panel.title')}>
      <div className="flex flex-col gap-4">
        {forecast.isPending ? (
          <Loading />
        ) : forecast.error ? (
          <ErrorNote error={forecast.error} />
        ) : renewal ? (
          <div>
            <p className="flex flex-wrap items-center gap-2">
              <span className="font-medium">
                {t('renewals.renews', { date: formatDate(renewal.renewalDate) })}
              </span>
              <span className="tabular-nums">{formatMoney(renewal.arr)}</span>
              <ForecastBadge
                category={renewal.forecast.category}
                probability={renewal.forecast.probability}
              />
            </p>
            {renewal.override && (
              <p className="text-sm">
                {t('renewals.overridden', {
                  name: renewal.override.byName ?? '—',
                  note: renewal.override.note,
                })}
              </p>
            )}
            <Sentences items={renewal.forecast.reasons} className="mt-1 text-sm text-muted" />
            {canManage && (
              <Button variant="secondary" className="mt-2" onClick={() => setDialog('override')}>
                {t('renewals.override')}
              </Button>
            )}
          </div>
        ) : (
          <p className="text-muted">{t('panel.noRenewal')}</p>
        )}
        <div>
          <div className="flex items-center justify-between gap-2">
            <h3 className="font-semibold">{t('panel.opportunities')}</h3>
            {canManage && (
              <Button variant="ghost" onClick={() => setDialog('opportunity')}>
                + {t('expansion.track')}
              </Button>
            )}
          </div>
          {opportunities.data && opportunities.data.items.length > 0 ? (
            <OpportunityList
              items={opportunities.data.items}
              onOpen={canManage ? setDialog : undefined}
            />
          ) : (
            <p className="text-sm text-muted">{t('prep.noOpportunities')}</p>
          )}
        </div>
        <div>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h3 className="font-semibold">{t('panel.meetings')}</h3>
            <div className="flex flex-wrap gap-1">
              {canMeet && (
                <Link to="/meetings/new" search={{ accountId }} className={linkClass}>
                  + {t('panel.schedule')}
                </Link>
              )}
              {canReview && (
                <Link
                  to="/accounts/$accountId/qbr-prep"
                  params={{ accountId }}
                  className={linkClass}
                >
                  {t('panel.prep')}
                </Link>
              )}
            </div>
          </div>
          {meetings.data ? (
            <MeetingList items={meetings.data.items} />
          ) : meetings.error ? (
            <ErrorNote error={meetings.error} />
          ) : (
            <Loading />
          )}
        </div>
      </div>
      {dialog === 'override' && renewal && (
        <OverrideDialog renewal={renewal} close={() => setDialog(null)} />
      )}
      {dialog !== null && dialog !== 'override' && (
        <OpportunityDialog
          account={{ id: accountId, name, currency: renewal?.arr.currency }}
          suggestion={null}
          opportunity={dialog === 'opportunity' ? undefined : dialog}
          close={() => setDialog(null)}
        />
      )}
    </Card>
  );
}
