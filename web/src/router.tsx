// The route tree. Each screen lives in routes/ under its own name.
import {
  createRootRoute,
  createRoute,
  createRouter,
  Outlet,
  redirect,
  useRouter,
} from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import * as z from 'zod/mini';
import { ApiError, onUnauthorized } from './api/client.ts';
import { useMe } from './api/session.ts';
import { Shell } from './components/Shell.tsx';
import { setTimeZone } from './components/format.ts';
import { ErrorNote, Loading } from './components/ui.tsx';
import { setLanguage } from './i18n/index.ts';
import { AccountPage } from './routes/accounts/AccountPage.tsx';
import { HealthPage } from './routes/health/HealthPage.tsx';
import { ScorecardPage } from './routes/health/ScorecardPage.tsx';
import { EscalationsPage } from './routes/notify/EscalationsPage.tsx';
import { InboxPage } from './routes/notify/InboxPage.tsx';
import { NotificationSettings } from './routes/notify/NotificationSettings.tsx';
import { SlaPoliciesPage } from './routes/notify/SlaPoliciesPage.tsx';
import { SlaPolicyPage } from './routes/notify/SlaPolicyPage.tsx';
import { PortfolioPage } from './routes/accounts/PortfolioPage.tsx';
import { portfolioSearch } from './routes/accounts/portfolioSearch.ts';
import { FieldsSettings } from './routes/settings/FieldsSettings.tsx';
import { ImportSettings } from './routes/settings/ImportSettings.tsx';
import { PeopleSettings } from './routes/settings/PeopleSettings.tsx';
import { RolesSettings } from './routes/settings/RolesSettings.tsx';
import { ProfileSettings } from './routes/settings/ProfileSettings.tsx';
import { SettingsPage } from './routes/settings/SettingsPage.tsx';
import { TokensSettings } from './routes/settings/TokensSettings.tsx';
import { IntakeSettings } from './routes/settings/IntakeSettings.tsx';
import { AdoptionPage } from './routes/adoption/AdoptionPage.tsx';
import { SignInPage } from './routes/SignInPage.tsx';
import { MyWorkPage } from './routes/work/MyWorkPage.tsx';
import { OnboardingPage } from './routes/work/OnboardingPage.tsx';
import { ProjectPage } from './routes/work/project/ProjectPage.tsx';
import { TemplatePage } from './routes/work/template/TemplatePage.tsx';
import { TemplatesPage } from './routes/work/TemplatesPage.tsx';
import { applyTheme } from './theme.ts';

const rootRoute = createRootRoute({ component: Outlet });

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: z.object({ redirect: z.catch(z.optional(z.string()), undefined) }),
  component: function SignIn() {
    return <SignInPage redirect={signInRoute.useSearch().redirect} />;
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
  if (refused) return <ErrorNote error={me.error} />;
  if (!profile) return <Loading />;
  return <Shell />;
}

const appRoute = createRoute({ getParentRoute: () => rootRoute, id: 'app', component: SignedIn });

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
  component: function Portfolio() {
    return <PortfolioPage search={portfolioRoute.useSearch()} />;
  },
});

const accountRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/accounts/$accountId',
  component: function Account() {
    const { accountId } = accountRoute.useParams();
    return <AccountPage key={accountId} accountId={accountId} />;
  },
});

const workRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/work',
  component: MyWorkPage,
});

const projectRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/projects/$projectId',
  component: function Project() {
    const { projectId } = projectRoute.useParams();
    return <ProjectPage key={projectId} projectId={projectId} />;
  },
});

const templatesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/templates',
  component: TemplatesPage,
});

const templateRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/templates/$templateId',
  component: function Template() {
    const { templateId } = templateRoute.useParams();
    return <TemplatePage key={templateId} templateId={templateId} />;
  },
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
  component: function NewSlaPolicy() {
    return <SlaPolicyPage />;
  },
});

const slaPolicyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/sla-policies/$policyId',
  component: function SlaPolicy() {
    const { policyId } = slaPolicyRoute.useParams();
    return <SlaPolicyPage key={policyId} policyId={policyId} />;
  },
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
  ['intake', IntakeSettings],
  ['notifications', NotificationSettings],
] as const;

const routeTree = rootRoute.addChildren([
  signInRoute,
  appRoute.addChildren([
    indexRoute,
    portfolioRoute,
    accountRoute,
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
    settingsRoute.addChildren([
      settingsIndexRoute,
      ...settingsTabs.map(([path, component]) =>
        createRoute({ getParentRoute: () => settingsRoute, path, component }),
      ),
    ]),
  ]),
]);

export const router = createRouter({ routeTree, defaultPreload: 'intent' });

declare module '@tanstack/react-router' {
  // Declaration merging is how TanStack Router types links against this tree.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Register {
    router: typeof router;
  }
}
