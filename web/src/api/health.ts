// Health: the dashboard, an account's health with its reasons, portfolio sparklines, churn risk,
// the scorecard (with a backtest to try weights before saving them) and plays.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from './client.ts';
import type { Tier } from './vocabulary.ts';

export { tiers, type Tier } from './vocabulary.ts';

export type AccountHealth = Schemas['AccountHealth'];
export type HealthMeasure = Schemas['HealthMeasure'];
export type HealthDashboard = Schemas['HealthDashboard'];
export type HealthCategory = NonNullable<AccountHealth['category']>;
export type MeasureKey = HealthMeasure['key'];
export type ChurnRisk = NonNullable<AccountHealth['churnRisk']>;
export type RiskLevel = ChurnRisk['level'];
export type Scorecard = Schemas['Scorecard'];
export type ScorecardInput = Schemas['ScorecardInput'];
export type Weights = Scorecard['weights'];
export type Thresholds = Scorecard['thresholds'];
export type Backtest = Schemas['Backtest'];
export type BacktestTrial = Schemas['BacktestTrial'];
export type Play = Schemas['Play'];
export type PlayInput = Schemas['PlayInput'];
export type PlayTrigger = Play['trigger'];

export const measureKeys = [
  'usage',
  'support',
  'engagement',
  'billing',
  'outcomes',
] as const satisfies readonly MeasureKey[];
export const playTriggers = [
  'entered_at_risk',
  'entered_critical',
  'renewal_approaching',
  'nps_detractor',
] as const satisfies readonly PlayTrigger[];

/** `owner`: `me`, a user id, or undefined for everything the caller may see. */
export function useHealthDashboard(owner: string | undefined) {
  return useQuery({
    queryKey: ['health', 'dashboard', owner ?? 'all'],
    queryFn: () =>
      call(api.GET('/api/v1/health/dashboard', { params: { query: owner ? { owner } : {} } })),
  });
}

export function useAccountHealth(accountId: string, days = 90) {
  return useQuery({
    queryKey: ['health', 'account', accountId, days],
    queryFn: () =>
      call(
        api.GET('/api/v1/health/accounts/{id}', {
          params: { path: { id: accountId }, query: { days } },
        }),
      ),
  });
}

/** Thirty days of scores for the accounts on screen (the portfolio's sparklines). */
export function useHealthSeries(accountIds: readonly string[]) {
  return useQuery({
    queryKey: ['health', 'series', accountIds],
    enabled: accountIds.length > 0,
    placeholderData: keepPreviousData,
    queryFn: async () => {
      const { items } = await call(
        api.GET('/api/v1/health/series', {
          params: { query: { accountIds: accountIds.join(','), days: 30 } },
        }),
      );
      return new Map(items.map((item) => [item.accountId, item]));
    },
  });
}

export function useChurnRisk(within: string, owner: string | undefined) {
  return useQuery({
    queryKey: ['health', 'churnRisk', within, owner ?? 'all'],
    queryFn: () =>
      call(
        api.GET('/api/v1/churn-risk', {
          params: { query: { within, ...(owner ? { owner } : {}) } },
        }),
      ),
  });
}

export function useScorecard(tier: Tier | null) {
  return useQuery({
    queryKey: ['health', 'scorecard', tier ?? 'default'],
    queryFn: () =>
      call(api.GET('/api/v1/health/scorecard', { params: { query: tier ? { tier } : {} } })),
  });
}

export function useSaveScorecard() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: ScorecardInput) => call(api.PUT('/api/v1/health/scorecard', { body })),
    // Saved weights rescore every account: every health view is stale.
    onSuccess: () => queries.invalidateQueries({ queryKey: ['health'] }),
  });
}

/** The tiers with a scorecard of their own (the rest are scored with the default). */
export function useTiersWithOwnScorecard() {
  return useQuery({
    queryKey: ['health', 'scorecards'],
    queryFn: async () => {
      const { items } = await call(api.GET('/api/v1/health/scorecards'));
      return new Set(items.flatMap((card) => (card.tier ? [card.tier] : [])));
    },
  });
}

/** A tier back on the default scorecard; the server rescores its accounts. */
export function useRemoveTierScorecard() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (tier: Tier) =>
      call(api.DELETE('/api/v1/health/scorecards/{tier}', { params: { path: { tier } } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['health'] }),
  });
}

/** The backtest of the given (unsaved) weights, re-run as they change; null: nothing to try. */
export function useBacktest(trial: BacktestTrial | null) {
  return useQuery({
    queryKey: ['health', 'backtest', trial],
    enabled: trial !== null,
    placeholderData: keepPreviousData,
    queryFn: () => call(api.POST('/api/v1/health/backtest', { body: trial ?? {} })),
  });
}

export function usePlays() {
  return useQuery({
    queryKey: ['health', 'plays'],
    queryFn: () => call(api.GET('/api/v1/health/plays')),
  });
}

export function useSavePlay() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: PlayInput }) =>
      call(
        id
          ? api.PATCH('/api/v1/health/plays/{id}', { params: { path: { id } }, body })
          : api.POST('/api/v1/health/plays', { body }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['health', 'plays'] }),
  });
}

export function useDeletePlay() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      call(api.DELETE('/api/v1/health/plays/{id}', { params: { path: { id } } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['health', 'plays'] }),
  });
}
