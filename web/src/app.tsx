// The web app itself (started by main.tsx once index.html's top bar is on screen): data cache,
// router, languages and theme.
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { languageReady } from './i18n/index.ts';
import { queries } from './queries.ts';
import { router } from './router.tsx';
import { followSystemTheme } from './theme.ts';

followSystemTheme();

const root = document.getElementById('root');
// Someone reading in Russian waits for its strings (fetched beside the first screen's code)
// rather than seeing the screen in English first.
void languageReady.then(() => {
  if (!root) return;
  // The first render as a transition: React draws it in slices, not in one long task.
  startTransition(() =>
    createRoot(root).render(
      <StrictMode>
        <QueryClientProvider client={queries}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </StrictMode>,
    ),
  );
});
