// The revenue screens' routes: renewals, expansion, CS metrics, meetings (the calendar, a
// meeting, scheduling one), an account's QBR prep page, and — outside the signed-in app — a
// shared QBR prep page. Search parameters are validated here; a stale or mistyped value is
// left out rather than failing the page. Each screen's code loads when first visited.
import { createRoute, lazyRouteComponent, type AnyRoute } from '@tanstack/react-router';
import { forecastCategories, meetingKinds, metricKeys } from '../../api/revenueVocabulary.ts';
import { tiers } from '../../api/vocabulary.ts';
import { oneOf, searchOf, text, uuid } from '../searchParams.ts';

const RenewalsPage = lazyRouteComponent(() => import('./RenewalsPage.tsx'), 'RenewalsPage');
const ExpansionPage = lazyRouteComponent(() => import('./ExpansionPage.tsx'), 'ExpansionPage');
const MetricsPage = lazyRouteComponent(() => import('./MetricsPage.tsx'), 'MetricsPage');
const MeetingsPage = lazyRouteComponent(() => import('./MeetingsPage.tsx'), 'MeetingsPage');
const MeetingPage = lazyRouteComponent(() => import('./MeetingPage.tsx'), 'MeetingPage');
const ScheduleMeetingPage = lazyRouteComponent(
  () => import('./ScheduleMeetingPage.tsx'),
  'ScheduleMeetingPage',
);
const QbrPrepPage = lazyRouteComponent(() => import('./QbrPrepPage.tsx'), 'QbrPrepPage');
const SharedQbrPage = lazyRouteComponent(() => import('./SharedQbrPage.tsx'), 'SharedQbrPage');

/** A lazily loaded page's preload, carried by the route's own component. */
const rendering = <C,>(page: { preload?: () => Promise<void> | undefined }, component: C) =>
  Object.assign(component as object, { preload: page.preload }) as C;

/** The signed-in revenue screens, under the app's route. */
export function revenueRoutes<App extends AnyRoute>(app: App) {
  const renewals = createRoute({
    getParentRoute: () => app,
    path: '/renewals',
    validateSearch: searchOf({
      within: oneOf([30, 60, 90, 180]),
      category: oneOf(forecastCategories),
    }),
    component: rendering(RenewalsPage, function Renewals() {
      return <RenewalsPage search={renewals.useSearch()} />;
    }),
  });
  const expansion = createRoute({
    getParentRoute: () => app,
    path: '/expansion',
    validateSearch: searchOf({ view: oneOf(['premium']) }),
    component: rendering(ExpansionPage, function Expansion() {
      return <ExpansionPage search={expansion.useSearch()} />;
    }),
  });
  const metrics = createRoute({
    getParentRoute: () => app,
    path: '/metrics',
    validateSearch: searchOf({
      period: text({ pattern: /^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/ }),
      scope: oneOf(['mine', 'team', 'all']),
      tier: oneOf(tiers),
      focus: oneOf(metricKeys),
    }),
    component: rendering(MetricsPage, function Metrics() {
      return <MetricsPage search={metrics.useSearch()} />;
    }),
  });
  const meetings = createRoute({
    getParentRoute: () => app,
    path: '/meetings',
    component: MeetingsPage,
  });
  const newMeeting = createRoute({
    getParentRoute: () => app,
    path: '/meetings/new',
    validateSearch: searchOf({
      accountId: uuid,
      kind: oneOf(meetingKinds),
    }),
    component: rendering(ScheduleMeetingPage, function Schedule() {
      return <ScheduleMeetingPage search={newMeeting.useSearch()} />;
    }),
  });
  const meeting = createRoute({
    getParentRoute: () => app,
    path: '/meetings/$meetingId',
    component: rendering(MeetingPage, function Meeting() {
      // The app route is a type parameter here, so the params are read as this path names them.
      const { meetingId } = meeting.useParams() as { meetingId: string };
      return <MeetingPage key={meetingId} meetingId={meetingId} />;
    }),
  });
  const qbrPrep = createRoute({
    getParentRoute: () => app,
    path: '/accounts/$accountId/qbr-prep',
    component: rendering(QbrPrepPage, function Prep() {
      const { accountId } = qbrPrep.useParams() as { accountId: string };
      return <QbrPrepPage key={accountId} accountId={accountId} />;
    }),
  });
  return [renewals, expansion, metrics, meetings, newMeeting, meeting, qbrPrep] as const;
}

/** A shared QBR prep page: opened without a sign-in, outside the app's frame. */
export function sharedRevenueRoutes<Root extends AnyRoute>(root: Root) {
  const shared = createRoute({
    getParentRoute: () => root,
    path: '/shared/qbr/$token',
    component: rendering(SharedQbrPage, function Shared() {
      const { token } = shared.useParams() as { token: string };
      return <SharedQbrPage token={token} />;
    }),
  });
  return [shared] as const;
}
