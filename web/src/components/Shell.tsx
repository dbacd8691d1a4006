// The frame around every signed-in screen: a top bar on wide screens, a bottom bar on phones.
import { Link, Outlet } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe, useSignOut } from '../api/session.ts';

const links = [
  { to: '/accounts', key: 'nav.portfolio', icon: '◎' },
  { to: '/work', key: 'nav.work', icon: '✓' },
  { to: '/onboarding', key: 'nav.onboarding', icon: '↗' },
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
      className={`flex min-h-11 items-center justify-center gap-1 rounded-lg px-3 text-muted hover:bg-raised ${compact ? 'flex-col text-xs' : ''}`}
      activeProps={{ className: 'text-ink font-semibold bg-raised', 'aria-current': 'page' }}
    >
      {children}
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
      <nav
        aria-label={t('nav.menu')}
        className="fixed inset-x-0 bottom-0 z-10 grid grid-cols-5 border-t border-line bg-surface pb-[env(safe-area-inset-bottom)] sm:hidden"
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
