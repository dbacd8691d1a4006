// The meeting widgets: the calendar of a week or a day, who needs a business review, and
// proposed QBRs to confirm one by one — each is booked only when the person presses its button.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirmMeeting, type WidgetOf } from '../../../api/assistant.ts';
import { formatDate, formatDateTime } from '../../../components/format.ts';
import { Button, ErrorNote } from '../../../components/ui.tsx';
import { MeetingList } from '../../revenue/parts.tsx';
import { AccountRows, Counts } from './parts.tsx';

export function MeetingsWidget({ data }: { data: WidgetOf<'meetings'>['data'] }) {
  return <MeetingList items={data.items} />;
}

export function QbrDueWidget({ data }: { data: WidgetOf<'qbr_due'>['data'] }) {
  const { t } = useTranslation('assistant');
  return (
    <div className="flex flex-col gap-3">
      <Counts
        items={[
          { label: t('counts.overdue'), value: data.items.length, tone: 'text-critical' },
          {
            label: t('counts.qbrCompletion', { quarter: data.quarter.label }),
            value: data.quarter.rate === null ? '—' : `${Math.round(data.quarter.rate * 100)}%`,
          },
        ]}
      />
      <AccountRows
        label={t('widget.qbr_due')}
        items={data.items}
        detail={(a) => (
          <>
            <span>{t('qbr.overdueBy', { count: a.daysOverdue })}</span>
            <span>
              {t('qbr.last')}: {a.lastQbrAt ? formatDate(a.lastQbrAt) : t('qbr.never')}
            </span>
          </>
        )}
      />
    </div>
  );
}

type Proposal = WidgetOf<'meeting_scheduler'>['data']['proposals'][number];

function ProposalRow({ proposal }: { proposal: Proposal }) {
  const { t } = useTranslation('assistant');
  const confirm = useConfirmMeeting();
  const [booked, setBooked] = useState(false);
  return (
    <li className="flex flex-col gap-2 rounded-lg border border-line bg-raised p-3">
      <span className="font-medium">{proposal.title}</span>
      <span className="text-sm text-muted">{formatDateTime(proposal.startsAt)}</span>
      {booked ? (
        <p role="status" className="font-medium text-healthy">
          {t('meeting.booked')}
        </p>
      ) : (
        <Button
          variant="secondary"
          disabled={confirm.isPending}
          onClick={() => confirm.mutate(proposal, { onSuccess: () => setBooked(true) })}
        >
          {t('meeting.confirm', { name: proposal.name })}
        </Button>
      )}
      <ErrorNote error={confirm.error} />
    </li>
  );
}

export function MeetingSchedulerWidget({ data }: { data: WidgetOf<'meeting_scheduler'>['data'] }) {
  const { t } = useTranslation('assistant');
  if (data.proposals.length === 0) return <p className="text-muted">{t('noItems')}</p>;
  return (
    <ul aria-label={t('widget.meeting_scheduler')} className="flex flex-col gap-2">
      {data.proposals.map((proposal) => (
        <ProposalRow key={proposal.accountId} proposal={proposal} />
      ))}
    </ul>
  );
}
