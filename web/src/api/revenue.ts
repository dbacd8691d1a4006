// Revenue and meetings: the renewal pipeline and forecast overrides, expansion and tracked
// opportunities, the CS metrics with their targets, meetings and QBRs, and the QBR prep page.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from './client.ts';
import type { Tier } from './vocabulary.ts';

export type RenewalPipeline = Schemas['RenewalPipeline'];
export type Renewal = Schemas['Renewal'];
export type OverrideInput = Schemas['ForecastOverrideInput'];
export type AccountForecast = Schemas['AccountRenewalForecast'];
export type Expansion = Schemas['ExpansionOpportunities'];
export type ExpansionItem = Expansion['items'][number];
export type SignalKind = ExpansionItem['signals'][number]['kind'];
export type Opportunity = Schemas['Opportunity'];
export type NewOpportunity = Schemas['NewOpportunity'];
export type OpportunityChanges = Schemas['OpportunityChanges'];
export type CsMetrics = Schemas['CsMetrics'];
export type CsMetric = Schemas['CsMetric'];
export type MetricTarget = Schemas['MetricTarget'];
export type Meeting = Schemas['Meeting'];
export type MeetingDetail = Schemas['MeetingDetail'];
export type NewMeeting = Schemas['NewMeeting'];
export type MeetingChanges = Schemas['MeetingChanges'];
export type MeetingHeld = Schemas['MeetingHeld'];
export type ActionItemInput = Schemas['MeetingActionItems']['actionItems'][number];
export type CadenceInput = Schemas['MeetingCadences']['cadences'][number];
export type PlanPrice = Schemas['RevenuePlan'];
export type OverdueQbrs = Schemas['OverdueQbrs'];
export type QbrPrep = Schemas['QbrPrep'];
export type Money = Renewal['arr'];
export type {
  ForecastCategory,
  MeetingKind,
  MetricKey,
  OpportunityKind,
  OpportunityStage,
} from './revenueVocabulary.ts';

export {
  forecastCategories,
  meetingKinds,
  metricKeys,
  opportunityKinds,
  opportunityStages,
} from './revenueVocabulary.ts';

export type RenewalsQuery = { within?: string; owner?: string; category?: string };

export function useRenewals(query: RenewalsQuery) {
  return useQuery({
    queryKey: ['revenue', 'renewals', query],
    queryFn: () =>
      call(api.GET('/api/v1/renewals', { params: { query: { ...query, limit: 500 } } })),
    placeholderData: keepPreviousData,
  });
}

export function useAccountForecast(accountId: string) {
  return useQuery({
    queryKey: ['revenue', 'forecast', accountId],
    queryFn: () =>
      call(
        api.GET('/api/v1/accounts/{id}/renewal-forecast', { params: { path: { id: accountId } } }),
      ),
  });
}

export function useOverrideForecast(accountId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: OverrideInput) =>
      call(
        api.POST('/api/v1/accounts/{id}/renewal-forecast', {
          params: { path: { id: accountId } },
          body,
        }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['revenue'] }),
  });
}

export function useExpansion(view: 'all' | 'premium', owner: string | undefined) {
  return useQuery({
    queryKey: ['revenue', 'expansion', view, owner ?? 'all'],
    queryFn: () =>
      call(
        api.GET('/api/v1/expansion-opportunities', {
          params: { query: { view, ...(owner ? { owner } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useOpportunities(accountId: string) {
  return useQuery({
    queryKey: ['revenue', 'opportunities', accountId],
    queryFn: () => call(api.GET('/api/v1/opportunities', { params: { query: { accountId } } })),
  });
}

export function useCreateOpportunity() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: NewOpportunity) => call(api.POST('/api/v1/opportunities', { body })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['revenue'] }),
  });
}

export function useUpdateOpportunity() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: OpportunityChanges & { id: string }) =>
      call(api.PATCH('/api/v1/opportunities/{id}', { params: { path: { id } }, body })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['revenue'] }),
  });
}

export type MetricsQuery = {
  period: string;
  owner?: string;
  team?: string;
  tier?: Tier;
};

export function useMetrics(query: MetricsQuery) {
  return useQuery({
    queryKey: ['revenue', 'metrics', query],
    queryFn: () => call(api.GET('/api/v1/metrics', { params: { query: { ...query, trend: 6 } } })),
    placeholderData: keepPreviousData,
  });
}

export function useTargets() {
  return useQuery({
    queryKey: ['revenue', 'targets'],
    queryFn: () => call(api.GET('/api/v1/metrics/targets')),
  });
}

export function useSetTargets() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (targets: Record<string, number | null>) =>
      call(api.PUT('/api/v1/metrics/targets', { body: { targets } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['revenue'] }),
  });
}

