// "Data in": where product usage, billing and support tickets come from. Segment write keys
// (created, rotated, revoked; a key is shown once), the feature catalog, Stripe and help desk
// webhook secrets with the addresses to paste into those tools, and deliveries for review.
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/session.ts';
import { FeatureCatalog } from './intake/FeatureCatalog.tsx';
import { ReviewList } from './intake/ReviewList.tsx';
import { StripeSecrets, SupportSecrets, WriteKeys } from './intake/Secrets.tsx';

export function IntakeSettings() {
  const { t } = useTranslation('intake');
  const me = useMe();
  if (!me.data?.permissions.includes('manage_integrations'))
    return <p className="text-muted">{t('settings.noRights')}</p>;
  return (
    <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
      <WriteKeys />
      <FeatureCatalog />
      <StripeSecrets />
      <SupportSecrets />
      <div className="xl:col-span-2">
        <ReviewList />
      </div>
    </div>
  );
}
