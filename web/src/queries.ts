// The app's one data cache: the entry renders with it, and routes' loaders start their
// screen's requests in it while the screen's code is still on its way.
import { QueryClient } from '@tanstack/react-query';

export const queries = new QueryClient({
  defaultOptions: {
    // A 4xx will not change by asking again; a flaky network might.
    queries: { retry: (count, error) => count < 2 && !('problem' in error), staleTime: 15_000 },
  },
});
