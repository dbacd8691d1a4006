// The frame around every signed-in screen: a top bar, the areas in a sidebar on a desk and in
// a bottom bar on a phone — the first few there, the rest under "More".
import { Link, Outlet, useLocation } from '@tanstack/react-router';
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useInboxStream, useUnreadCount } from '../api/notify.ts';
import { useMe, useSignOut } from '../api/session.ts';
import { Logo } from './Logo.tsx';
import { ToastHost } from './Toast.tsx';
import { useWiderThan } from './media.ts';

export type NavArea = {
  to: string;
  /** Its label, `namespace:key` for an area's own namespace. */
  key: string;
  icon: string;
  /** One of the few a phone's bottom bar holds; every other area is under "More". */
  onPhoneBar?: true;
};

/**
 * Steward's areas, in the order people meet them. A new area is one line appended here: it
 * shows in the sidebar on a desk and under "More" on a phone, so the phone's bar never grows
 * past the width of a 360-pixel screen in any language.
 */
export const areas: NavArea[] = [
  { to: '/accounts', key: 'nav.portfolio', icon: '◎', onPhoneBar: true },
  { to: '/work', key: 'nav.work', icon: '✓', onPhoneBar: true },
  { to: '/health', key: 'health:nav.health', icon: '♥', onPhoneBar: true },
  { to: '/onboarding', key: 'nav.onboarding', icon: '↗' },
  { to: '/adoption', key: 'intake:nav.adoption', icon: '▥' },
  { to: '/templates', key: 'nav.templates', icon: '▤' },
  { to: '/feedback', key: 'voice:nav.feedback', icon: '✎' },
  { to: '/roadmap', key: 'voice:nav.roadmap', icon: '⚑' },
  { to: '/nps', key: 'voice:nav.nps', icon: '☺' },
  { to: '/renewals', key: 'revenue:nav.renewals', icon: '↻' },
  { to: '/expansion', key: 'revenue:nav.expansion', icon: '⇡' },
  { to: '/metrics', key: 'revenue:nav.metrics', icon: '◔' },
  { to: '/meetings', key: 'revenue:nav.meetings', icon: '◷' },
  { to: '/settings', key: 'nav.settings', icon: '⚙' },
];

const isUnder = (pathname: string, to: string) => pathname === to || pathname.startsWith(`${to}/`);

function SideLink({ area }: { area: NavArea }) {
  const { t } = useTranslation();
  return (
    <Link
      to={area.to}
      className="flex min-h-11 items-center gap-3 rounded-lg px-3 text-muted hover:bg-raised"
      activeProps={{ className: 'text-ink font-semibold bg-raised', 'aria-current': 'page' }}
    >
      <span aria-hidden="true" className="w-5 text-center">
        {area.icon}
      </span>
      {t(area.key)}
    </Link>
  );
}

function BarItem({ children, active }: { children: ReactNode; active: boolean }) {
  return (
    <span
      className={`flex min-h-14 w-full min-w-0 flex-col items-center justify-center gap-0.5 rounded-lg px-1 text-xs ${active ? 'bg-raised font-semibold text-ink' : 'text-muted'}`}
    >
      {children}
    </span>
  );
}

