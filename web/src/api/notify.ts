// Notifications: the inbox and its live stream, your notification preferences, SLA policies
// and the escalations they raised.
import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type InfiniteData,
} from '@tanstack/react-query';
import { useEffect } from 'react';
import { api, call, type Schemas } from './client.ts';

export type Notification = Schemas['Notification'];
export type Inbox = Schemas['Inbox'];
export type NotificationPreferences = Schemas['NotificationPreferences'];
export type PreferencesUpdate = Schemas['UpdateNotificationPreferences'];
export type SlaPolicy = Schemas['SlaPolicy'];
export type SlaPolicyInput = Schemas['SlaPolicyInput'];
export type Escalation = Schemas['Escalation'];
export type ActivityKind = keyof NotificationPreferences['rules'];
export type Channel = NotificationPreferences['channels']['now'][number];

/** In the order a person reads them: their work, their clients, then what Steward raises. */
export const activityKinds = [
  'task_created',
  'task_updated',
  'task_assigned',
  'task_commented',
  'mentioned',
  'account_updated',
  'health_changed',
  'play_opened',
  'sla_warning',
  'sla_breach',
  'escalation',
  'product_digest',
] as const satisfies readonly ActivityKind[];
export const channels = ['in_app', 'email', 'slack'] as const satisfies readonly Channel[];

const inboxKey = ['inbox'] as const;
const unreadKey = ['inbox', 'unread'] as const;

export function useInbox() {
  return useInfiniteQuery({
    queryKey: [...inboxKey, 'items'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(api.GET('/api/v1/notifications', { params: { query: { cursor: pageParam } } })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/**
 * The unread count: from the inbox's first page, kept current by the live stream. `enabled`
 * false holds the request back (the top bar's bell, until the screen has drawn).
 */
export function useUnreadCount(enabled = true) {
  return useQuery({
    enabled,
    queryKey: unreadKey,
    queryFn: async () =>
      (await call(api.GET('/api/v1/notifications', { params: { query: { limit: 1 } } })))
        .unreadCount,
  });
}

/**
 * Listens to the server-sent events of the inbox while signed in: each `inbox` event carries
 * the unread count and means something arrived or was read, so the list is fetched again.
 * EventSource reconnects by itself after a network drop.
 */
export function useInboxStream(enabled = true) {
  const queries = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    const source = new EventSource('/api/v1/notifications/stream');
    source.addEventListener('inbox', (event) => {
      const { unreadCount } = JSON.parse((event as MessageEvent<string>).data) as {
        unreadCount: number;
      };
      const known = queries.getQueryData<number>(unreadKey);
      queries.setQueryData(unreadKey, unreadCount);
      if (known !== undefined && known !== unreadCount)
        void queries.invalidateQueries({ queryKey: [...inboxKey, 'items'] });
    });
    return () => source.close();
  }, [queries, enabled]);
}

function markInCache(
  queries: ReturnType<typeof useQueryClient>,
  read: (n: Notification) => boolean,
) {
  const readAt = new Date().toISOString();
  queries.setQueryData<InfiniteData<Inbox>>([...inboxKey, 'items'], (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            items: page.items.map((n) => (n.readAt === null && read(n) ? { ...n, readAt } : n)),
          })),
        }
      : data,
  );
}

export function useMarkRead() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      call(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: (_, id) => {
      markInCache(queries, (n) => n.id === id);
      void queries.invalidateQueries({ queryKey: unreadKey });
    },
  });
}

export function useMarkAllRead() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.POST('/api/v1/notifications/read-all')),
    onSuccess: () => {
      markInCache(queries, () => true);
      queries.setQueryData(unreadKey, 0);
    },
  });
}

export function usePreferences() {
  return useQuery({
    queryKey: ['notificationPreferences'],
    queryFn: () => call(api.GET('/api/v1/me/notification-preferences')),
  });
}

export function useSavePreferences() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: PreferencesUpdate) =>
      call(api.PUT('/api/v1/me/notification-preferences', { body })),
    onSuccess: (saved) => queries.setQueryData(['notificationPreferences'], saved),
  });
}

/** A muted account's or project's name, for the list of mutes. */
export function useMutedName(kind: 'account' | 'project', id: string) {
  return useQuery({
    queryKey: ['mutedName', kind, id],
    retry: false,
    queryFn: async () =>
      kind === 'account'
        ? (await call(api.GET('/api/v1/accounts/{id}', { params: { path: { id } } }))).name
        : (await call(api.GET('/api/v1/projects/{id}', { params: { path: { id } } }))).name,
  });
}

export function useSlaPolicies() {
  return useQuery({
    queryKey: ['slaPolicies'],
    queryFn: () => call(api.GET('/api/v1/sla-policies')),
  });
}

export function useSaveSlaPolicy() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: SlaPolicyInput & { id?: string }) =>
      id
        ? call(api.PUT('/api/v1/sla-policies/{id}', { params: { path: { id } }, body }))
        : call(api.POST('/api/v1/sla-policies', { body })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['slaPolicies'] }),
  });
}

export function useDeleteSlaPolicy() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      call(api.DELETE('/api/v1/sla-policies/{id}', { params: { path: { id } } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['slaPolicies'] }),
  });
}

export function useEscalations() {
  return useInfiniteQuery({
    queryKey: ['escalations'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(api.GET('/api/v1/escalations', { params: { query: { cursor: pageParam } } })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}
