// The route tree. Each screen lives in routes/ under its own name.
import {
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
  useRouter,
} from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useDeferredValue, useEffect, type ReactNode } from 'react';
import { ApiError, onUnauthorized } from './api/client.ts';
import { account360Query, portfolioQuery } from './api/accounts.ts';
import { meQuery, useMe } from './api/session.ts';
import { myWorkQuery } from './api/work.ts';
import { highlightQuery } from './api/voice.ts';
import { Shell } from './components/Shell.tsx';
import { AskButton, AskHost } from './routes/assistant/AskHost.tsx';
import { setTimeZone } from './components/format.ts';
import { ErrorNote, Loading } from './components/ui.tsx';
import { setLanguage } from './i18n/index.ts';
import { portfolioFilters } from './api/portfolioFilters.ts';
import { portfolioSearch } from './routes/accounts/portfolioSearch.ts';
import { auditSearch } from './routes/settings/auditSearch.ts';
import { searchOf, text, uuid } from './routes/searchParams.ts';
import { queries } from './queries.ts';
import { SignInPage } from './routes/SignInPage.tsx';
import { PasswordResetPage } from './routes/PasswordResetPage.tsx';
import { NotFoundPage } from './routes/NotFoundPage.tsx';
import { revenueRoutes, sharedRevenueRoutes } from './routes/revenue/routes.tsx';
import { applyTheme } from './theme.ts';

// Each screen's code is fetched when its route is first visited (or a link to it hovered), so
// opening the portfolio does not download every other screen and the charting library first.
const AccountPage = lazyRouteComponent(
  () => import('./routes/accounts/AccountPage.tsx'),
  'AccountPage',
);
const RemovedAccountsPage = lazyRouteComponent(
  () => import('./routes/accounts/RemovedAccountsPage.tsx'),
  'RemovedAccountsPage',
);
const HealthPage = lazyRouteComponent(() => import('./routes/health/HealthPage.tsx'), 'HealthPage');
const ScorecardPage = lazyRouteComponent(
  () => import('./routes/health/ScorecardPage.tsx'),
  'ScorecardPage',
);
const EscalationsPage = lazyRouteComponent(
  () => import('./routes/notify/EscalationsPage.tsx'),
  'EscalationsPage',
);
const InboxPage = lazyRouteComponent(() => import('./routes/notify/InboxPage.tsx'), 'InboxPage');
const NotificationSettings = lazyRouteComponent(
  () => import('./routes/notify/NotificationSettings.tsx'),
  'NotificationSettings',
);
const SlaPoliciesPage = lazyRouteComponent(
  () => import('./routes/notify/SlaPoliciesPage.tsx'),
  'SlaPoliciesPage',
);
const SlaPolicyPage = lazyRouteComponent(
  () => import('./routes/notify/SlaPolicyPage.tsx'),
  'SlaPolicyPage',
);
const PortfolioPage = lazyRouteComponent(
  () => import('./routes/accounts/PortfolioPage.tsx'),
  'PortfolioPage',
);
const FieldsSettings = lazyRouteComponent(
  () => import('./routes/settings/FieldsSettings.tsx'),
  'FieldsSettings',
);
const ImportSettings = lazyRouteComponent(
  () => import('./routes/settings/ImportSettings.tsx'),
  'ImportSettings',
);
const ExportSettings = lazyRouteComponent(
  () => import('./routes/settings/ExportSettings.tsx'),
  'ExportSettings',
);
const PeopleSettings = lazyRouteComponent(
  () => import('./routes/settings/PeopleSettings.tsx'),
  'PeopleSettings',
);
const RolesSettings = lazyRouteComponent(
  () => import('./routes/settings/RolesSettings.tsx'),
  'RolesSettings',
);
const ProfileSettings = lazyRouteComponent(
  () => import('./routes/settings/ProfileSettings.tsx'),
  'ProfileSettings',
);
const SettingsPage = lazyRouteComponent(
  () => import('./routes/settings/SettingsPage.tsx'),
  'SettingsPage',
);
const TokensSettings = lazyRouteComponent(
  () => import('./routes/settings/TokensSettings.tsx'),
  'TokensSettings',
);
const IntakeSettings = lazyRouteComponent(
  () => import('./routes/settings/IntakeSettings.tsx'),
  'IntakeSettings',
);
const AuditLogSettings = lazyRouteComponent(
  () => import('./routes/settings/AuditLogSettings.tsx'),
  'AuditLogSettings',
);
const HolidaysSettings = lazyRouteComponent(
  () => import('./routes/settings/HolidaysSettings.tsx'),
  'HolidaysSettings',
);
const WebhooksSettings = lazyRouteComponent(
  () => import('./routes/settings/WebhooksSettings.tsx'),
  'WebhooksSettings',
);
const AdoptionPage = lazyRouteComponent(
  () => import('./routes/adoption/AdoptionPage.tsx'),
  'AdoptionPage',
);
const MyWorkPage = lazyRouteComponent(() => import('./routes/work/MyWorkPage.tsx'), 'MyWorkPage');
const OnboardingPage = lazyRouteComponent(
  () => import('./routes/work/OnboardingPage.tsx'),
  'OnboardingPage',
);
const ProjectPage = lazyRouteComponent(
  () => import('./routes/work/project/ProjectPage.tsx'),
  'ProjectPage',
);
const TemplatePage = lazyRouteComponent(
  () => import('./routes/work/template/TemplatePage.tsx'),
  'TemplatePage',
);
const TemplatesPage = lazyRouteComponent(
  () => import('./routes/work/TemplatesPage.tsx'),
  'TemplatesPage',
);

