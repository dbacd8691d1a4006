// The sentence the CSM asked for (seeds/000): "5 customers asked for SSO in the last 30 days —
// $1.2M ARR", at the top of the portfolio, linking to the theme. Nothing when no feature was
// asked for by at least two customers in those days. The period is said, not "this month": it
// is the last 30 days, the same Ask Steward counts for "what are customers asking for?".
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useHighlight } from '../../api/voice.ts';
import { useCan } from '../../api/session.ts';
import { formatCompactMoney } from '../../components/format.ts';

export function TopRequest() {
  const { t } = useTranslation('voice');
  const can = useCan('view_client_feedback');
  const highlight = useHighlight(can);
  const theme = highlight.data?.theme;
  if (!highlight.data || !theme) return null;
  return (
    <Link
      to="/feedback/themes/$themeId"
      params={{ themeId: theme.id }}
      className="flex min-h-11 items-center gap-2 rounded-lg border border-accent bg-surface px-3 py-2 text-ink hover:bg-raised"
    >
      <span aria-hidden="true">✎</span>
      <span>
        {t('highlight.sentence', {
          count: theme.accountCount,
          days: highlight.data.days,
          label: theme.label,
          arr: formatCompactMoney(theme.arr),
        })}
      </span>
    </Link>
  );
}
