// The portfolio's first requests, started by the entry (main.tsx) as it runs rather than by the
// route's loader once the app's code has arrived and run: who is signed in (the shell's Link
// header has it on its way already), then from their permissions the first page of accounts and
// the month's most asked-for feature, the sentence above the list. The app's client is handed
// these answers when its queries ask for the same URLs (api/early.ts, api/client.ts).
import { startEarly } from '../../api/early.ts';
import type { Me } from '../../api/session.ts';
import { portfolioFilters, portfolioPageSize } from '../../api/portfolioFilters.ts';

export function startPortfolioRequests() {
  // A filtered, sorted or saved view: its search is read and checked by the router first.
  if (location.search !== '') return;
  startEarly('/api/v1/me')
    ?.then(async (answer) => {
      if (!answer.ok) return;
      const me = (await answer.clone().json()) as Me;
      const filters = portfolioFilters({}, me.permissions.includes('view_all_accounts'));
      const query = new URLSearchParams({ ...filters, limit: String(portfolioPageSize) });
      startEarly(`/api/v1/accounts?${query}`);
      if (me.permissions.includes('view_client_feedback'))
        startEarly('/api/v1/feedback/highlight?since=30d');
    })
    // The app asks again itself, and shows what went wrong.
    .catch(() => undefined);
}
