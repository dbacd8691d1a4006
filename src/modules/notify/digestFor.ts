// The morning digest: one message per person per local day, grouped by account and
// coalesced — ten comments on one task are one line, not ten — written in the person's
// language, dates in their time zone. Pure, so it is easy to test.
import type { StoredMessage } from '../../db/schema.ts';
import { message, renderMessage, type MessageKey } from '../../i18n/index.ts';
import type { ActivityKind } from './kinds.ts';
import { render, type Reader } from './render.ts';
import { localParts } from './zoned.ts';

export type DigestItem = {
  kind: ActivityKind;
  /** The notification's own sentence, as stored. */
  message: StoredMessage;
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

/** Several of these on one task read as "3 comments on '…'". */
const coalesced: Partial<Record<ActivityKind, MessageKey>> = {
  task_commented: 'notify.digest.comments',
  task_updated: 'notify.digest.updates',
  task_created: 'notify.digest.newTasks',
  task_assigned: 'notify.digest.assignments',
  mentioned: 'notify.digest.mentions',
};

function lineFor(items: DigestItem[], reader: Reader): DigestLine {
  const first = items[0] as DigestItem;
  const count = items.length;
  if (count === 1) return { text: render(first.message, reader), count };
  const key = coalesced[first.kind];
  const said =
    key && first.taskTitle
      ? message(key, { count, task: first.taskTitle })
      : message('notify.digest.repeated', { text: render(first.message, reader), count });
  return { text: renderMessage(said, reader.locale, reader.timeZone), count };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A person's digest from their undigested items (oldest first). */
export function digestFor(user: { name: string } & Reader, items: DigestItem[], now: Date): Digest {
  const say = (key: MessageKey, params?: Parameters<typeof message>[1]) =>
    renderMessage(message(key, params), user.locale, user.timeZone);
  const byAccount = new Map<string, { name: string; lines: Map<string, DigestItem[]> }>();
  for (const item of items) {
    const accountKey = item.accountId ?? '';
    let group = byAccount.get(accountKey);
    if (!group) {
      group = { name: item.accountName ?? say('notify.digest.otherAccount'), lines: new Map() };
      byAccount.set(accountKey, group);
    }
    // One line per task and kind; events not about a task stay one line each.
    const lineKey = item.taskId ? `${item.taskId}:${item.kind}` : `${group.lines.size}`;
    group.lines.set(lineKey, [...(group.lines.get(lineKey) ?? []), item]);
  }
  const groups = [...byAccount.values()]
    .map((g) => ({
      accountName: g.name,
      lines: [...g.lines.values()].map((line) => lineFor(line, user)),
    }))
    .sort((a, b) => a.accountName.localeCompare(b.accountName, user.locale));
  const date = localParts(now, user.timeZone).date;
  const subject = say('notify.digest.subject', { date: { date }, count: items.length });
  const greeting = say('notify.digest.greeting', { name: user.name });
  const text = [
    greeting,
    '',
    ...groups.flatMap((g) => [g.accountName, ...g.lines.map((l) => `  • ${l.text}`), '']),
  ].join('\n');
  const html = [
    `<p>${escapeHtml(greeting)}</p>`,
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