/**
 * A route's own component that renders a lazily loaded page with the route's params: it carries
 * the page's preload, so the router fetches the page's code before rendering, as for a page
 * given directly.
 */
function rendering(
  page: { preload?: () => Promise<void> | undefined },
  component: () => ReactNode,
) {
  return Object.assign(component, { preload: page.preload });
}

const rootRoute = createRootRoute({ component: Outlet });

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: searchOf({ redirect: text() }),
  component: function SignIn() {
    return <SignInPage redirect={signInRoute.useSearch().redirect} />;
  },
});

/** A forgotten password: ask for a link, or (with the link's token) choose a new one. */
const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reset-password',
  validateSearch: searchOf({ token: text() }),
  component: function ResetPassword() {
    return <PasswordResetPage token={resetPasswordRoute.useSearch().token} />;
  },
});

/** Signed-in screens: without a session, go to sign-in; with one, use the person's theme and language. */
function SignedIn() {
  const me = useMe();
  const queries = useQueryClient();
  const router = useRouter();
  const profile = me.data;
  const refused = me.error instanceof ApiError && me.error.problem.status !== 401;
  const signedOut = !me.isPending && !profile && !refused;
  useEffect(() => {
    if (!profile) return;
    applyTheme(profile.theme);
    setLanguage(profile.locale);
    setTimeZone(profile.timezone);
  }, [profile]);
  // A 401 from any call means the session ended: forget who was signed in.
  useEffect(() => onUnauthorized(() => queries.setQueryData(['me'], null)), [queries]);
  useEffect(() => {
    if (!signedOut) return;
    // Back to where the person was, once they have signed in again.
    const here = router.state.location.href;
    void router.navigate({
      to: '/sign-in',
      search: here === '/' ? {} : { redirect: here },
      replace: true,
    });
  }, [signedOut, router]);
  // The frame and its screen are drawn from a deferred copy of the profile: as a transition, in
  // slices a phone can answer a tap between, rather than in one long task when it arrives.
  const shown = useDeferredValue(profile ?? null, null);
  if (refused) return <ErrorNote error={me.error} />;
  if (!shown) return <Loading />;
  return <Shell ask={{ button: <AskButton />, host: <AskHost /> }} />;
}

// The loaders below start a screen's requests as its route is matched (or a link to it hovered),
// beside the download of its code rather than after it; they never hold the screen back.
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  component: SignedIn,
  loader: () => void queries.prefetchQuery(meQuery),
});

const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/accounts' });
  },
});

const portfolioRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/accounts',
  validateSearch: portfolioSearch,
  loaderDeps: ({ search }) => search,
  loader: ({ deps }) =>
    void queries
      .ensureQueryData(meQuery)
      .then((me) =>
        Promise.all([
          queries.prefetchInfiniteQuery(
            portfolioQuery(
              portfolioFilters(deps, me?.permissions.includes('view_all_accounts') ?? false),
            ),
          ),
          // The page waits for the sentence above its list (no shift when it arrives).
          me?.permissions.includes('view_client_feedback') && queries.prefetchQuery(highlightQuery),
        ]),
      )
      .catch(() => undefined),
  component: rendering(PortfolioPage, function Portfolio() {
    return <PortfolioPage search={portfolioRoute.useSearch()} />;
  }),
});

const accountRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/accounts/$accountId',
  loader: ({ params }) => void queries.prefetchQuery(account360Query(params.accountId)),
  component: rendering(AccountPage, function Account() {
    const { accountId } = accountRoute.useParams();
    return <AccountPage key={accountId} accountId={accountId} />;
  }),
});

const removedAccountsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/accounts/removed',
  component: RemovedAccountsPage,
});

const workRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/work',
  loader: () => void queries.prefetchQuery(myWorkQuery),
  component: MyWorkPage,
});

const projectRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/projects/$projectId',
  // `?task=`: the task whose detail is open, so a link (a mention in the inbox) can open it.
  validateSearch: searchOf({ task: uuid }),
  component: rendering(ProjectPage, function Project() {
    const { projectId } = projectRoute.useParams();
    const { task } = projectRoute.useSearch();
    const navigate = projectRoute.useNavigate();
    return (
      <ProjectPage
        key={projectId}
        projectId={projectId}
        openTaskId={task ?? null}
        onOpenTask={(id) => void navigate({ search: { task: id ?? undefined } })}
      />
    );
  }),
});

const templatesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/templates',
  component: TemplatesPage,
});

const templateRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/templates/$templateId',
  component: rendering(TemplatePage, function Template() {
    const { templateId } = templateRoute.useParams();
    return <TemplatePage key={templateId} templateId={templateId} />;
  }),
});

const onboardingRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/onboarding',
  component: OnboardingPage,
});

const inboxRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/inbox',
  component: InboxPage,
});

const escalationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/escalations',
  component: EscalationsPage,
});

const slaPoliciesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/sla-policies',
  component: SlaPoliciesPage,
});

const newSlaPolicyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/sla-policies/new',
  component: rendering(SlaPolicyPage, function NewSlaPolicy() {
    return <SlaPolicyPage />;
  }),
});

const slaPolicyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/sla-policies/$policyId',
  component: rendering(SlaPolicyPage, function SlaPolicy() {
    const { policyId } = slaPolicyRoute.useParams();
    return <SlaPolicyPage key={policyId} policyId={policyId} />;
  }),
});

const healthRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/health',
  component: HealthPage,
});

const scorecardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/health/scorecard',
  component: ScorecardPage,
});

const adoptionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/adoption',
  component: AdoptionPage,
});

const settingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/settings',
  component: SettingsPage,
});
const settingsIndexRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/settings/profile' });
  },
});
const settingsTabs = [
  ['profile', ProfileSettings],
  ['people', PeopleSettings],
  ['roles', RolesSettings],
  ['fields', FieldsSettings],
  ['tokens', TokensSettings],
  ['import', ImportSettings],
  ['export', ExportSettings],
  ['intake', IntakeSettings],
  ['webhooks', WebhooksSettings],
  ['holidays', HolidaysSettings],
  ['notifications', NotificationSettings],
] as const;

// The audit log keeps its filters in its address: a tab of its own, to check them.
const auditLogRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: 'audit',
  validateSearch: auditSearch,
  component: rendering(AuditLogSettings, function AuditLog() {
    return <AuditLogSettings search={auditLogRoute.useSearch()} />;
  }),
});

const FeedbackPage = lazyRouteComponent(
  () => import('./routes/voice/FeedbackPage.tsx'),
  'FeedbackPage',
);
const ThemePage = lazyRouteComponent(() => import('./routes/voice/ThemePage.tsx'), 'ThemePage');
const RoadmapPage = lazyRouteComponent(
  () => import('./routes/voice/RoadmapPage.tsx'),
  'RoadmapPage',
);
const NpsPage = lazyRouteComponent(() => import('./routes/voice/NpsPage.tsx'), 'NpsPage');
const SurveyPage = lazyRouteComponent(() => import('./routes/voice/SurveyPage.tsx'), 'SurveyPage');

const feedbackRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/feedback',
  component: FeedbackPage,
});

const themeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/feedback/themes/$themeId',
  component: rendering(ThemePage, function Theme() {
    const { themeId } = themeRoute.useParams();
    return <ThemePage key={themeId} themeId={themeId} />;
  }),
});

const roadmapRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/roadmap',
  component: RoadmapPage,
});

const npsRoute = createRoute({ getParentRoute: () => appRoute, path: '/nps', component: NpsPage });

/** The survey a customer's contact answers from an e-mail: outside the signed-in app. */
const surveyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/s/$token',
  component: rendering(SurveyPage, function Survey() {
    const { token } = surveyRoute.useParams();
    return <SurveyPage token={token} />;
  }),
});

// Any other address, signed in: said so in the frame, with the way back.
const notFoundRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '$',
  component: NotFoundPage,
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  resetPasswordRoute,
  ...sharedRevenueRoutes(rootRoute),
  surveyRoute,
  appRoute.addChildren([
    indexRoute,
    portfolioRoute,
    accountRoute,
    removedAccountsRoute,
    workRoute,
    projectRoute,
    templatesRoute,
    templateRoute,
    onboardingRoute,
    healthRoute,
    scorecardRoute,
    adoptionRoute,
    inboxRoute,
    escalationsRoute,
    slaPoliciesRoute,
    newSlaPolicyRoute,
    slaPolicyRoute,
    feedbackRoute,
    themeRoute,
    roadmapRoute,
    npsRoute,
    ...revenueRoutes(appRoute),
    settingsRoute.addChildren([
      settingsIndexRoute,
      ...settingsTabs.map(([path, component]) =>
        createRoute({ getParentRoute: () => settingsRoute, path, component }),
      ),
      auditLogRoute,
    ]),
    notFoundRoute,
  ]),
]);

export const router = createRouter({
  routeTree,
  defaultPreload: 'intent',
  // Shown only when a screen's code takes a while to arrive (a slow network).
  defaultPendingComponent: Loading,
});

declare module '@tanstack/react-router' {
  // Declaration merging is how TanStack Router types links against this tree.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Register {
    router: typeof router;
  }
}