/** The phone's bottom bar: its few areas, then "More" opening the others above it. */
function PhoneBar() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const bar = areas.filter((area) => area.onPhoneBar);
  const more = areas.filter((area) => !area.onPhoneBar);
  const inMore = more.some((area) => isUnder(pathname, area.to));
  // Going somewhere closes the panel; so does Escape.
  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    if (!open) return;
    const close = (event: KeyboardEvent) => event.key === 'Escape' && setOpen(false);
    window.addEventListener('keydown', close);
    return () => window.removeEventListener('keydown', close);
  }, [open]);
  return (
    <nav
      aria-label={t('nav.menu')}
      className="fixed inset-x-0 bottom-0 z-10 border-t border-line bg-surface pb-[env(safe-area-inset-bottom)]"
    >
      {open && (
        <ul
          id={panelId}
          aria-label={t('nav.moreMenu')}
          className="grid grid-cols-2 gap-1 border-b border-line p-2"
        >
          {more.map((area) => (
            <li key={area.to}>
              <SideLink area={area} />
            </li>
          ))}
        </ul>
      )}
      <ul className="grid grid-flow-col auto-cols-fr gap-1 px-1 py-1">
        {bar.map((area) => (
          <li key={area.to} className="min-w-0">
            <Link
              to={area.to}
              className="block rounded-lg"
              aria-current={isUnder(pathname, area.to) ? 'page' : undefined}
            >
              <BarItem active={isUnder(pathname, area.to)}>
                <span aria-hidden="true">{area.icon}</span>
                <span className="max-w-full truncate">{t(area.key)}</span>
              </BarItem>
            </Link>
          </li>
        ))}
        <li className="min-w-0">
          <button
            type="button"
            className="block w-full rounded-lg"
            aria-expanded={open}
            aria-controls={panelId}
            onClick={() => setOpen((was) => !was)}
          >
            <BarItem active={inMore || open}>
              <span aria-hidden="true">☰</span>
              <span className="max-w-full truncate">{t('nav.more')}</span>
            </BarItem>
          </button>
        </li>
      </ul>
    </nav>
  );
}

/**
 * True once the browser is first idle after the frame has mounted: the screen inside has drawn
 * what it had to show. What only decorates the frame waits for it rather than competing with
 * the screen's own requests and drawing.
 */
function useAfterScreen(): boolean {
  const [after, setAfter] = useState(false);
  useEffect(() => {
    const done = () => setAfter(true);
    // Safari has no idle callbacks: a second, about when a phone has drawn the screen.
    if (!('requestIdleCallback' in window)) {
      const timer = setTimeout(done, 1000);
      return () => clearTimeout(timer);
    }
    const idle = requestIdleCallback(done, { timeout: 3000 });
    return () => cancelIdleCallback(idle);
  }, []);
  return after;
}

/**
 * The inbox with its unread count, kept live by the inbox's event stream. Both wait until the
 * screen has drawn: asked for as the frame mounted, the count and the stream (which holds one of
 * the browser's six connections to Steward for as long as the page is open) went ahead of the
 * screen's own code and data.
 */
function InboxLink() {
  const { t } = useTranslation('notify');
  const afterScreen = useAfterScreen();
  useInboxStream(afterScreen);
  const unread = useUnreadCount(afterScreen).data ?? 0;
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

/**
 * `ask` is Ask Steward's way in, placed in the top bar, and its host, placed once: the router
 * hands them in, so the frame does not reach up into a screen's code.
 */
export function Shell({ ask }: { ask: { button: ReactNode; host: ReactNode } }) {
  const { t } = useTranslation();
  const me = useMe();
  const signOut = useSignOut();
  // The sidebar on a desk, the bottom bar on a phone: only the one on screen is drawn.
  const desk = useWiderThan('md');
  return (
    <ToastHost>
      <div className="min-h-screen pb-24 md:pb-0">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
          {t('app.skip')}
        </a>
        <header className="sticky top-0 z-10 border-b border-line bg-surface">
          <div className="flex items-center gap-2 px-4 py-2">
            <Link to="/accounts" className="flex min-h-11 items-center gap-2 font-bold text-ink">
              <Logo className="h-7 w-7" />
              {t('app.name')}
            </Link>
            <div className="ml-auto flex min-w-0 items-center gap-2">
              {ask.button}
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
        <div className="md:flex">
          {desk && (
            <nav aria-label={t('nav.menu')} className="w-56 shrink-0 border-r border-line">
              <ul className="sticky top-16 flex flex-col gap-1 p-3">
                {areas.map((area) => (
                  <li key={area.to}>
                    <SideLink area={area} />
                  </li>
                ))}
              </ul>
            </nav>
          )}
          <main id="main" className="mx-auto w-full max-w-7xl min-w-0 px-4 py-4">
            <Outlet />
          </main>
        </div>
        {ask.host}
        {!desk && <PhoneBar />}
      </div>
    </ToastHost>
  );
}
