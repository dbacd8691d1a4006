// The frame around every signed-in screen: a top bar on wide screens, a bottom bar on phones.
import { Link, Outlet } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useInboxStream, useUnreadCount } from '../api/notify.ts';
import { useMe, useSignOut } from '../api/session.ts';
import { AskButton, AskHost } from '../routes/assistant/AskHost.tsx';

const links = [
  { to: '/accounts', key: 'nav.portfolio', icon: '◎' },
  { to: '/health', key: 'health:nav.health', icon: '♥' },
  { to: '/work', key: 'nav.work', icon: '✓' },
  { to: '/onboarding', key: 'nav.onboarding', icon: '↗' },
  { to: '/adoption', key: 'intake:nav.adoption', icon: '▥' },
  { to: '/templates', key: 'nav.templates', icon: '▤' },
  { to: '/settings', key: 'nav.settings', icon: '⚙' },
] as const;

function NavLink({
  to,
  children,
  compact,
}: {
  to: string;
  children: ReactNode;
  compact?: boolean;
}) {
  return (
    <Link
      to={to}
      className={`flex min-h-11 items-center justify-center gap-1 rounded-lg px-3 text-muted hover:bg-raised ${compact ? 'min-w-16 flex-1 shrink-0 flex-col px-2 text-xs' : ''}`}
      activeProps={{ className: 'text-ink font-semibold bg-raised', 'aria-current': 'page' }}
    >
      {children}
    </Link>
  );
}

/** The inbox with its unread count, kept live by the inbox's event stream. */
function InboxLink() {
  const { t } = useTranslation('notify');
  useInboxStream();
  const unread = useUnreadCount().data ?? 0;
  return (
    <Link
      to="/inbox"
      aria-label={`${t('nav.inbox')}: ${t('nav.unread', { count: unread })}`}
      className="relative flex min-h-11 min-w-11 items-center justify-center gap-1 rounded-lg px-2 text-muted hover:bg-raised"
      activeProps={{ className: 'text-ink bg-raised', 'aria-current': 'page' }}
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className="h-6 w-6"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      <span className="hidden lg:inline">{t('nav.inbox')}</span>
      {unread > 0 && (
        <span
          aria-hidden="true"
          className="absolute top-0.5 right-0.5 min-w-5 rounded-full bg-critical px-1 text-center text-xs leading-5 font-semibold text-surface"
        >
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </Link>
  );
}

export function Shell() {
  const { t } = useTranslation();
  const me = useMe();
  const signOut = useSignOut();
  return (
    <div className="min-h-screen pb-20 sm:pb-0">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
        {t('app.skip')}
      </a>
      <header className="sticky top-0 z-10 border-b border-line bg-surface">
        <div className="mx-auto flex max-w-7xl items-center gap-4 px-4 py-2">
          <Link to="/accounts" className="flex min-h-11 items-center gap-2 font-bold text-ink">
            <img src="/icon.svg" alt="" className="h-7 w-7" />
            {t('app.name')}
          </Link>
          <nav aria-label={t('nav.menu')} className="hidden flex-1 gap-1 sm:flex">
            {links.map((link) => (
              <NavLink key={link.to} to={link.to}>
                {t(link.key)}
              </NavLink>
            ))}
          </nav>
          <div className="ml-auto flex items-center gap-2">
            <AskButton />
            <InboxLink />
            <span className="hidden text-sm text-muted md:inline">{me.data?.name}</span>
            <button
              type="button"
              className="min-h-11 rounded-lg px-3 text-sm text-muted hover:bg-raised"
              onClick={() => signOut.mutate()}
            >
              {t('nav.signOut')}
            </button>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-4">
        <Outlet />
      </main>
      <AskHost />
      <nav
        aria-label={t('nav.menu')}
        className="fixed inset-x-0 bottom-0 z-10 flex overflow-x-auto border-t border-line bg-surface pb-[env(safe-area-inset-bottom)] sm:hidden"
      >
        {links.map((link) => (
          <NavLink key={link.to} to={link.to} compact>
            <span aria-hidden="true">{link.icon}</span>
            {t(link.key)}
          </NavLink>
        ))}
      </nav>
    </div>
  );
}
