// Who is signed in, signing in and out, and their own preferences.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, call, type Schemas } from './client.ts';

/** A permission's key, as the server names it. */
export type Permission = Schemas['Me']['permissions'][number];

export type Me = Schemas['Me'];

/**
 * A language or theme chosen on this device that the server has not confirmed yet, and whose
 * choice it is. The page shows a choice at once; a reload before its save answered (or one that
 * cut the save off) would read the old profile and undo it, so the choice waits here until saved.
 */
type UnsavedChoice = { userId: string } & Pick<Schemas['UpdateMe'], 'locale' | 'theme'>;
const unsavedKey = 'steward.profile.unsaved';

function unsavedChoice(): UnsavedChoice | undefined {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(unsavedKey) ?? 'null');
    return stored && typeof stored === 'object' && 'userId' in stored
      ? (stored as UnsavedChoice)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Saves the profile's changes; a language or theme among them stays marked unsaved until the
 * server answers.
 */
async function updateMe(body: Schemas['UpdateMe'], userId: string | undefined): Promise<Me> {
  const { locale, theme } = body;
  const earlier = unsavedChoice();
  const marked =
    userId && (locale || theme)
      ? JSON.stringify({
          ...(earlier?.userId === userId && earlier),
          userId,
          ...(locale && { locale }),
          ...(theme && { theme }),
        })
      : undefined;
  if (marked) localStorage.setItem(unsavedKey, marked);
  // Once the server has answered, yes or no, the choice is no longer waiting; a later choice
  // made while this one was saving is left for its own save.
  const answered = () => {
    if (marked && localStorage.getItem(unsavedKey) === marked) localStorage.removeItem(unsavedKey);
  };
  try {
    // keepalive: a save the person leaves the page during still reaches the server.
    const me = await call(api.PATCH('/api/v1/me', { body, keepalive: true }));
    answered();
    return me;
  } catch (error) {
    // Not sent at all (no network): the choice waits for the next start.
    if (error instanceof ApiError) answered();
    throw error;
  }
}

/**
 * Who is signed in, as asked at start-up (before the first screen's code has arrived) and by
 * useMe; with the language or theme they chose on this device saved first, if its save had not
 * answered when the page was left.
 */
export const meQuery = queryOptions<Me | null>({
  queryKey: ['me'],
  queryFn: async () => {
    const me = await call(api.GET('/api/v1/me'));
    const unsaved = unsavedChoice();
    if (!unsaved || unsaved.userId !== me.id) return me;
    const { locale = me.locale, theme = me.theme } = unsaved;
    if (locale === me.locale && theme === me.theme) {
      localStorage.removeItem(unsavedKey);
      return me;
    }
    // A save refused now is not worth a broken start: the profile as it is.
    return updateMe({ locale, theme }, me.id).catch(() => me);
  },
  retry: false,
});

/** The person signed in; null once a sign-out or a 401 has ended the session. */
export function useMe() {
  return useQuery(meQuery);
}

/** Whether the signed-in person holds a permission: what a control they could not use hides by. */
export function useCan(permission: Permission): boolean {
  return useMe().data?.permissions.includes(permission) ?? false;
}

export function useSignIn() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) =>
      call(api.POST('/api/v1/auth/login', { body })),
    onSuccess: (me) => {
      queries.clear();
      queries.setQueryData(['me'], me);
    },
  });
}

export function useSignOut() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.POST('/api/v1/auth/logout')),
    onSuccess: () => {
      queries.clear();
      queries.setQueryData(['me'], null);
    },
  });
}

export function useUpdateMe() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['UpdateMe']) =>
      updateMe(body, queries.getQueryData<Me | null>(['me'])?.id),
    onSuccess: (me) => queries.setQueryData(['me'], me),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: Schemas['ChangePassword']) =>
      call(api.POST('/api/v1/me/password', { body })),
  });
}

export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (body: Schemas['RequestPasswordReset']) =>
      call(api.POST('/api/v1/auth/password-reset', { body })),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: (body: Schemas['ResetPassword']) =>
      call(api.POST('/api/v1/auth/password-reset/confirm', { body })),
  });
}
