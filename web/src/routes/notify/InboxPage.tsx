// The inbox: your notifications, newest first, unread ones marked; new ones arrive live (the
// shell listens to the stream). Each links to the account and the task (or project) it is about.
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useInbox,
  useMarkAllRead,
  useMarkRead,
  usePreferences,
  useSavePreferences,
  useUnreadCount,
  type Notification,
} from '../../api/notify.ts';
import { formatDateTime } from '../../components/format.ts';
import { Badge, Button, ErrorNote, Loading, LoadMore } from '../../components/ui.tsx';
import { NotifyTabs } from './controls.tsx';

const alarming = new Set(['sla_breach', 'escalation', 'mentioned']);

export function InboxPage() {
  const { t } = useTranslation('notify');
  const inbox = useInbox();
  const unread = useUnreadCount();
  const markAll = useMarkAllRead();
  const items = inbox.data?.pages.flatMap((page) => page.items) ?? [];
  const unreadCount = unread.data ?? inbox.data?.pages[0]?.unreadCount ?? 0;

  return (
    <div className="mx-auto flex max-w-4xl flex-col gap-4">
      <NotifyTabs />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="flex items-center gap-2 text-2xl font-bold">
          {t('inbox.title')}
          {unreadCount > 0 && (
            <Badge tone="accent">
              <span aria-label={t('nav.unread', { count: unreadCount })}>{unreadCount}</span>
            </Badge>
          )}
        </h1>
        <div className="flex flex-wrap items-center gap-2">
          <Link
            to="/settings/notifications"
            className="inline-flex min-h-11 items-center text-accent underline"
          >
            {t('inbox.settings')}
          </Link>
          <Button
            variant="secondary"
            disabled={unreadCount === 0 || markAll.isPending}
            onClick={() => markAll.mutate()}
          >
            {t('inbox.markAllRead')}
          </Button>
        </div>
      </div>
      <ErrorNote error={inbox.error ?? markAll.error} />
      {inbox.isPending && <Loading />}
      {inbox.isSuccess && items.length === 0 && (
        <p className="rounded-xl border border-line bg-surface p-4 text-muted">
          {t('inbox.empty')}
        </p>
      )}
      {items.length > 0 && (
        <ul
          aria-label={t('inbox.title')}
          className="flex flex-col divide-y divide-line rounded-xl border border-line bg-surface"
        >
          {items.map((notification) => (
            <InboxItem key={notification.id} notification={notification} />
          ))}
        </ul>
      )}
      <LoadMore list={inbox} />
    </div>
  );
}

function InboxItem({ notification: n }: { notification: Notification }) {
  const { t } = useTranslation('notify');
  const markRead = useMarkRead();
  const unread = n.readAt === null;
  const read = () => {
    if (unread) markRead.mutate(n.id);
  };
  return (
    <li className={`flex flex-col gap-2 p-4 ${unread ? 'border-l-4 border-l-accent' : ''}`}>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        {unread && <span className="sr-only">{t('inbox.unread')}</span>}
        <Badge tone={alarming.has(n.kind) ? 'critical' : 'neutral'}>
          {t(`kind.${n.kind}`, { defaultValue: n.kind })}
        </Badge>
        <Badge tone={n.urgency === 'now' ? 'accent' : 'neutral'}>{t(`urgency.${n.urgency}`)}</Badge>
        <time dateTime={n.createdAt} className="text-muted">
          {formatDateTime(n.createdAt)}
        </time>
      </div>
      <p className={unread ? 'font-semibold' : 'text-muted'}>{n.title}</p>
      {n.body && <p className="text-sm whitespace-pre-line text-muted">{n.body}</p>}
      {n.items.length > 0 && (
        // Lines, not a nested list: each inbox entry stays one item of the inbox's list.
        <p className="text-sm">
          <span className="sr-only">{t('inbox.groupTasks')}: </span>
          {n.items.map((item) => (
            <span key={item.taskId} className="block">
              • {item.title}
            </span>
          ))}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
        {n.projectId && (
          // A notification about a task opens that task's detail on its project's page.
          <Link
            to="/projects/$projectId"
            params={{ projectId: n.projectId }}
            search={{ task: n.taskId ?? undefined }}
            onClick={read}
            className="inline-flex min-h-11 items-center text-accent underline"
          >
            {n.taskId ? t('inbox.openTask') : t('inbox.openProject')}
          </Link>
        )}
        {n.accountId && (
          <Link
            to="/accounts/$accountId"
            params={{ accountId: n.accountId }}
            onClick={read}
            className="inline-flex min-h-11 items-center text-accent underline"
          >
            {t('inbox.openAccount')}
          </Link>
        )}
        {unread && (
          <Button
            variant="ghost"
            aria-label={t('inbox.markReadOf', { title: n.title })}
            disabled={markRead.isPending}
            onClick={read}
          >
            {t('inbox.markRead')}
          </Button>
        )}
        <MuteMenu notification={n} />
      </div>
      <ErrorNote error={markRead.error} />
    </li>
  );
}

/** Mute what a notification is about, from the notification itself. */
function MuteMenu({ notification: n }: { notification: Notification }) {
  const { t } = useTranslation('notify');
  const prefs = usePreferences();
  const save = useSavePreferences();
  const [open, setOpen] = useState(false);
  if (!n.accountId && !n.projectId) return null;
  const mute = (kind: 'mutedAccounts' | 'mutedProjects', id: string) => {
    const current = prefs.data?.[kind] ?? [];
    save.mutate({ [kind]: current.includes(id) ? current : [...current, id] });
    setOpen(false);
  };
  return (
    <div>
      <Button
        variant="ghost"
        aria-expanded={open}
        aria-label={t('inbox.more')}
        disabled={!prefs.data}
        onClick={() => setOpen(!open)}
      >
        ⋯
      </Button>
      {open && (
        <ul className="mt-1 rounded-lg border border-line bg-surface p-1">
          {n.accountId && (
            <li>
              <Button
                variant="ghost"
                className="w-full justify-start"
                onClick={() => mute('mutedAccounts', n.accountId ?? '')}
              >
                {t('inbox.muteAccount')}
              </Button>
            </li>
          )}
          {n.projectId && (
            <li>
              <Button
                variant="ghost"
                className="w-full justify-start"
                onClick={() => mute('mutedProjects', n.projectId ?? '')}
              >
                {t('inbox.muteProject')}
              </Button>
            </li>
          )}
        </ul>
      )}
      {save.isSuccess && (
        <p role="status" className="text-sm text-muted">
          {t('inbox.muted')}
        </p>
      )}
      <ErrorNote error={save.error} />
    </div>
  );
}
