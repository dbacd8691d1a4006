// The one line a person reads about an event, in the inbox, the e-mail and Slack.
import type { ActivityKind } from './kinds.ts';

export type EventFacts = {
  kind: ActivityKind;
  actorName: string | null;
  taskTitle: string | null;
  accountName: string | null;
  data: Record<string, unknown>;
};

export function describeEvent(e: EventFacts): { title: string; body: string | null } {
  const who = e.actorName ?? 'Steward';
  const task = e.taskTitle ? `'${e.taskTitle}'` : 'a task';
  const on = e.accountName ? ` (${e.accountName})` : '';
  const text = (key: string) => (typeof e.data[key] === 'string' ? (e.data[key] as string) : null);
  switch (e.kind) {
    case 'task_created':
      return { title: `${who} created ${task}${on}`, body: null };
    case 'task_updated':
      return { title: `${who} updated ${task}${on}`, body: null };
    case 'task_assigned':
      return { title: `${who} assigned ${task}${on}`, body: null };
    case 'task_commented':
      return { title: `${who} commented on ${task}${on}`, body: text('excerpt') };
    case 'mentioned':
      return { title: `${who} mentioned you on ${task}${on}`, body: text('excerpt') };
    case 'account_updated':
      return { title: `${who} updated ${e.accountName ?? 'an account'}`, body: null };
    case 'health_changed':
      return {
        title: `Health changed for ${e.accountName ?? 'an account'}`,
        body: text('summary'),
      };
    case 'play_opened':
      return { title: `Play opened for ${e.accountName ?? 'an account'}`, body: text('summary') };
    case 'sla_warning':
      return {
        title: `SLA warning: ${task}${on} breaches "${text('policyName') ?? 'its SLA'}" soon`,
        body: text('dueAt') ? `Breach at ${text('dueAt')}` : null,
      };
    case 'sla_breach':
      return { title: `SLA breached: ${task}${on} — "${text('policyName') ?? 'SLA'}"`, body: null };
    case 'escalation':
      return {
        title: text('mentionId')
          ? `Escalation: a mention on ${task}${on} is still unanswered`
          : `Escalation: ${task}${on} breached "${text('policyName') ?? 'its SLA'}"`,
        body: null,
      };
  }
}
