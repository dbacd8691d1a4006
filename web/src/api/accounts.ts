// The portfolio, the Customer 360, contacts, the timeline, segments and custom fields.
import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, call, type Schemas } from './client.ts';
import { portfolioPageSize } from './portfolioFilters.ts';

export type Account = Schemas['Account'];
/** An account as the portfolio lists it: no plan, seats, MRR or day added (the 360 has them). */
export type PortfolioAccount = Schemas['PortfolioAccount'];
export type TimelineEvent = Schemas['TimelineEvent'];
export type Contact = Schemas['Contact'];
export type PortfolioFilters = Record<string, string>;

/** The portfolio's pages for these filters: the page asks for it, and its route's loader early. */
export const portfolioQuery = (filters: PortfolioFilters) =>
  infiniteQueryOptions({
    queryKey: ['accounts', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/accounts', {
          params: { query: { ...filters, limit: portfolioPageSize, cursor: pageParam } as never },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export function usePortfolio(filters: PortfolioFilters) {
  return useInfiniteQuery(portfolioQuery(filters));
}

export const account360Query = (id: string) =>
  queryOptions({
    queryKey: ['account360', id],
    queryFn: () => call(api.GET('/api/v1/accounts/{id}/360', { params: { path: { id } } })),
  });

export function useAccount360(id: string) {
  return useQuery(account360Query(id));
}

/** What an account's change touches: its 360, its timeline (owner, stage, priority) and lists. */
function refreshAccount(queries: ReturnType<typeof useQueryClient>, id: string) {
  void queries.invalidateQueries({ queryKey: ['account360', id] });
  void queries.invalidateQueries({ queryKey: ['timeline', id] });
  void queries.invalidateQueries({ queryKey: ['accounts'] });
  void queries.invalidateQueries({ queryKey: ['accountChoices'] });
}

export function useCreateAccount() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['CreateAccount']) => call(api.POST('/api/v1/accounts', { body })),
    onSuccess: (account) => refreshAccount(queries, account.id),
  });
}

export function useUpdateAccount(id: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['UpdateAccount']) =>
      call(api.PATCH('/api/v1/accounts/{id}', { params: { path: { id } }, body })),
    onSuccess: () => refreshAccount(queries, id),
  });
}

/** Removes an account (the server keeps its history); it leaves every list. */
export function useRemoveAccount(id: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.DELETE('/api/v1/accounts/{id}', { params: { path: { id } } })),
    // What was about the account is dropped rather than asked for again (it would answer 404);
    // every other answer may have listed it.
    onSuccess: () => {
      queries.removeQueries({ predicate: (query) => query.queryKey.includes(id) });
      void queries.invalidateQueries();
    },
  });
}

export type RemovedAccount = Schemas['RemovedAccount'];

/** The removed accounts this person may restore, the latest removed first. */
export function useRemovedAccounts() {
  return useInfiniteQuery({
    queryKey: ['removedAccounts'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(api.GET('/api/v1/accounts/removed', { params: { query: { cursor: pageParam } } })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** Brings a removed account back: it returns to every list (and to what was dropped of it). */
export function useRestoreAccount() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      call(api.POST('/api/v1/accounts/{id}/restore', { params: { path: { id } } })),
    onSuccess: () => void queries.invalidateQueries(),
  });
}

/**
 * An account's contacts, champions first: whom a piece of feedback is from. Kept under the 360's
 * key, so a contact added, changed or removed there is asked for again here too.
 */
export function useContacts(accountId: string) {
  return useQuery({
    queryKey: ['account360', accountId, 'contacts'],
    enabled: accountId !== '',
    queryFn: () =>
      call(api.GET('/api/v1/accounts/{id}/contacts', { params: { path: { id: accountId } } })),
  });
}

export function useAddContact(accountId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['CreateContact']) =>
      call(
        api.POST('/api/v1/accounts/{id}/contacts', { params: { path: { id: accountId } }, body }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['account360', accountId] }),
  });
}

export function useUpdateContact(accountId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: Schemas['UpdateContact'] & { id: string }) =>
      call(api.PATCH('/api/v1/contacts/{id}', { params: { path: { id } }, body })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['account360', accountId] }),
  });
}

export function useRemoveContact(accountId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      call(api.DELETE('/api/v1/contacts/{id}', { params: { path: { id } } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['account360', accountId] }),
  });
}

/** The account's timeline, newest first; with `kinds`, only events of those kinds. */
export function useTimeline(accountId: string, kinds?: readonly TimelineEvent['kind'][]) {
  const kind = kinds?.join(',');
  return useInfiniteQuery({
    queryKey: ['timeline', accountId, kind ?? 'all'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/accounts/{id}/timeline', {
          params: { path: { id: accountId }, query: { limit: 20, cursor: pageParam, kind } },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useLogEvent(accountId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['LogTimelineEvent']) =>
      call(
        api.POST('/api/v1/accounts/{id}/timeline', { params: { path: { id: accountId } }, body }),
      ),
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: ['timeline', accountId] });
      void queries.invalidateQueries({ queryKey: ['account360', accountId] });
    },
  });
}

export function useSegments() {
  return useQuery({ queryKey: ['segments'], queryFn: () => call(api.GET('/api/v1/segments')) });
}

export function useSaveSegment() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['CreateSegment']) => call(api.POST('/api/v1/segments', { body })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['segments'] }),
  });
}

export function useDeleteSegment() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      call(api.DELETE('/api/v1/segments/{id}', { params: { path: { id } } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['segments'] }),
  });
}

export function useCustomFields(entity: 'account' | 'task' = 'account') {
  return useQuery({
    queryKey: ['customFields', entity],
    queryFn: () => call(api.GET('/api/v1/custom-fields', { params: { query: { entity } } })),
  });
}

export function useDefineCustomField() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['CreateCustomField']) =>
      call(api.POST('/api/v1/custom-fields', { body })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['customFields'] }),
  });
}

export function useUsers() {
  return useQuery({ queryKey: ['users'], queryFn: () => call(api.GET('/api/v1/users')) });
}
