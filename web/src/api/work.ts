// Work: my tasks, projects with their board, the template library, onboarding reports, and
// the workspace's holidays.
import {
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { api, ApiError, call, type Schemas } from './client.ts';

export type Task = Schemas['Task'];
export type TaskStatus = Task['status'];
export type TaskPriority = Task['priority'];
export type Project = Schemas['Project'];
export type ProjectSummary = Schemas['ProjectSummary'];
export type Template = Schemas['Template'];
export type TemplateInput = Schemas['TemplateInput'];
export type TemplateDefinition = Schemas['TemplateDefinition'];
export type TemplateStage = Schemas['TemplateStage'];
export type TemplateTask = Schemas['TemplateTask'];
export type TemplateKind = Template['kind'];
export type Comment = Schemas['Comment'];
export type OnboardingReport = Schemas['OnboardingReport'];
export type UpgradePreview = Schemas['TemplateUpgradePreview'];
export type Holiday = Schemas['Holiday'];
export type HolidayList = Schemas['HolidayList'];

export const taskStatuses = [
  'todo',
  'in_progress',
  'blocked',
  'waiting_on_customer',
  'done',
] as const;
export { priorities } from './vocabulary.ts';
export const templateKinds = [
  'onboarding',
  'escalation',
  'health_check',
  'qbr_prep',
  'renewal',
  'other',
] as const;

/** Everything that shows tasks: a task change touches all of them. */
function refreshWork(queries: QueryClient) {
  for (const key of [
    'myWork',
    'project',
    'accountTasks',
    'accountProjects',
    'onboarding',
    'task',
  ]) {
    void queries.invalidateQueries({ queryKey: [key] });
  }
}

export const myWorkQuery = queryOptions({
  queryKey: ['myWork'],
  queryFn: () => call(api.GET('/api/v1/my-work')),
});

export function useMyWork() {
  return useQuery(myWorkQuery);
}

export function useProject(id: string) {
  return useQuery({
    queryKey: ['project', id],
    queryFn: () => call(api.GET('/api/v1/projects/{id}', { params: { path: { id } } })),
  });
}

export function useAccountProjects(accountId: string) {
  return useQuery({
    queryKey: ['accountProjects', accountId],
    queryFn: () =>
      call(api.GET('/api/v1/accounts/{id}/projects', { params: { path: { id: accountId } } })),
  });
}

export function useAccountTasks(accountId: string) {
  return useQuery({
    queryKey: ['accountTasks', accountId],
    queryFn: () =>
      call(api.GET('/api/v1/tasks', { params: { query: { accountId, open: 'true' } } })),
  });
}

export function useUpdateTask() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: Schemas['UpdateTask'] & { id: string }) =>
      call(api.PATCH('/api/v1/tasks/{id}', { params: { path: { id } }, body })),
    onSettled: () => refreshWork(queries),
  });
}

/** Removes a task (the server keeps it in history): it leaves every list of work. */
export function useDeleteTask() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      call(api.DELETE('/api/v1/tasks/{id}', { params: { path: { id } } })),
    onSuccess: (_, id) => {
      queries.removeQueries({ queryKey: ['comments', id] });
      refreshWork(queries);
    },
  });
}

export function useUpdateProject(projectId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['UpdateProject']) =>
      call(api.PATCH('/api/v1/projects/{id}', { params: { path: { id: projectId } }, body })),
    onSuccess: (project) => {
      queries.setQueryData(['project', projectId], project);
      // Its name shows beside its tasks, on the account and in the onboarding report.
      refreshWork(queries);
    },
  });
}

export function useComments(taskId: string) {
  return useQuery({
    queryKey: ['comments', taskId],
    queryFn: () =>
      call(api.GET('/api/v1/tasks/{id}/comments', { params: { path: { id: taskId } } })),
  });
}

export function useAddComment(taskId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      call(
        api.POST('/api/v1/tasks/{id}/comments', {
          params: { path: { id: taskId } },
          body: { body },
        }),
      ),
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: ['comments', taskId] });
      void queries.invalidateQueries({ queryKey: ['project'] });
    },
  });
}

