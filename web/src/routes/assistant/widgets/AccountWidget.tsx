// One account found by name: what the portfolio row shows about it, and who to call there.
import { useTranslation } from 'react-i18next';
import type { WidgetOf } from '../../../api/assistant.ts';
import { HealthBadge, RiskBadge } from '../../../components/badges.tsx';
import { formatDate, formatMoney } from '../../../components/format.ts';
import { Counts } from './parts.tsx';

export function AccountWidget({ data }: { data: WidgetOf<'account_card'>['data'] }) {
  const { t } = useTranslation('assistant');
  return (
    <div className="flex flex-col gap-3">
      <p className="text-lg font-semibold">{data.name}</p>
      <Counts
        items={[
          {
            label: t('col.score'),
            value: <HealthBadge health={{ score: data.healthScore, category: data.category }} />,
          },
          { label: t('col.risk'), value: <RiskBadge level={data.riskLevel} /> },
          { label: t('col.arr'), value: formatMoney(data.arr) },
          { label: t('col.renewal'), value: formatDate(data.renewalDate) },
        ]}
      />
      {data.people.length > 0 && (
        <ul className="flex flex-col gap-1 text-sm">
          {data.people.map((person) => (
            <li key={person.role}>
              <span className="font-medium">{person.name}</span>
              <span className="text-muted">
                {' '}
                · {t(`common:contactRole.${person.role}`)}
                {person.title && ` · ${person.title}`}
                {person.email && ` · ${person.email}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
