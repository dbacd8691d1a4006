// The Customer 360: who the customer is (profile, contract, fields, contacts), how they are
// doing (usage; health beside it), open work, support, billing and the timeline of every
// source — with "Add note" one tap away on a phone (a floating button opening a sheet).
// This page only composes; each panel lives in ./360/.
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccount360 } from '../../api/accounts.ts';
import { useMe } from '../../api/session.ts';
import { HealthBadge, RiskBadge } from '../../components/badges.tsx';
import { Button, ErrorNote, Loading } from '../../components/ui.tsx';
import { AccountWork } from '../work/AccountWork.tsx';
import { ContactsCard, ContractCard, CustomFieldsCard, ProfileCard } from './360/AboutCards.tsx';
import { BillingPanel } from './360/BillingPanel.tsx';
import { HealthPanel } from './360/HealthPanel.tsx';
import { NoteSheet } from './360/NoteForm.tsx';
import { TicketsPanel } from './360/TicketsPanel.tsx';
import { Timeline } from './360/Timeline.tsx';
import { UsagePanel } from './360/UsagePanel.tsx';
import { VoicePanel } from '../voice/VoicePanel.tsx';
import { AccountRevenuePanel } from '../revenue/AccountRevenuePanel.tsx';

export function AccountPage({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const view = useAccount360(accountId);
  const me = useMe();
  const canNote = me.data?.permissions.includes('add_timeline_notes') ?? false;
  const [noting, setNoting] = useState(false);
  if (view.isPending) return <Loading />;
  if (view.error) return <ErrorNote error={view.error} />;
  const { account, contract, contacts, owner } = view.data;

  return (
    <div className="flex flex-col gap-4">
      <Link
        to="/accounts"
        className="inline-flex min-h-11 items-center self-start text-sm text-muted hover:text-ink"
      >
        ← {t('account.back')}
      </Link>
      <header className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">{account.name}</h1>
        <HealthBadge health={account.health} />
        <span className="flex items-center gap-1 text-sm text-muted">
          {t('portfolio.columns.risk')}: <RiskBadge level={account.churnRisk.level} />
        </span>
      </header>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <div className="flex flex-col gap-4">
          <ProfileCard account={account} owner={owner} />
          <ContractCard contract={contract} />
          <CustomFieldsCard account={account} />
          <ContactsCard contacts={contacts} />
        </div>
        <div className="flex min-w-0 flex-col gap-4 lg:col-span-2">
          <HealthPanel accountId={accountId} />
          <UsagePanel accountId={accountId} />
          <AccountRevenuePanel accountId={accountId} name={account.name} />
          <AccountWork accountId={accountId} />
          <VoicePanel accountId={accountId} contacts={contacts} />
          <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
            <TicketsPanel accountId={accountId} />
            <BillingPanel accountId={accountId} />
          </div>
          <Timeline accountId={accountId} canNote={canNote} />
        </div>
      </div>
      {canNote && (
        <Button
          className="fixed right-4 bottom-24 z-20 rounded-full shadow-lg sm:hidden"
          onClick={() => setNoting(true)}
        >
          + {t('account.addNote')}
        </Button>
      )}
      {noting && <NoteSheet accountId={accountId} close={() => setNoting(false)} />}
    </div>
  );
}
