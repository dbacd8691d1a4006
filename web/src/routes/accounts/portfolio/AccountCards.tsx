// The portfolio on a phone: one card per account, a screenful drawn first.
import { Link } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortfolioAccount } from '../../../api/accounts.ts';
import { useDrawnInSlices } from '../../../api/drawnLater.ts';
import { HealthBadge, RiskBadge } from '../../../components/badges.tsx';
import { formatDate, formatMoney } from '../../../components/format.ts';

export function AccountCards({ accounts }: { accounts: PortfolioAccount[] }) {
  const { t } = useTranslation();
  // The same card elements from one slice to the next: React draws only the cards a slice adds.
  // Made afresh at each slice, every card already on the page was drawn again each time eight
  // more joined (fifty cards: 218 card drawings instead of 50, each with its link's location,
  // its money and its date).
  const cards = useMemo(
    () =>
      accounts.map((account) => (
        <li key={account.id}>
          <Link
            to="/accounts/$accountId"
            params={{ accountId: account.id }}
            className="block rounded-xl border border-line bg-surface p-3"
          >
            <div className="flex items-start justify-between gap-2">
              <span className="font-semibold">{account.name}</span>
              <HealthBadge health={account.health} />
            </div>
            <div className="mt-1 flex flex-wrap gap-x-3 text-sm text-muted">
              <span>{t(`tier.${account.tier}`)}</span>
              <span className="tabular-nums">{formatMoney(account.arr)}</span>
              <span>{t(`stage.${account.stage}`)}</span>
              <span>{account.priority}</span>
              <span>{formatDate(account.renewalDate)}</span>
            </div>
            <div className="mt-1 flex flex-wrap items-center gap-x-3 text-sm text-muted">
              <span>{account.ownerName ?? t('account.unassigned')}</span>
              {account.churnRisk.level && (
                <span>
                  {t('portfolio.columns.risk')}: <RiskBadge level={account.churnRisk.level} />
                </span>
              )}
            </div>
          </Link>
        </li>
      )),
    [accounts, t],
  );
  // A phone's screenful first, the rest a screenful at a time below it.
  const drawn = useDrawnInSlices(cards, 8);
  return (
    <ul className="flex flex-col gap-2" aria-label={t('portfolio.title')}>
      {drawn}
    </ul>
  );
}
