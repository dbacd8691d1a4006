// The web app's entry: data cache, router, languages and theme.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registerSW } from 'virtual:pwa-register';
import './i18n/index.ts';
import { router } from './router.tsx';
import './styles.css';
import { followSystemTheme } from './theme.ts';

const queries = new QueryClient({
  defaultOptions: {
    // A 4xx will not change by asking again; a flaky network might.
    queries: { retry: (count, error) => count < 2 && !('problem' in error), staleTime: 15_000 },
  },
});

followSystemTheme();
registerSW({ immediate: true });

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queries}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </StrictMode>,
  );
}
