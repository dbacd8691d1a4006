// "My clients" or "Everyone": whose clients a screen of figures shows, for people who see the
// whole team's accounts.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/session.ts';
import { Button } from './ui.tsx';

/**
 * Whose clients a screen of the team's figures (health, renewals, expansion, meetings) shows. A
 * CSM sees their own. Someone who sees every account (a manager, an admin, a viewer) starts with
 * everyone's, as the portfolio does: they often own no account, and "My clients" would open on
 * an empty screen. They may narrow it to theirs.
 */
export function useWhose() {
  const me = useMe();
  const seesAll = me.data?.permissions.includes('view_all_accounts') ?? false;
  const [everyone, setEveryone] = useState(true);
  return { seesAll, mine: !(seesAll && everyone), setEveryone };
}

/** "My clients" or "Everyone", for people who see the whole team's accounts; else nothing. */
export function WhoseToggle({ whose }: { whose: ReturnType<typeof useWhose> }) {
  const { t } = useTranslation();
  if (!whose.seesAll) return null;
  return (
    <div role="group" aria-label={t('whose.label')} className="flex gap-1">
      <Button
        variant={whose.mine ? 'primary' : 'secondary'}
        aria-pressed={whose.mine}
        onClick={() => whose.setEveryone(false)}
      >
        {t('whose.mine')}
      </Button>
      <Button
        variant={whose.mine ? 'secondary' : 'primary'}
        aria-pressed={!whose.mine}
        onClick={() => whose.setEveryone(true)}
      >
        {t('whose.everyone')}
      </Button>
    </div>
  );
}
