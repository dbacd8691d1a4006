// The morning digest: one message per person per local day, grouped by account and
// coalesced — ten comments on one task are one line, not ten. Pure, so it is easy to test.
import type { ActivityKind } from './kinds.ts';
import { localParts } from './zoned.ts';

export type DigestItem = {
  kind: ActivityKind;
  title: string;
  taskId: string | null;
  taskTitle: string | null;
  accountId: string | null;
  accountName: string | null;
  createdAt: Date;
};

export type DigestLine = { text: string; count: number };
export type DigestGroup = { accountName: string; lines: DigestLine[] };

export type Digest = {
  subject: string;
  groups: DigestGroup[];
  itemCount: number;
  text: string;
  html: string;
};

const plural: Partial<Record<ActivityKind, [string, string]>> = {
  task_commented: ['comment', 'comments'],
  task_updated: ['update', 'updates'],
  task_created: ['new task', 'new tasks'],
  task_assigned: ['assignment', 'assignments'],
  mentioned: ['mention', 'mentions'],
};

function lineFor(items: DigestItem[]): DigestLine {
  const first = items[0] as DigestItem;
  const count = items.length;
  if (count === 1) return { text: first.title, count };
  const words = plural[first.kind];
  const subject = first.taskTitle ? ` on '${first.taskTitle}'` : '';
  return {
    text: words ? `${count} ${words[1]}${subject}` : `${first.title} (×${count})`,
    count,
  };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A person's digest from their undigested items (oldest first). */
export function digestFor(
  user: { name: string; timezone: string },
  items: DigestItem[],
  now: Date,
): Digest {
  const byAccount = new Map<string, { name: string; lines: Map<string, DigestItem[]> }>();
  for (const item of items) {
    const accountKey = item.accountId ?? '';
    let group = byAccount.get(accountKey);
    if (!group) {
      group = { name: item.accountName ?? 'Other', lines: new Map() };
      byAccount.set(accountKey, group);
    }
    // One line per task and kind; events not about a task stay one line each.
    const lineKey = item.taskId
      ? `${item.taskId}:${item.kind}`
      : `${group.lines.size}:${item.title}`;
    group.lines.set(lineKey, [...(group.lines.get(lineKey) ?? []), item]);
  }
  const groups = [...byAccount.values()]
    .map((g) => ({ accountName: g.name, lines: [...g.lines.values()].map(lineFor) }))
    .sort((a, b) => a.accountName.localeCompare(b.accountName));
  const date = localParts(now, user.timezone).date;
  const subject = `Your Steward digest for ${date}: ${items.length} update${items.length === 1 ? '' : 's'}`;
  const text = [
    `Good morning, ${user.name}.`,
    '',
    ...groups.flatMap((g) => [g.accountName, ...g.lines.map((l) => `  • ${l.text}`), '']),
  ].join('\n');
  const html = [
    `<p>Good morning, ${escapeHtml(user.name)}.</p>`,
    ...groups.map(
      (g) =>
        `<h3>${escapeHtml(g.accountName)}</h3><ul>${g.lines
          .map((l) => `<li>${escapeHtml(l.text)}</li>`)
          .join('')}</ul>`,
    ),
  ].join('\n');
  return { subject, groups, itemCount: items.length, text, html };
}

/** Whether a person's digest for their local today is due: their digest hour has passed. */
export function digestDue(now: Date, timezone: string, digestHour: number) {
  const local = localParts(now, timezone);
  return { localDate: local.date, due: local.minutes >= digestHour * 60 };
}
