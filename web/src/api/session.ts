// Who is signed in, signing in and out, and their own preferences.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from './client.ts';

export type Me = Schemas['Me'];

/** Who is signed in, as asked at start-up (before the first screen's code has arrived) and by useMe. */
export const meQuery = queryOptions<Me | null>({
  queryKey: ['me'],
  queryFn: () => call(api.GET('/api/v1/me')),
  retry: false,
});

/** The person signed in; null once a sign-out or a 401 has ended the session. */
export function useMe() {
  return useQuery(meQuery);
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
    mutationFn: (body: Schemas['UpdateMe']) => call(api.PATCH('/api/v1/me', { body })),
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
