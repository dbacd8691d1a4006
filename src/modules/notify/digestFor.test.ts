import { describe, expect, it } from 'vitest';
import { digestFor, type DigestItem } from './digestFor.ts';

const at = new Date('2026-11-02T07:00:00Z');
const comment = (i: number): DigestItem => ({
  kind: 'task_commented',
  title: `Person ${i} commented on 'Configure SSO' (Acme)`,
  taskId: 'task-sso',
  taskTitle: 'Configure SSO',
  accountId: 'acme',
  accountName: 'Acme',
  createdAt: at,
});

describe('the digest', () => {
  it('coalesces ten comments on one task into one line, grouped by account', () => {
    const items: DigestItem[] = [
      ...Array.from({ length: 10 }, (_, i) => comment(i)),
      {
        kind: 'task_updated',
        title: "Sam updated 'Kickoff' (Beta)",
        taskId: 'task-kickoff',
        taskTitle: 'Kickoff',
        accountId: 'beta',
        accountName: 'Beta',
        createdAt: at,
      },
    ];
    const digest = digestFor({ name: 'Jordan', timezone: 'Europe/Berlin' }, items, at);
    expect(digest.groups).toEqual([
      { accountName: 'Acme', lines: [{ text: "10 comments on 'Configure SSO'", count: 10 }] },
      { accountName: 'Beta', lines: [{ text: "Sam updated 'Kickoff' (Beta)", count: 1 }] },
    ]);
    expect(digest.itemCount).toBe(11);
    expect(digest.subject).toBe('Your Steward digest for 2026-11-02: 11 updates');
    expect(digest.text).toContain("  • 10 comments on 'Configure SSO'");
    expect(digest.html).toContain('<li>10 comments on &#39;Configure SSO&#39;</li>');
  });
});