/** "Got it" on a mention of you: it stops escalating, with nothing to say in the thread. */
export function useAcknowledgeMention(taskId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (mentionId: string) =>
      call(api.POST('/api/v1/mentions/{id}/acknowledge', { params: { path: { id: mentionId } } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['comments', taskId] }),
  });
}

export function useSaveAsTemplate(projectId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (name: string) =>
      call(
        api.POST('/api/v1/projects/{id}/save-as-template', {
          params: { path: { id: projectId } },
          body: { name },
        }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['templates'] }),
  });
}

export function useUpgradePreview(projectId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['templateUpgrade', projectId],
    enabled,
    queryFn: () =>
      call(
        api.GET('/api/v1/projects/{id}/template-upgrade', { params: { path: { id: projectId } } }),
      ),
  });
}

export function useApplyUpgrade(projectId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (version: number) =>
      call(
        api.POST('/api/v1/projects/{id}/template-upgrade', {
          params: { path: { id: projectId } },
          body: { version },
        }),
      ),
    onSuccess: () => {
      void queries.invalidateQueries({ queryKey: ['templateUpgrade', projectId] });
      refreshWork(queries);
    },
  });
}

export function useTemplates() {
  return useQuery({ queryKey: ['templates'], queryFn: () => call(api.GET('/api/v1/templates')) });
}

export function useTemplate(id: string) {
  return useQuery({
    queryKey: ['templates', id],
    enabled: id !== 'new',
    queryFn: () => call(api.GET('/api/v1/templates/{id}', { params: { path: { id } } })),
  });
}

export function useSaveTemplate(id: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: TemplateInput) =>
      id === 'new'
        ? call(api.POST('/api/v1/templates', { body }))
        : call(api.PUT('/api/v1/templates/{id}', { params: { path: { id } }, body })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['templates'] }),
  });
}

export function useInstantiate(templateId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['Instantiate']) =>
      call(
        api.POST('/api/v1/templates/{id}/instantiate', {
          params: { path: { id: templateId } },
          body,
        }),
      ),
    onSuccess: () => refreshWork(queries),
  });
}

export function useInstantiateMany(templateId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['InstantiateMany']) =>
      call(
        api.POST('/api/v1/templates/{id}/instantiate-many', {
          params: { path: { id: templateId } },
          body,
        }),
      ),
    onSuccess: () => refreshWork(queries),
  });
}

/** The accounts to start a template for (up to 500, the person's own first by the server's sort). */
export function useAccountChoices() {
  return useQuery({
    queryKey: ['accountChoices'],
    queryFn: () => call(api.GET('/api/v1/accounts', { params: { query: { limit: 500 } } })),
  });
}

export function useOnboarding() {
  return useQuery({ queryKey: ['onboarding'], queryFn: () => call(api.GET('/api/v1/onboarding')) });
}

/** The workspace's holidays, by day, and the version a save of them names. */
export function useHolidays() {
  return useQuery({
    queryKey: ['holidays'],
    queryFn: () => call(api.GET('/api/v1/holidays')),
  });
}

/** A save refused because another one came after the list it was made from was loaded. */
export function isStaleHolidays(error: unknown): boolean {
  return error instanceof ApiError && error.problem.status === 409;
}

/**
 * Saves the whole list of holidays (the server keeps exactly these) with the version it was
 * made from: an addition, a new name or a removal is the list as loaded with that change. A
 * refused list leaves the shown one; a list someone else changed meanwhile is loaded again.
 */
export function useSaveHolidays() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (list: HolidayList) => call(api.PUT('/api/v1/holidays', { body: list })),
    onSuccess: (saved) => queries.setQueryData(['holidays'], saved),
    onError: (error) => {
      if (isStaleHolidays(error)) void queries.invalidateQueries({ queryKey: ['holidays'] });
    },
  });
}
