// Billing on the Customer 360: MRR and ARR, contracts, how MRR moved (a line of MRR after
// each movement, and the movements themselves), and invoices with failed payments first.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useAccountBilling, type AccountBilling } from '../../../api/intake.ts';
import { useDrawnLater } from '../../../api/drawnLater.ts';
import { LineChart } from '../../../components/charts/LineChart.tsx';
import { formatDate, formatMoney, majorUnits } from '../../../components/format.ts';
import { Badge, Card, ErrorNote, Loading } from '../../../components/ui.tsx';

type Invoice = AccountBilling['invoices'][number];

/** A payment was tried and did not go through: the invoice is still owed after an attempt. */
const paymentFailed = (invoice: Invoice) =>
  (invoice.status === 'open' || invoice.status === 'uncollectible') &&
  invoice.attemptCount > 0 &&
  invoice.paidAt === null;

/**
 * MRR after each movement, oldest first, walked back from today's MRR so a history cut at
 * the most recent movements still ends at the right figure. Other currencies are left out.
 */
function mrrHistory(billing: AccountBilling) {
  const { amount, currency } = billing.mrr;
  const movements = billing.mrrMovements.filter((m) => m.deltaMrr.currency === currency);
  let after = amount;
  const points = movements.map((m) => {
    const point = { label: m.occurredAt, value: majorUnits({ amount: after, currency }) };
    after -= m.deltaMrr.amount;
    return point;
  });
  // MRR holds from the last movement until today.
  return [...points.reverse(), { label: new Date().toISOString(), value: majorUnits(billing.mrr) }];
}

function status(t: TFunction<'intake'>, value: string) {
  return t(`billing.status.${value}`, { defaultValue: value });
}

function Movements({ billing }: { billing: AccountBilling }) {
  const { t } = useTranslation('intake');
  const history = mrrHistory(billing);
  const net = billing.mrrMovements
    .filter((m) => m.deltaMrr.currency === billing.mrr.currency)
    .reduce((sum, m) => sum + m.deltaMrr.amount, 0);
  if (billing.mrrMovements.length === 0)
    return <p className="text-muted">{t('billing.noMovements')}</p>;
  return (
    <section aria-label={t('billing.movements')} className="flex flex-col gap-2">
      {history.length > 1 && (
        <LineChart
          title={t('billing.movements')}
          unit={`${t('billing.mrr')}, ${billing.mrr.currency}`}
          points={history}
          formatLabel={formatDate}
          summary={t('billing.movementsSummary', {
            count: billing.mrrMovements.length,
            net: formatMoney({ amount: net, currency: billing.mrr.currency }),
          })}
          height={140}
          step
        />
      )}
      <ul className="flex flex-col divide-y divide-line">
        {billing.mrrMovements.slice(0, 6).map((m) => (
          <li key={m.id} className="flex flex-wrap justify-between gap-2 py-1 text-sm">
            <span>
              {t(`billing.movement.${m.kind}`)} · {formatDate(m.occurredAt)}
            </span>
            <span
              className={`font-medium tabular-nums ${m.deltaMrr.amount < 0 ? 'text-critical' : 'text-healthy'}`}
            >
              {m.deltaMrr.amount > 0 ? '+' : ''}
              {formatMoney(m.deltaMrr)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Invoices({ invoices }: { invoices: Invoice[] }) {
  const { t } = useTranslation('intake');
  const failed = invoices.filter(paymentFailed);
  if (invoices.length === 0) return <p className="text-muted">{t('billing.noInvoices')}</p>;
  const shown = [...failed, ...invoices.filter((i) => !paymentFailed(i))].slice(0, 6);
  return (
    <section aria-label={t('billing.invoices')} className="flex flex-col gap-2">
      <h3 className="flex flex-wrap items-center gap-2 font-medium">
        {t('billing.invoices')}
        {failed.length > 0 && (
          <Badge tone="critical">{t('billing.failedPayments', { count: failed.length })}</Badge>
        )}
      </h3>
      <ul className="flex flex-col divide-y divide-line">
        {shown.map((invoice) => (
          <li
            key={invoice.id}
            className="flex flex-wrap items-center justify-between gap-2 py-1 text-sm"
          >
            <span className="flex flex-wrap items-center gap-2">
              <Badge
                tone={
                  paymentFailed(invoice)
                    ? 'critical'
                    : invoice.status === 'paid'
                      ? 'healthy'
                      : 'neutral'
                }
              >
                {status(t, invoice.status)}
              </Badge>
              <span className="text-muted">
                {invoice.paidAt
                  ? t('billing.paid', { date: formatDate(invoice.paidAt) })
                  : t('billing.due', { date: formatDate(invoice.dueAt) })}
                {invoice.attemptCount > 1 &&
                  ` · ${t('billing.attempts', { count: invoice.attemptCount })}`}
              </span>
            </span>
            <span className="font-medium tabular-nums">{formatMoney(invoice.dueValue)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function BillingPanel({ accountId }: { accountId: string }) {
  const { t } = useTranslation('intake');
  const billing = useDrawnLater(useAccountBilling(accountId));
  if (billing.isPending)
    return (
      <Card title={t('billing.title')}>
        <Loading />
      </Card>
    );
  if (billing.error)
    return (
      <Card title={t('billing.title')}>
        <ErrorNote error={billing.error} />
      </Card>
    );
  const data = billing.data;
  return (
    <Card title={t('billing.title')}>
      <div className="flex flex-col gap-4">
        <p className="text-lg font-semibold tabular-nums">
          {t('billing.contractsMrr', { mrr: formatMoney(data.mrr) })}
        </p>
        <section aria-label={t('billing.contracts')}>
          <h3 className="mb-1 font-medium">{t('billing.contracts')}</h3>
          {data.contracts.length === 0 ? (
            <p className="text-muted">{t('billing.noContracts')}</p>
          ) : (
            <ul className="flex flex-col divide-y divide-line">
              {data.contracts.map((c) => (
                <li key={c.id} className="flex flex-col gap-0.5 py-1 text-sm">
                  <span className="flex flex-wrap items-center justify-between gap-2">
                    <span className="font-medium">{c.plan ?? c.externalId}</span>
                    <span className="tabular-nums">{formatMoney(c.mrr)}</span>
                  </span>
                  <span className="flex flex-wrap items-center gap-2 text-muted">
                    <Badge
                      tone={
                        c.status === 'active'
                          ? 'healthy'
                          : c.status === 'canceled'
                            ? 'neutral'
                            : 'risk'
                      }
                    >
                      {status(t, c.status)}
                    </Badge>
                    {c.seats !== null && t('billing.seats', { count: c.seats })}
                    {c.startedAt && (
                      <span>{t('billing.since', { date: formatDate(c.startedAt) })}</span>
                    )}
                    {c.endedAt ? (
                      <span>{t('billing.ended', { date: formatDate(c.endedAt) })}</span>
                    ) : (
                      c.currentPeriodEnd && (
                        <span>{t('billing.renews', { date: formatDate(c.currentPeriodEnd) })}</span>
                      )
                    )}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <Movements billing={data} />
        <Invoices invoices={data.invoices} />
      </div>
    </Card>
  );
}
