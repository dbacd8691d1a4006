// Expansion: accounts whose data shows room to grow, each signal with its evidence and an
// estimated value, the opportunities already tracked — and "Premium upgrade candidates", the
// same list kept to accounts using premium features without the plan. A tracked opportunity
// opens to be moved on (stage, amount, won or lost). Below, the plan prices the estimates use.
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HealthCategory } from '../../api/vocabulary.ts';
import { useExpansion, type ExpansionItem, type Opportunity } from '../../api/revenue.ts';
import { useCan } from '../../api/session.ts';
import { HealthBadge } from '../../components/badges.tsx';
import { formatMoney } from '../../components/format.ts';
import { Stat } from '../../components/Stat.tsx';
import { Badge, Button, ErrorNote, Loading } from '../../components/ui.tsx';
import { useWhose, WhoseToggle } from '../../components/Whose.tsx';
import { OpportunityDialog } from './OpportunityDialog.tsx';
import { OpportunityList, Sentences } from './parts.tsx';
import { PlanPrices } from './PlanPrices.tsx';

export type ExpansionSearch = { view?: 'premium' };

export function ExpansionPage({ search }: { search: ExpansionSearch }) {
  const { t } = useTranslation('revenue');
  const navigate = useNavigate();
  const whose = useWhose();
  const canTrack = useCan('manage_accounts');
  const view = search.view ?? 'all';
  const found = useExpansion(view, whose.mine ? 'me' : undefined);
  const [tracking, setTracking] = useState<ExpansionItem | null>(null);
  const [opened, setOpened] = useState<Opportunity | null>(null);

  return (
    <div className="flex flex-col gap-4">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t('expansion.title')}</h1>
        <div className="flex flex-wrap items-center gap-2">
          <WhoseToggle whose={whose} />
          <div role="group" aria-label={t('expansion.view')} className="flex gap-1">
            {(['all', 'premium'] as const).map((option) => (
              <Button
                key={option}
                variant={view === option ? 'primary' : 'secondary'}
                aria-pressed={view === option}
                onClick={() =>
                  void navigate({
                    to: '/expansion',
                    search: option === 'premium' ? { view: 'premium' } : {},
                    replace: true,
                  })
                }
              >
                {t(`expansion.${option}`)}
              </Button>
            ))}
          </div>
        </div>
      </header>
      {found.isPending ? (
        <Loading />
      ) : found.error ? (
        <ErrorNote error={found.error} />
      ) : (
        <>
          <dl className="grid grid-cols-2 gap-2 lg:max-w-xl">
            <Stat
              label={t('expansion.potential')}
              value={formatMoney(found.data.totals.estimatedArr)}
            />
            <Stat
              label={t('expansion.title')}
              value={found.data.totals.accounts}
              detail={t('expansion.accounts', { count: found.data.totals.accounts })}
            />
          </dl>
          {found.data.items.length === 0 ? (
            <p className="text-muted">{t('expansion.none')}</p>
          ) : (
            <ul className="grid grid-cols-1 gap-3 lg:grid-cols-2">
              {found.data.items.map((item) => (
                <li key={item.accountId}>
                  <ExpansionCard
                    item={item}
                    onTrack={canTrack ? setTracking : undefined}
                    onOpen={canTrack ? setOpened : undefined}
                  />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <div className="lg:max-w-2xl">
        <PlanPrices />
      </div>
      {tracking && (
        <OpportunityDialog
          account={{ id: tracking.accountId, name: tracking.name }}
          suggestion={{
            kind: tracking.suggestedKind,
            amount: tracking.estimatedArr,
            signals: tracking.signals.map((s) => s.kind),
          }}
          close={() => setTracking(null)}
        />
      )}
      {opened && (
        <OpportunityDialog
          account={{ id: opened.accountId, name: opened.accountName }}
          suggestion={null}
          opportunity={opened}
          close={() => setOpened(null)}
        />
      )}
    </div>
  );
}

function ExpansionCard({
  item,
  onTrack,
  onOpen,
}: {
  item: ExpansionItem;
  onTrack: ((item: ExpansionItem) => void) | undefined;
  onOpen: ((opportunity: Opportunity) => void) | undefined;
}) {
  const { t } = useTranslation('revenue');
  return (
    <article className="flex h-full flex-col gap-3 rounded-xl border border-line bg-surface p-4">
      <header className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 className="text-lg font-semibold">
            <Link
              to="/accounts/$accountId"
              params={{ accountId: item.accountId }}
              className="hover:underline"
            >
              {item.name}
            </Link>
          </h2>
          <p className="text-sm text-muted">
            {t(`tier.${item.tier}`)}
            {item.plan && ` · ${item.plan}`}
            {item.seats !== null && ` · ${t('expansion.seats', { count: item.seats })}`} ·{' '}
            {formatMoney(item.arr)}
          </p>
        </div>
        <HealthBadge
          health={{
            score: item.health.score,
            category: item.health.category as HealthCategory | null,
          }}
        />
      </header>
      <p className="text-xl font-semibold tabular-nums">
        {item.estimatedArr.amount > 0
          ? t('expansion.estimated', { amount: formatMoney(item.estimatedArr) })
          : t('expansion.notPriced')}
      </p>
      <ul className="flex flex-col gap-2">
        {item.signals.map((signal) => (
          <li key={signal.kind}>
            <div className="flex flex-wrap items-center gap-2">
              <Badge tone={signal.kind === 'healthy' ? 'healthy' : 'accent'}>
                {t(`expansion.signal.${signal.kind}`)}
              </Badge>
              {signal.estimatedArr && (
                <span className="text-sm text-muted tabular-nums">
                  {formatMoney(signal.estimatedArr)}
                </span>
              )}
            </div>
            <Sentences items={signal.evidence} className="mt-1 text-sm" />
          </li>
        ))}
      </ul>
      {item.opportunities.length > 0 && (
        <div className="text-sm">
          <h3 className="font-medium">{t('expansion.tracked')}</h3>
          <OpportunityList items={item.opportunities} onOpen={onOpen} />
        </div>
      )}
      {onTrack && (
        <Button variant="secondary" className="mt-auto self-start" onClick={() => onTrack(item)}>
          {t('expansion.track')}
        </Button>
      )}
    </article>
  );
}
