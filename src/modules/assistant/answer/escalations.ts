// Escalations as the Escalations page lists them: what SLA timers and unanswered mentions raised.
import { scopeFor } from '../../accounts/index.ts';
import { listEscalations } from '../../notify/index.ts';
import { say, type Answered, type Question } from './context.ts';

export async function escalations(question: Question): Promise<Answered> {
  const page = await listEscalations(question.deps.db, scopeFor(question.asker), { limit: 50 });
  const window = question.params.window;
  const items = page.items.filter(
    (e) =>
      (!question.params.accountId || e.accountId === question.params.accountId) &&
      (!window || e.raisedAt.slice(0, 10) >= window.from),
  );
  const latest = items[0];
  return {
    widget: 'escalations',
    data: {
      items: items.slice(0, 10).map((e) => ({
        id: e.id,
        taskId: e.taskId,
        taskTitle: e.taskTitle,
        accountId: e.accountId,
        accountName: e.accountName,
        kind: e.kind,
        policyName: e.policyName,
        raisedAt: e.raisedAt,
      })),
    },
    answer: [
      latest
        ? say('assistant.escalations.summary', {
            count: items.length,
            task: latest.taskTitle,
            account: latest.accountName,
          })
        : say('assistant.escalations.calm'),
    ],
    link: '/escalations',
  };
}
