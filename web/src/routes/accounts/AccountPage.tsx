// The Customer 360: who the customer is (profile, contract, fields, contacts), how they are
// doing (usage; health beside it), open work, support, billing and the timeline of every
// source — with "Add note" one tap away on a phone (a floating button opening a sheet), and
// "Edit" and "Remove account" for whoever manages accounts.
// This page only composes; each panel lives in ./360/.
import { Link } from '@tanstack/react-router';
import {
  lazy,
  startTransition,
  Suspense,
  useDeferredValue,
  useEffect,
  useMemo,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useAccount360 } from '../../api/accounts.ts';
import { useDrawnInSlices } from '../../api/drawnLater.ts';
import type { Schemas } from '../../api/client.ts';
import { useCan } from '../../api/session.ts';
import { HealthBadge, RiskBadge } from '../../components/badges.tsx';
import { Button, ErrorNote, Loading } from '../../components/ui.tsx';
import { ContractCard, CustomFieldsCard, ProfileCard } from './360/AboutCards.tsx';
import { ContactsCard } from './360/ContactsCard.tsx';
import { RemoveAccount } from './360/RemoveAccount.tsx';

// The panels' code — the charts among it — is fetched once the account's name and cards have
// painted (on a phone the panels are below those cards): asked for as this page's code ran, its
// thirty-odd files went ahead of the cards' first drawing.
const panelCode = {
  health: () => import('./360/HealthPanel.tsx'),
  usage: () => import('./360/UsagePanel.tsx'),
  revenue: () => import('../revenue/AccountRevenuePanel.tsx'),
  work: () => import('../work/AccountWork.tsx'),
  voice: () => import('../voice/VoicePanel.tsx'),
  tickets: () => import('./360/TicketsPanel.tsx'),
  billing: () => import('./360/BillingPanel.tsx'),
  timeline: () => import('./360/Timeline.tsx'),
};

const HealthPanel = lazy(() => panelCode.health().then((m) => ({ default: m.HealthPanel })));
const UsagePanel = lazy(() => panelCode.usage().then((m) => ({ default: m.UsagePanel })));
const AccountRevenuePanel = lazy(() =>
  panelCode.revenue().then((m) => ({ default: m.AccountRevenuePanel })),
);
const AccountWork = lazy(() => panelCode.work().then((m) => ({ default: m.AccountWork })));
const VoicePanel = lazy(() => panelCode.voice().then((m) => ({ default: m.VoicePanel })));
const TicketsPanel = lazy(() => panelCode.tickets().then((m) => ({ default: m.TicketsPanel })));
const BillingPanel = lazy(() => panelCode.billing().then((m) => ({ default: m.BillingPanel })));
const Timeline = lazy(() => panelCode.timeline().then((m) => ({ default: m.Timeline })));
// The note sheet's code, when "Add note" is first tapped on a phone.
const NoteSheet = lazy(() => import('./360/NoteForm.tsx').then((m) => ({ default: m.NoteSheet })));
// The account's form, when "Edit" is first tapped.
const AccountDialog = lazy(() =>
  import('./AccountDialog.tsx').then((m) => ({ default: m.AccountDialog })),
);

export function AccountPage({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const view = useAccount360(accountId);
  // Drawn from a deferred copy of the answer: in slices the phone can answer a tap between.
  // Null at first even when the answer is already there (preloaded with the page): the page's
  // first render is then a transition too, rather than one long task.
  const data = useDeferredValue(view.data ?? null, null);
  const canNote = useCan('add_timeline_notes');
  const canManage = useCan('manage_accounts');
  const [noting, setNoting] = useState(false);
  const [editing, setEditing] = useState(false);
  if (view.error) return <ErrorNote error={view.error} />;
  if (!data) return <Loading />;
  const { account, contract, contacts, owner } = data;

  return (
    // On a phone the floating "Add note" sits above the last lines: room to scroll them past it.
    <div className={`flex flex-col gap-4 ${canNote ? 'pb-16 sm:pb-0' : ''}`}>
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
        {canManage && (
          <Button variant="secondary" className="ml-auto" onClick={() => setEditing(true)}>
            {t('accountForm.edit')}
          </Button>
        )}
      </header>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <div className="flex flex-col gap-4">
          <ProfileCard account={account} owner={owner} />
          <ContractCard contract={contract} />
          <CustomFieldsCard account={account} />
          <ContactsCard accountId={accountId} contacts={contacts} canManage={canManage} />
        </div>
        <Panels accountId={accountId} name={account.name} contacts={contacts} canNote={canNote} />
      </div>
      {/* Last on the page: nobody reaches it on the way to something else. */}
      {canManage && <RemoveAccount accountId={accountId} name={account.name} />}
      {canNote && (
        <Button
          className="fixed right-4 bottom-24 z-20 rounded-full shadow-lg sm:hidden"
          onClick={() => setNoting(true)}
        >
          + {t('account.addNote')}
        </Button>
      )}
      {noting && (
        <Suspense fallback={null}>
          <NoteSheet accountId={accountId} close={() => setNoting(false)} />
        </Suspense>
      )}
      {editing && (
        <Suspense fallback={null}>
          <AccountDialog account={account} close={() => setEditing(false)} />
        </Suspense>
      )}
    </div>
  );
}

/**
 * False until the frame this component first committed in has painted; then every panel's code
 * is asked for (rather than each as React reaches it), one panel per task — each asks for its
 * files with a preload link apiece, and all eight in one task held a phone's main thread for
 * ~130 ms — and the panels are drawn.
 */
function usePanelsCode(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    const tasks: ReturnType<typeof setTimeout>[] = [];
    // A frame's callback runs just before its paint; a task it schedules, after.
    const frame = requestAnimationFrame(() => {
      for (const load of Object.values(panelCode)) tasks.push(setTimeout(load));
      tasks.push(setTimeout(() => startTransition(() => setPainted(true))));
    });
    return () => {
      cancelAnimationFrame(frame);
      tasks.forEach(clearTimeout);
    };
  }, []);
  return painted;
}

type PanelsProps = {
  accountId: string;
  name: string;
  contacts: Schemas['Account360']['contacts'];
  canNote: boolean;
};

/** How the customer is doing, their work, support, billing and timeline: after the cards. */
function Panels(props: PanelsProps) {
  if (!usePanelsCode()) return <Loading />;
  return (
    <Suspense fallback={<Loading />}>
      <PanelList {...props} />
    </Suspense>
  );
}

/**
 * The panels, one more per task: each panel's first drawing, and the requests for its answers,
 * a task of their own rather than all eight panels' in one. The same elements from one slice to
 * the next, so React draws only the panel added, not again every panel before it.
 */
function PanelList({ accountId, name, contacts, canNote }: PanelsProps) {
  const panels = useMemo(
    () => [
      <HealthPanel key="health" accountId={accountId} />,
      <UsagePanel key="usage" accountId={accountId} />,
      <AccountRevenuePanel key="revenue" accountId={accountId} name={name} />,
      <AccountWork key="work" accountId={accountId} />,
      <VoicePanel key="voice" accountId={accountId} contacts={contacts} />,
      <div key="support" className="grid grid-cols-1 gap-4 xl:grid-cols-2">
        <TicketsPanel accountId={accountId} />
        <BillingPanel accountId={accountId} />
      </div>,
      <Timeline key="timeline" accountId={accountId} canNote={canNote} />,
    ],
    [accountId, name, contacts, canNote],
  );
  return (
    <div className="flex min-w-0 flex-col gap-4 lg:col-span-2">{useDrawnInSlices(panels, 1)}</div>
  );
}
