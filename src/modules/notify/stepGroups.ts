// SLA steps arrive grouped. A template's tasks on one project tend to breach together (they
// became live on the same day, or a policy was armed on old work): twenty "SLA breached"
// notices in one minute bury the one that matters. So, per person, the steps of one kind and
// policy raised for one project (or, for tasks outside projects, one account) within a few
// minutes are one notification — "Glenmark: 5 tasks on 'Onboarding' passed 'P0 untouched'" —
// with the tasks listed inside. The escalation records stay one per task (sla/check.ts).
//
// The first step opens the group: it shows in the inbox at once, and its e-mail and Slack
// wait until the window closes, then render whatever the group holds by then. A step within
// the window joins it (and marks it unread again); a later one opens a new group.
import type { Db } from '../../db/connect.ts';
import type { NotificationItem } from '../../db/schema.ts';
import { message, type Message } from '../../i18n/index.ts';
import type { ActivityKind } from './kinds.ts';
import { lockGroup, openGroup, refillGroup } from './store/notifications.ts';

/** How long a group gathers steps before its e-mail and Slack go out. */
export const groupWindowMs = 5 * 60_000;

export type StepFacts = {
  kind: ActivityKind;
  data: Record<string, unknown>;
  projectId: string | null;
  accountId: string | null;
};

const groupedKinds: ReadonlySet<ActivityKind> = new Set([
  'sla_warning',
  'sla_breach',
  'escalation',
]);

/** The group a step belongs to, or null for kinds that are never grouped. */
export function stepGroupKey(step: StepFacts): string | null {
  if (!groupedKinds.has(step.kind)) return null;
  const policy = typeof step.data.policyId === 'string' ? step.data.policyId : 'none';
  const mention = typeof step.data.mentionId === 'string' ? ':mention' : '';
  const where = step.projectId ? `project:${step.projectId}` : `account:${step.accountId ?? ''}`;
  return `${step.kind}${mention}:${policy}:${where}`;
}

const groupKeys = {
  project: {
    sla_warning: 'notify.group.slaWarningProject',
    sla_breach: 'notify.group.slaBreachProject',
    escalation: 'notify.group.escalationProject',
    mention: 'notify.group.mentionEscalationProject',
  },
  account: {
    sla_warning: 'notify.group.slaWarningAccount',
    sla_breach: 'notify.group.slaBreachAccount',
    escalation: 'notify.group.escalationAccount',
    mention: 'notify.group.mentionEscalationAccount',
  },
} as const;

/** The sentence for a group of `count` steps. */
export function groupMessage(
  step: StepFacts & { accountName: string | null; projectName: string | null },
  count: number,
): Message {
  const on = step.projectId ? groupKeys.project : groupKeys.account;
  const kind =
    step.kind === 'escalation' && typeof step.data.mentionId === 'string'
      ? 'mention'
      : step.kind === 'sla_warning' || step.kind === 'sla_breach'
        ? step.kind
        : 'escalation';
  return message(on[kind], {
    count,
    account: step.accountName ?? '—',
    project: step.projectName ?? '—',
    policy: typeof step.data.policyName === 'string' ? step.data.policyName : 'SLA',
  });
}

/**
 * Adds a step to the person's open group with this key: true when it joined one (or was in it
 * already: routing an event twice lists it once), false when none is open.
 */
export async function joinOpenGroup(
  db: Db,
  join: {
    userId: string;
    workspaceId: string;
    groupKey: string;
    urgency: 'now' | 'digest';
    item: NotificationItem;
    now: Date;
    message: (count: number) => Message;
  },
): Promise<{ joined: boolean }> {
  // Two workers routing steps of one group at once: one opens it, the other joins.
  await lockGroup(db, join.userId, join.groupKey);
  const open = await openGroup(db, {
    workspaceId: join.workspaceId,
    userId: join.userId,
    groupKey: join.groupKey,
    urgency: join.urgency,
    since: new Date(join.now.getTime() - groupWindowMs),
  });
  if (!open) return { joined: false };
  if (open.items.some((i) => i.eventId === join.item.eventId)) return { joined: true };
  const items = [...open.items, join.item];
  // Something new arrived: it is unread again.
  await refillGroup(db, join.workspaceId, open.id, {
    items,
    message: JSON.stringify(join.message(items.length)),
  });
  return { joined: true };
}
