// The route tree. Each screen lives in routes/ under its own name.
import { createRootRoute, createRoute, createRouter, Navigate, Outlet, redirect } from '@tanstack/react-router';
import { useEffect } from 'react';
import { onUnauthorized } from './api/client.ts';
import { useMe } from './api/session.ts';
import { Shell } from './components/Shell.tsx';
import { ErrorNote, Loading } from './components/ui.tsx';
import { setLanguage } from './i18n/index.ts';
import { AccountPage } from './routes/accounts/AccountPage.tsx';
import { PortfolioPage, type PortfolioSearch } from './routes/accounts/PortfolioPage.tsx';
import { FieldsSettings } from './routes/settings/FieldsSettings.tsx';
import { ImportSettings } from './routes/settings/ImportSettings.tsx';
import { PeopleSettings } from './routes/settings/PeopleSettings.tsx';
import { ProfileSettings } from './routes/settings/ProfileSettings.tsx';
import { SettingsPage } from './routes/settings/SettingsPage.tsx';
import { TokensSettings } from './routes/settings/TokensSettings.tsx';
import { SignInPage } from './routes/SignInPage.tsx';
import { MyWorkPage } from './routes/work/MyWorkPage.tsx';
import { OnboardingPage } from './routes/work/OnboardingPage.tsx';
import { ProjectPage } from './routes/work/ProjectPage.tsx';
import { TemplatePage } from './routes/work/TemplatePage.tsx';
import { TemplatesPage } from './routes/work/TemplatesPage.tsx';
import { applyTheme } from './theme.ts';

const rootRoute = createRootRoute({ component: Outlet });

const signInRoute = createRoute({ getParentRoute: () => rootRoute, path: '/sign-in', component: SignInPage });

/** Signed-in screens: without a session, go to sign-in; with one, use the person's theme and language. */
function SignedIn() {
  const me = useMe();
  const profile = me.data;
  useEffect(() => {
    if (!profile) return;
    applyTheme(profile.theme);
    setLanguage(profile.locale);
  }, [profile]);
  useEffect(() => onUnauthorized(() => void me.refetch()), [me]);
  if (me.isPending) return <Loading />;
  if (me.error || !profile) {
    return me.error && 'problem' in me.error && (me.error as { problem: { status: number } }).problem.status !== 401 ? (
      <ErrorNote error={me.error} />
    ) : (
      <Navigate to="/sign-in" />
    );
  }
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
  validateSearch: (search: Record<string, unknown>): PortfolioSearch =>
    Object.fromEntries(Object.entries(search).filter(([, v]) => typeof v === 'string' && v !== '')) as PortfolioSearch,
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

const workRoute = createRoute({ getParentRoute: () => appRoute, path: '/work', component: MyWorkPage });

const projectRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/projects/$projectId',
  component: function Project() {
    const { projectId } = projectRoute.useParams();
    return <ProjectPage key={projectId} projectId={projectId} />;
  },
});

const templatesRoute = createRoute({ getParentRoute: () => appRoute, path: '/templates', component: TemplatesPage });

const templateRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/templates/$templateId',
  component: function Template() {
    const { templateId } = templateRoute.useParams();
    return <TemplatePage key={templateId} templateId={templateId} />;
  },
});

const onboardingRoute = createRoute({ getParentRoute: () => appRoute, path: '/onboarding', component: OnboardingPage });

const settingsRoute = createRoute({ getParentRoute: () => appRoute, path: '/settings', component: SettingsPage });
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
  ['fields', FieldsSettings],
  ['tokens', TokensSettings],
  ['import', ImportSettings],
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
    settingsRoute.addChildren([
      settingsIndexRoute,
      ...settingsTabs.map(([path, component]) => createRoute({ getParentRoute: () => settingsRoute, path, component })),
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
