// Settings: people, roles, API tokens, the audit log and CSV imports.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { authEn } from '../i18n/auth.en.ts';
import { api, call, type Schemas } from './client.ts';
import type { paths } from './schema.d.ts';

export type Import = Schemas['Import'];
export type ImportEntity = Import['entity'];

export function useRoles() {
  return useQuery({ queryKey: ['roles'], queryFn: () => call(api.GET('/api/v1/roles')) });
}

export function useCreateUser() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['CreateUser']) => call(api.POST('/api/v1/users', { body })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useUpdateUser() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: Schemas['UpdateUser'] & { id: string }) =>
      call(api.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['users'] }),
  });
}

/** Gives a person a new password; the server ends every session of theirs. */
export function useSetUserPassword() {
  return useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) =>
      call(
        api.POST('/api/v1/users/{id}/password', { params: { path: { id } }, body: { password } }),
      ),
  });
}

export type AuditEntry = Schemas['AuditEntry'];
/** Who, which action, and which days (`YYYY-MM-DD`, the reader's own) the log is narrowed to. */
export type AuditFilters = Pick<
  NonNullable<paths['/api/v1/audit-log']['get']['parameters']['query']>,
  'actorId' | 'action' | 'from' | 'to' | 'entityType' | 'entityId'
>;
export type AuditAction = NonNullable<AuditFilters['action']>;
export type AuditEntityType = NonNullable<AuditFilters['entityType']>;

/**
 * The actions the server records, read from the catalog that names them:
 * test/contract/auditWords.test.ts holds the catalog to the server's own list, entry for entry.
 */
export const auditActions = Object.entries(authEn.audit.actions).flatMap(([entity, verbs]) =>
  Object.keys(verbs).map((verb) => `${entity}.${verb}` as AuditAction),
);

/** The kinds of record the server audits, from the same catalog (and the same test). */
export const auditEntityTypes = Object.keys(authEn.audit.entities) as AuditEntityType[];

/** The workspace's audit log, newest first, a page at a time. */
export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['auditLog', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/audit-log', {
          params: { query: { ...filters, limit: 50, cursor: pageParam } },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useApiTokens() {
  return useQuery({ queryKey: ['apiTokens'], queryFn: () => call(api.GET('/api/v1/api-tokens')) });
}

export function useCreateApiToken() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['CreateApiToken']) => call(api.POST('/api/v1/api-tokens', { body })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['apiTokens'] }),
  });
}

export function useRevokeApiToken() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      call(api.DELETE('/api/v1/api-tokens/{id}', { params: { path: { id } } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['apiTokens'] }),
  });
}

export function useImportFields(entity: ImportEntity) {
  return useQuery({
    queryKey: ['importFields', entity],
    queryFn: () => call(api.GET('/api/v1/imports/fields', { params: { query: { entity } } })),
  });
}

/** Column mappings of CRMs' standard exports (Salesforce, HubSpot), by entity. */
export function useImportPresets() {
  return useQuery({
    queryKey: ['importPresets'],
    queryFn: () => call(api.GET('/api/v1/imports/presets')),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export type ImportPreset = Schemas['ImportPreset'];

type StartImport = {
  entity: ImportEntity;
  file: File;
  mapping: Record<string, string>;
  dryRun: boolean;
  skipInvalid: boolean;
};

/** Uploads a CSV as multipart/form-data (`file` and a JSON `mapping`); the answer is typed. */
export function useStartImport() {
  return useMutation({
    mutationFn: ({ entity, file, mapping, dryRun, skipInvalid }: StartImport) => {
      const form = new FormData();
      form.set('file', file);
      form.set('mapping', JSON.stringify(mapping));
      return call(
        api.POST('/api/v1/imports', {
          params: {
            query: {
              entity,
              dryRun: dryRun ? 'true' : 'false',
              skipInvalid: skipInvalid ? 'true' : 'false',
            },
          },
          body: form as never,
          bodySerializer: (body: unknown) => body as FormData,
        }),
      );
    },
  });
}

/** One import, polled every 500 ms until it is done or failed. */
export function useImport(id: string | undefined) {
  return useQuery({
    queryKey: ['import', id],
    enabled: id !== undefined,
    queryFn: () => call(api.GET('/api/v1/imports/{id}', { params: { path: { id: id ?? '' } } })),
    refetchInterval: (query) =>
      query.state.data && ['done', 'failed'].includes(query.state.data.status) ? false : 500,
  });
}
