// Who the customer is: profile, contract and custom fields (contacts: ContactsCard.tsx).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCustomFields, type Account } from '../../../api/accounts.ts';
import type { Schemas } from '../../../api/client.ts';
import { formatDate, formatMoney, formatNumber } from '../../../components/format.ts';
import { Card } from '../../../components/ui.tsx';

type View = Schemas['Account360'];

export function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex justify-between gap-4 border-b border-line py-2 last:border-0">
      <dt className="text-muted">{label}</dt>
      <dd className="text-right font-medium">{children}</dd>
    </div>
  );
}

function showValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.length > 0 ? value.join(', ') : '—';
  if (value === '') return '—';
  if (typeof value === 'object' && 'amount' in value && 'currency' in value)
    return formatMoney(value as { amount: number; currency: string });
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  return String(value);
}

export function ProfileCard({ account, owner }: Pick<View, 'account' | 'owner'>) {
  const { t } = useTranslation();
  return (
    <Card title={t('account.profile')}>
      <dl>
        <Row label={t('portfolio.columns.tier')}>{t(`tier.${account.tier}`)}</Row>
        <Row label={t('portfolio.columns.stage')}>{t(`stage.${account.stage}`)}</Row>
        <Row label={t('account.priority')}>{account.priority}</Row>
        <Row label={t('account.owner')}>{owner?.name ?? t('account.unassigned')}</Row>
        <Row label={t('account.domain')}>{account.domain ?? '—'}</Row>
      </dl>
    </Card>
  );
}

export function ContractCard({ contract }: Pick<View, 'contract'>) {
  const { t } = useTranslation();
  const days = contract.daysToRenewal;
  return (
    <Card title={t('account.contract')}>
      <dl>
        <Row label={t('account.plan')}>{contract.plan ?? '—'}</Row>
        <Row label={t('account.arr')}>{formatMoney(contract.arr)}</Row>
        <Row label={t('account.mrr')}>{formatMoney(contract.mrr)}</Row>
        <Row label={t('account.seats')}>{formatNumber(contract.seats)}</Row>
        <Row label={t('account.renewal')}>
          {formatDate(contract.renewalDate)}
          {days !== null && (
            <span className="block text-sm text-muted">
              {days >= 0
                ? t('account.daysToRenewal', { count: days })
                : t('account.renewalPassed', { count: -days })}
            </span>
          )}
        </Row>
      </dl>
    </Card>
  );
}

export function CustomFieldsCard({ account }: { account: Account }) {
  const { t } = useTranslation();
  const fields = useCustomFields('account');
  if (!fields.data || fields.data.items.length === 0) return null;
  return (
    <Card title={t('account.customFields')}>
      <dl>
        {fields.data.items.map((field) => (
          <Row key={field.key} label={field.label}>
            {showValue(account.customFields[field.key])}
          </Row>
        ))}
      </dl>
    </Card>
  );
}
