// Outbound webhooks: an admin's subscriptions, their deliveries with every attempt, replays.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from './client.ts';

export type WebhookSubscription = Schemas['WebhookSubscription'];
export type WebhookSubscriptionInput = Schemas['WebhookSubscriptionInput'];
export type WebhookSubscriptionPatch = Schemas['WebhookSubscriptionPatch'];
export type WebhookDelivery = Schemas['WebhookDelivery'];
export type WebhookEvent = WebhookSubscriptionInput['events'][number];

/** Every event a subscription may ask for, in the order the settings page lists them. */
export const webhookEvents = [
  'account.health_category_changed',
  'account.churn_risk_raised',
  'escalation.raised',
  'renewal.forecast_changed',
  'survey.nps_detractor',
  'feedback_theme.threshold_crossed',
  'roadmap_item.shipped',
  'task.created',
  'task.completed',
] as const satisfies readonly WebhookEvent[];

/** An event's i18n key in the webhooks namespace (a dot would read as nesting). */
export const eventKey = (event: string) => `events.${event.replace(/\./g, '_')}`;

const subscriptionsKey = ['webhookSubscriptions'] as const;

export function useWebhookSubscriptions() {
  return useQuery({
    queryKey: subscriptionsKey,
    queryFn: () => call(api.GET('/api/v1/webhook-subscriptions')),
  });
}

export function useCreateWebhookSubscription() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: WebhookSubscriptionInput) =>
      call(api.POST('/api/v1/webhook-subscriptions', { body })),
    onSuccess: () => queries.invalidateQueries({ queryKey: subscriptionsKey }),
  });
}

export function useUpdateWebhookSubscription() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: WebhookSubscriptionPatch }) =>
      call(
        api.PATCH('/api/v1/webhook-subscriptions/{id}', {
          params: { path: { id } },
          body: patch,
        }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: subscriptionsKey }),
  });
}

export function useWebhookDeliveries(subscriptionId: string) {
  return useInfiniteQuery({
    queryKey: [...subscriptionsKey, subscriptionId, 'deliveries'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/webhook-subscriptions/{id}/deliveries', {
          params: { path: { id: subscriptionId }, query: { limit: 20, cursor: pageParam } },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useWebhookDelivery(deliveryId: string | null) {
  return useQuery({
    queryKey: ['webhookDelivery', deliveryId],
    enabled: deliveryId !== null,
    queryFn: () =>
      call(
        api.GET('/api/v1/webhook-deliveries/{id}', {
          params: { path: { id: deliveryId ?? '' } },
        }),
      ),
  });
}

export function useReplayWebhookDelivery() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      call(api.POST('/api/v1/webhook-deliveries/{id}/replay', { params: { path: { id } } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: subscriptionsKey }),
  });
}
