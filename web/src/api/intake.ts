// Data in: product adoption, an account's billing and tickets, and the intake settings
// (Segment write keys, the feature catalog, Stripe and support webhook secrets, the review list).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from './client.ts';
import type { paths } from './schema.d.ts';

export type AccountAdoption = Schemas['AccountAdoption'];
export type AdoptionTrend = Schemas['AccountAdoptionTrend'];
export type AdoptionOverview = Schemas['AdoptionOverview'];
export type AccountBilling = Schemas['AccountBilling'];
export type Ticket = Schemas['Ticket'];
export type Feature = Schemas['Feature'];
export type AdoptionScope = 'me' | 'all';
export type DefineFeature = NonNullable<
  paths['/api/v1/features']['post']['requestBody']
>['content']['application/json'];

export function useAccountAdoption(accountId: string) {
  return useQuery({
    queryKey: ['adoption', accountId],
    queryFn: () =>
      call(api.GET('/api/v1/accounts/{id}/adoption', { params: { path: { id: accountId } } })),
  });
}

export function usePortfolioAdoption(owner: AdoptionScope) {
  return useQuery({
    queryKey: ['adoption', 'portfolio', owner],
    queryFn: () => call(api.GET('/api/v1/adoption', { params: { query: { owner } } })),
    placeholderData: keepPreviousData,
  });
}

export function useAdoptionOverview(owner: AdoptionScope) {
  return useQuery({
    queryKey: ['adoption', 'overview', owner],
    queryFn: () => call(api.GET('/api/v1/adoption/overview', { params: { query: { owner } } })),
    placeholderData: keepPreviousData,
  });
}

export function useAccountBilling(accountId: string) {
  return useQuery({
    queryKey: ['billing', accountId],
    queryFn: () =>
      call(api.GET('/api/v1/accounts/{id}/billing', { params: { path: { id: accountId } } })),
  });
}

/** The account's most recent tickets (one page of 100 is what a CSM reads on the 360). */
export function useAccountTickets(accountId: string) {
  return useQuery({
    queryKey: ['tickets', accountId],
    queryFn: () =>
      call(
        api.GET('/api/v1/accounts/{id}/tickets', {
          params: { path: { id: accountId }, query: { limit: 100 } },
        }),
      ),
  });
}

export function useFeatures() {
  return useQuery({ queryKey: ['features'], queryFn: () => call(api.GET('/api/v1/features')) });
}

export function useDefineFeature() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: DefineFeature) => call(api.POST('/api/v1/features', { body })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['features'] }),
  });
}

export function useWriteKeys() {
  return useQuery({
    queryKey: ['writeKeys'],
    queryFn: () => call(api.GET('/api/v1/intake/write-keys')),
  });
}

export function useCreateWriteKey() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => call(api.POST('/api/v1/intake/write-keys', { body: { name } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['writeKeys'] }),
  });
}

export function useRotateWriteKey() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      call(api.POST('/api/v1/intake/write-keys/{id}/rotate', { params: { path: { id } } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['writeKeys'] }),
  });
}

export function useRevokeWriteKey() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      call(api.DELETE('/api/v1/intake/write-keys/{id}', { params: { path: { id } } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['writeKeys'] }),
  });
}

export function useStripeSecrets() {
  return useQuery({
    queryKey: ['stripeSecrets'],
    queryFn: () => call(api.GET('/api/v1/intake/stripe-secrets')),
  });
}

export function useAddStripeSecret() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['AddStripeSecret']) =>
      call(api.POST('/api/v1/intake/stripe-secrets', { body })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['stripeSecrets'] }),
  });
}

export function useRevokeStripeSecret() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      call(api.DELETE('/api/v1/intake/stripe-secrets/{id}', { params: { path: { id } } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['stripeSecrets'] }),
  });
}

export function useSupportSecrets() {
  return useQuery({
    queryKey: ['supportSecrets'],
    queryFn: () => call(api.GET('/api/v1/intake/support-secrets')),
  });
}

export function useCreateSupportSecret() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (name: string) =>
      call(api.POST('/api/v1/intake/support-secrets', { body: { name } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['supportSecrets'] }),
  });
}

export function useRevokeSupportSecret() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      call(api.DELETE('/api/v1/intake/support-secrets/{id}', { params: { path: { id } } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['supportSecrets'] }),
  });
}

export function useReviewItems() {
  return useQuery({
    queryKey: ['intakeReview'],
    queryFn: () => call(api.GET('/api/v1/intake/review', { params: { query: { limit: 100 } } })),
  });
}

export function useAssignReviewItem() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ id, accountId }: { id: string; accountId: string }) =>
      call(
        api.POST('/api/v1/intake/review/{id}/assign', {
          params: { path: { id } },
          body: { accountId },
        }),
      ),
    onSuccess: (_data, { accountId }) => {
      void queries.invalidateQueries({ queryKey: ['intakeReview'] });
      void queries.invalidateQueries({ queryKey: ['billing', accountId] });
      void queries.invalidateQueries({ queryKey: ['tickets', accountId] });
      void queries.invalidateQueries({ queryKey: ['timeline', accountId] });
    },
  });
}

export function useDismissReviewItem() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      call(api.POST('/api/v1/intake/review/{id}/dismiss', { params: { path: { id } } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['intakeReview'] }),
  });
}