export function useMeetings(query: { accountId?: string; mine?: boolean; from?: string }) {
  return useQuery({
    queryKey: ['revenue', 'meetings', query],
    queryFn: () =>
      call(
        api.GET('/api/v1/meetings', {
          params: {
            query: {
              ...(query.accountId ? { accountId: query.accountId } : {}),
              ...(query.mine ? { mine: 'true' as const } : {}),
              ...(query.from ? { from: query.from } : {}),
              limit: 200,
            },
          },
        }),
      ),
  });
}

export function useMeeting(id: string) {
  return useQuery({
    queryKey: ['revenue', 'meeting', id],
    queryFn: () => call(api.GET('/api/v1/meetings/{id}', { params: { path: { id } } })),
  });
}

export function useScheduleMeeting() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: NewMeeting) => call(api.POST('/api/v1/meetings', { body })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['revenue'] }),
  });
}

export function useChangeMeeting(id: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: MeetingChanges) =>
      call(api.PATCH('/api/v1/meetings/{id}', { params: { path: { id } }, body })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['revenue'] }),
  });
}

export function useCancelMeeting(id: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.POST('/api/v1/meetings/{id}/cancel', { params: { path: { id } } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['revenue'] }),
  });
}

export function useCompleteMeeting(id: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: MeetingHeld) =>
      call(api.POST('/api/v1/meetings/{id}/complete', { params: { path: { id } }, body })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['revenue'] }),
  });
}

export function useAddActionItems(meetingId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (actionItems: ActionItemInput[]) =>
      call(
        api.POST('/api/v1/meetings/{id}/action-items', {
          params: { path: { id: meetingId } },
          body: { actionItems },
        }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['revenue'] }),
  });
}

export function useCadences() {
  return useQuery({
    queryKey: ['revenue', 'cadences'],
    queryFn: () => call(api.GET('/api/v1/meetings/cadences')),
  });
}

export function useSetCadences() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (cadences: CadenceInput[]) =>
      call(api.PUT('/api/v1/meetings/cadences', { body: { cadences } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['revenue'] }),
  });
}

/** The plans expansion estimates are priced with, each with its list price per seat a month. */
export function usePlans() {
  return useQuery({
    queryKey: ['revenue', 'plans'],
    queryFn: () => call(api.GET('/api/v1/revenue/plans')),
  });
}

/** Replaces the plan list: every estimate is priced anew, so all of revenue is read again. */
export function useSetPlans() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (plans: PlanPrice[]) => call(api.PUT('/api/v1/revenue/plans', { body: { plans } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['revenue'] }),
  });
}

export function useOverdueQbrs(owner: string | undefined) {
  return useQuery({
    queryKey: ['revenue', 'overdue-qbrs', owner ?? 'all'],
    queryFn: () =>
      call(api.GET('/api/v1/meetings/overdue-qbrs', { params: { query: owner ? { owner } : {} } })),
  });
}

export function useQbrPrep(accountId: string) {
  return useQuery({
    queryKey: ['revenue', 'qbr-prep', accountId],
    queryFn: () =>
      call(api.GET('/api/v1/accounts/{id}/qbr-prep', { params: { path: { id: accountId } } })),
  });
}

export function useShareQbrPrep(accountId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (days: number) =>
      call(
        api.POST('/api/v1/accounts/{id}/qbr-prep/share', {
          params: { path: { id: accountId } },
          body: { days },
        }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['revenue', 'qbr-links', accountId] }),
  });
}

/** The account's shared links, live, expired and revoked, newest first. */
export function useQbrPrepLinks(accountId: string) {
  return useQuery({
    queryKey: ['revenue', 'qbr-links', accountId],
    queryFn: () =>
      call(
        api.GET('/api/v1/accounts/{id}/qbr-prep/links', { params: { path: { id: accountId } } }),
      ),
  });
}

export type QbrPrepLink = NonNullable<ReturnType<typeof useQbrPrepLinks>['data']>['items'][number];

export function useRevokeQbrPrepLink(accountId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      call(api.DELETE('/api/v1/qbr-prep/links/{id}', { params: { path: { id } } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['revenue', 'qbr-links', accountId] }),
  });
}

export function useSharedQbrPrep(token: string) {
  return useQuery({
    queryKey: ['revenue', 'shared-qbr', token],
    queryFn: () =>
      call(api.GET('/api/v1/shared/qbr-prep/{token}', { params: { path: { token } } })),
    retry: false,
  });
}

/** The .ics of a meeting, as the browser downloads it with the session cookie. */
export const inviteUrl = (meetingId: string) => `/api/v1/meetings/${meetingId}/invite.ics`;
