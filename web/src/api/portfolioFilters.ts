// What the portfolio asks the server for, from its search parameters and who is asking: a module
// of its own (no schema or data library) so the entry can ask for the first page before the app
// has run (routes/accounts/portfolioFirstRequests.ts), in the same words as the page does.

/** How many accounts a page of the portfolio holds. */
export const portfolioPageSize = 50;

/**
 * The filters the portfolio asks the server for: without view_all_accounts a person only ever
 * has their own clients; with it, "All" is the default and "Mine" narrows the list.
 */
export function portfolioFilters(
  search: Readonly<Partial<Record<string, string>>>,
  seesAll: boolean,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries({ ...search, owner: seesAll ? search.owner : 'me' }).filter(
      (entry): entry is [string, string] => Boolean(entry[1]),
    ),
  );
}
