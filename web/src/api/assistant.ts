// Ask Steward: a question in, an answer with its live widget out; recent questions; and the
// confirmations of what an answer proposes (a task), through the same APIs the pages use.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from './client.ts';

export type AssistantAnswer = Schemas['AssistantAnswer'];
export type AssistantParams = Schemas['AssistantParams'];
export type Widget = AssistantAnswer['widget'];
export type WidgetOf<W extends Widget> = Extract<AssistantAnswer, { widget: W }>;
export type Intent = AssistantAnswer['intent'];

export function useAsk() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (question: {
      q: string;
      context?: { intent: Intent; params: AssistantParams } | undefined;
    }) =>
      call(
        api.POST('/api/v1/assistant/query', {
          body: question.context ? { q: question.q, context: question.context } : { q: question.q },
        }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['assistant', 'recent'] }),
  });
}

export function useRecentQuestions() {
  return useQuery({
    queryKey: ['assistant', 'recent'],
    queryFn: () => call(api.GET('/api/v1/assistant/recent')),
  });
}

/** Saves the task a reminder proposed, once the person confirms it. */
export function useConfirmTask() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (draft: WidgetOf<'task_draft'>['data']) =>
      call(
        api.POST('/api/v1/tasks', {
          body: {
            title: draft.title,
            assigneeId: draft.assigneeId,
            ...(draft.accountId ? { accountId: draft.accountId } : {}),
            ...(draft.dueAt ? { dueAt: draft.dueAt } : {}),
          },
        }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['myWork'] }),
  });
}

/** Books a meeting an answer proposed, once the person confirms it (revenue's meeting API). */
export function useConfirmMeeting() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (proposal: WidgetOf<'meeting_scheduler'>['data']['proposals'][number]) =>
      call(
        api.POST('/api/v1/meetings', {
          body: {
            accountId: proposal.accountId,
            kind: proposal.kind,
            title: proposal.title,
            startsAt: proposal.startsAt,
            endsAt: proposal.endsAt,
            timeZone: proposal.timeZone,
          },
        }),
      ),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['meetings'] }),
  });
}
