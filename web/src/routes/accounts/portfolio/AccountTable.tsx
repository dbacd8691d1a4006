// The portfolio on a wide screen: a table sorted by its column headers, each account's health
// with its trend.
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { PortfolioAccount } from '../../../api/accounts.ts';
import { useHealthSeries } from '../../../api/health.ts';
import { HealthBadge, RiskBadge } from '../../../components/badges.tsx';
import { formatDate, formatMoney } from '../../../components/format.ts';
import { ScoreSparkline } from '../../../components/scoreTrend.tsx';
import { sortable } from '../portfolioSearch.ts';

export function AccountTable({
  accounts,
  sort,
  sortBy,
}: {
  accounts: PortfolioAccount[];
  sort: string | undefined;
  sortBy: (column: string) => void;
}) {
  const { t } = useTranslation();
  const trends = useHealthSeries(accounts.map((account) => account.id));
  const direction = (column: string) =>
    sort === column ? 'ascending' : sort === `-${column}` ? 'descending' : 'none';
  return (
    <div className="overflow-x-auto rounded-xl border border-line bg-surface">
      <table className="w-full text-left">
        <thead className="border-b border-line text-sm text-muted">
          <tr>
            {sortable.map((column) => (
              <th key={column} scope="col" className="p-2" aria-sort={direction(column)}>
                <button
                  type="button"
                  className="min-h-11 font-medium hover:text-ink"
                  onClick={() => sortBy(column)}
                  title={t('portfolio.sortBy', { column: t(`portfolio.columns.${column}`) })}
                >
                  {t(`portfolio.columns.${column}`)}
                  <span aria-hidden="true">
                    {direction(column) === 'ascending'
                      ? ' ↑'
                      : direction(column) === 'descending'
                        ? ' ↓'
                        : ''}
                  </span>
                </button>
              </th>
            ))}
            <th scope="col" className="p-2">
              {t('portfolio.columns.owner')}
            </th>
            <th scope="col" className="p-2">
              {t('portfolio.columns.risk')}
            </th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => (
            <tr key={account.id} className="border-b border-line last:border-0 hover:bg-raised">
              <td className="p-2">
                <Link
                  to="/accounts/$accountId"
                  params={{ accountId: account.id }}
                  className="inline-flex min-h-11 items-center font-medium text-ink underline-offset-2 hover:underline"
                >
                  {account.name}
                </Link>
              </td>
              <td className="p-2">{t(`tier.${account.tier}`)}</td>
              <td className="p-2 tabular-nums">{formatMoney(account.arr)}</td>
              <td className="p-2">{t(`stage.${account.stage}`)}</td>
              <td className="p-2">{formatDate(account.renewalDate)}</td>
              <td className="p-2">{account.priority}</td>
              <td className="p-2">
                <span className="flex items-center gap-2">
                  <HealthBadge health={account.health} />
                  {trends.data?.has(account.id) && (
                    <ScoreSparkline series={trends.data.get(account.id)?.series ?? []} />
                  )}
                </span>
              </td>
              <td className="p-2 text-muted">{account.ownerName ?? t('account.unassigned')}</td>
              <td className="p-2">
                <RiskBadge level={account.churnRisk.level} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
