// Voice of the customer: feedback and its themes (with people's corrections), the roadmap, NPS
// and the public survey page — hooks on the typed client.
import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, call, type Schemas } from './client.ts';

export type FeedbackItem = Schemas['FeedbackItem'];
export type FeedbackInput = Schemas['FeedbackInput'];
export type FeedbackChanges = Schemas['FeedbackChanges'];
export type FeedbackType = FeedbackItem['type'];
export type FeedbackPriority = FeedbackItem['priority'];
export type FeedbackStatus = FeedbackItem['status'];
export type Theme = Schemas['FeedbackTheme'];
export type RoadmapItem = Schemas['RoadmapItem'];
export type RoadmapInput = Schemas['RoadmapItemInput'];
export type RoadmapChanges = Schemas['RoadmapItemChanges'];
export type RoadmapStatus = RoadmapItem['status'];
export type NpsReport = Schemas['NpsReport'];
export type SurveyResponse = Schemas['SurveyResponse'];
export type PublicSurvey = Schemas['PublicSurvey'];

export const feedbackTypes = [
  'feature_request',
  'bug',
  'complaint',
  'praise',
  'question',
] as const satisfies readonly FeedbackType[];
export const feedbackPriorities = [
  'low',
  'medium',
  'high',
  'critical',
] as const satisfies readonly FeedbackPriority[];
export const feedbackStatuses = [
  'new',
  'triaged',
  'planned',
  'shipped',
  'declined',
] as const satisfies readonly FeedbackStatus[];
export const roadmapStatuses = [
  'considering',
  'planned',
  'in_progress',
  'shipped',
  'declined',
] as const satisfies readonly RoadmapStatus[];
export const windows = ['30d', '90d', '365d'] as const;

const voiceKey = ['voice'] as const;

export function useThemes(since: string, type?: FeedbackType) {
  return useQuery({
    queryKey: [...voiceKey, 'themes', since, type ?? 'all'],
    placeholderData: keepPreviousData,
    queryFn: () =>
      call(
        api.GET('/api/v1/feedback/themes', {
          params: { query: { since, limit: 50, items: 3, ...(type ? { type } : {}) } },
        }),
      ),
  });
}

export function useTheme(id: string) {
  return useQuery({
    queryKey: [...voiceKey, 'theme', id],
    queryFn: () =>
      call(api.GET('/api/v1/feedback/themes/{id}', { params: { path: { id }, query: {} } })),
  });
}

/** The most asked-for feature this month, at the top of the portfolio (its loader starts it). */
export const highlightQuery = queryOptions({
  queryKey: [...voiceKey, 'highlight'],
  queryFn: () =>
    call(api.GET('/api/v1/feedback/highlight', { params: { query: { since: '30d' } } })),
});

export function useHighlight(enabled: boolean) {
  return useQuery({ ...highlightQuery, enabled });
}

export function useAccountFeedback(accountId: string) {
  return useQuery({
    queryKey: [...voiceKey, 'account', accountId],
    queryFn: () =>
      call(api.GET('/api/v1/feedback', { params: { query: { accountId, limit: 5 } } })),
  });
}

export function useProposals() {
  return useQuery({
    queryKey: [...voiceKey, 'proposals'],
    queryFn: () =>
      call(api.GET('/api/v1/feedback', { params: { query: { review: 'proposed', limit: 50 } } })),
  });
}

/** Every change to feedback may move themes, the roadmap's demand and the home sentence. */
function useRefresh() {
  const queries = useQueryClient();
  return () => queries.invalidateQueries({ queryKey: voiceKey });
}

export function useLogFeedback() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: FeedbackInput) => call(api.POST('/api/v1/feedback', { body })),
    onSuccess: refresh,
  });
}

/** A feedback item corrected: its words, its kind, the account it was logged on. */
export function useUpdateFeedback() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: FeedbackChanges }) =>
      call(api.PATCH('/api/v1/feedback/{id}', { params: { path: { id } }, body: changes })),
    onSuccess: refresh,
  });
}

export function useReviewFeedback() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, review }: { id: string; review: 'accepted' | 'dismissed' }) =>
      call(
        api.POST('/api/v1/feedback/{id}/review', { params: { path: { id } }, body: { review } }),
      ),
    onSuccess: refresh,
  });
}

export function useRenameTheme() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, label }: { id: string; label: string | null }) =>
      call(
        api.PATCH('/api/v1/feedback/themes/{id}', { params: { path: { id } }, body: { label } }),
      ),
    onSuccess: refresh,
  });
}

export function useMergeTheme() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, intoThemeId }: { id: string; intoThemeId: string }) =>
      call(
        api.POST('/api/v1/feedback/themes/{id}/merge', {
          params: { path: { id } },
          body: { intoThemeId },
        }),
      ),
    onSuccess: refresh,
  });
}

export function useSplitTheme() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, itemIds, label }: { id: string; itemIds: string[]; label?: string }) =>
      call(
        api.POST('/api/v1/feedback/themes/{id}/split', {
          params: { path: { id } },
          body: { itemIds, ...(label ? { label } : {}) },
        }),
      ),
    onSuccess: refresh,
  });
}

export function useMoveItem() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, themeId }: { id: string; themeId: string | null }) =>
      call(api.POST('/api/v1/feedback/{id}/move', { params: { path: { id } }, body: { themeId } })),
    onSuccess: refresh,
  });
}

export function useRoadmap(sort: 'demand' | 'quarter') {
  return useQuery({
    queryKey: [...voiceKey, 'roadmap', sort],
    placeholderData: keepPreviousData,
    queryFn: () => call(api.GET('/api/v1/roadmap-items', { params: { query: { sort } } })),
  });
}

export function useSaveRoadmapItem() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: RoadmapInput) => call(api.POST('/api/v1/roadmap-items', { body })),
    onSuccess: refresh,
  });
}

export function useUpdateRoadmapItem() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, changes }: { id: string; changes: RoadmapChanges }) =>
      call(api.PATCH('/api/v1/roadmap-items/{id}', { params: { path: { id } }, body: changes })),
    onSuccess: refresh,
  });
}

export function useShipRoadmapItem() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: string) =>
      call(api.POST('/api/v1/roadmap-items/{id}/ship', { params: { path: { id } } })),
    onSuccess: refresh,
  });
}

export type NpsGrouping = 'account' | 'tier' | 'segment';

export function useNps(groupBy: NpsGrouping) {
  return useQuery({
    queryKey: [...voiceKey, 'nps', groupBy],
    placeholderData: keepPreviousData,
    queryFn: () => call(api.GET('/api/v1/nps', { params: { query: { groupBy } } })),
  });
}

export function useAccountResponses(accountId: string) {
  return useQuery({
    queryKey: [...voiceKey, 'responses', accountId],
    queryFn: () =>
      call(api.GET('/api/v1/surveys/responses', { params: { query: { accountId, limit: 5 } } })),
  });
}

export function useInviteToSurvey() {
  return useMutation({
    mutationFn: (body: { contactIds: string[]; kind: 'nps' | 'csat'; locale: 'en' | 'ru' }) =>
      call(api.POST('/api/v1/surveys/invitations', { body })),
  });
}

export function usePublicSurvey(token: string) {
  return useQuery({
    queryKey: ['survey', token],
    retry: false,
    queryFn: () => call(api.GET('/api/v1/public/surveys/{token}', { params: { path: { token } } })),
  });
}

export function useAnswerSurvey(token: string) {
  return useMutation({
    mutationFn: (body: { score: number; comment?: string }) =>
      call(api.POST('/api/v1/public/surveys/{token}', { params: { path: { token } }, body })),
  });
}
