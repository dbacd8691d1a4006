import { describe, expect, it } from 'vitest';
import { digestFor, type DigestItem } from './digestFor.ts';

const at = new Date('2026-11-02T07:00:00Z');
const comment = (i: number): DigestItem => ({
  kind: 'task_commented',
  message: {
    key: 'notify.event.taskCommented',
    params: { actor: `Person ${i}`, task: 'Configure SSO', account: 'Acme' },
  },
  taskId: 'task-sso',
  taskTitle: 'Configure SSO',
  accountId: 'acme',
  accountName: 'Acme',
  createdAt: at,
});
const items: DigestItem[] = [
  ...Array.from({ length: 10 }, (_, i) => comment(i)),
  {
    kind: 'task_updated',
    message: {
      key: 'notify.event.taskUpdated',
      params: { actor: 'Sam', task: 'Kickoff', account: 'Beta' },
    },
    taskId: 'task-kickoff',
    taskTitle: 'Kickoff',
    accountId: 'beta',
    accountName: 'Beta',
    createdAt: at,
  },
];

describe('the digest', () => {
  it('coalesces ten comments on one task into one line, grouped by account', () => {
    const digest = digestFor(
      { name: 'Jordan', locale: 'en', timeZone: 'Europe/Berlin' },
      items,
      at,
    );
    expect(digest.groups).toEqual([
      { accountName: 'Acme', lines: [{ text: '10 comments on “Configure SSO”', count: 10 }] },
      { accountName: 'Beta', lines: [{ text: 'Sam updated “Kickoff” (Beta)', count: 1 }] },
    ]);
    expect(digest.itemCount).toBe(11);
    expect(digest.subject).toBe('Your Steward digest for Nov 2, 2026: 11 updates');
    expect(digest.text).toContain('  • 10 comments on “Configure SSO”');
    expect(digest.html).toContain('<li>10 comments on “Configure SSO”</li>');
  });

  it('is written in Russian for a Russian reader, with Russian plural forms', () => {
    const digest = digestFor({ name: 'Иван', locale: 'ru', timeZone: 'Europe/Moscow' }, items, at);
    expect(digest.subject).toMatch(/^Сводка Steward за 2 нояб\. 2026 г\.: 11 событий$/);
    expect(digest.groups[0]?.lines[0]?.text).toBe('10 комментариев к «Configure SSO»');
    expect(digest.groups[1]?.lines[0]?.text).toBe('Sam: изменения в задаче «Kickoff» (Beta)');
    expect(digest.text.startsWith('Доброе утро, Иван.')).toBe(true);
  });
});
