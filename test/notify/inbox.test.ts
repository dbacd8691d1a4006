// The in-app inbox follows a person's preferences: quiet hours hold what they hold until they
// end, and taking the inbox off a channel list keeps those notifications out of it.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { UserId, WorkspaceId } from '../../src/lib/ids.ts';
import { commentOnTask, createTask } from '../../src/modules/work/index.ts';
import { signedIn, testApp, type ApiClient } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeAccount, makeUser, makeWorkspace, testPassword } from '../support/factories.ts';
import { runJobs } from './support.ts';

// Monday 2 November 2026, 23:00 in Berlin.
const { deps, clock, database } = await useTestDeps('2026-11-02T22:00:00Z');
const app = testApp(deps);
const run = () => runJobs(deps, database.pool, clock);

let workspaceId: WorkspaceId;
let managerId: UserId;
let csm: ApiClient;
let handle: string;
let taskId: string;
const scope = () => ({ workspaceId, onlyOwner: null });

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  workspaceId = (await makeWorkspace(deps.db)).id;
  managerId = (await makeUser(deps.db, workspaceId, { role: 'manager', name: 'Morgan Lee' })).id;
  const person = await makeUser(deps.db, workspaceId, {
    name: 'Jordan Taylor',
    managerId,
    timezone: 'Europe/Berlin',
  });
  handle = person.email;
  const account = await makeAccount(deps.db, workspaceId, { name: 'Acme', owner_id: person.id });
  taskId = (
    await createTask(deps.db, clock, { workspaceId, userId: person.id }, scope(), {
      title: 'Kick-off call',
      accountId: account.id,
      assigneeId: person.id,
    })
  ).id;
  csm = await signedIn(app, person.email, testPassword);
});

afterAll(() => {
  vi.useRealTimers();
});

const inbox = async () => {
  const { data } = await csm.GET('/api/v1/notifications', { params: { query: {} } });
  return { titles: data?.items.map((n) => n.title) ?? [], unread: data?.unreadCount };
};

describe('the inbox', () => {
  it('keeps a mention quiet hours hold out of the inbox until they end, and then shows it unread', async () => {
    await csm.PUT('/api/v1/me/notification-preferences', {
      body: { quietHours: { start: '22:00', end: '07:00' } },
    });
    await commentOnTask(
      deps.db,
      clock,
      { workspaceId, userId: managerId },
      scope(),
      taskId,
      `@${handle} tonight?`,
    );
    await run();
    expect(await inbox()).toEqual({ titles: [], unread: 0 });
    // "Mark all read" at night leaves the held one for the morning.
    await csm.POST('/api/v1/notifications/read-all');

    clock.set('2026-11-03T06:00:00Z'); // 07:00 in Berlin
    expect(await inbox()).toEqual({
      titles: ['Morgan Lee mentioned you on “Kick-off call” (Acme)'],
      unread: 1,
    });
  });

  it('leaves out the digest when the inbox is not one of its channels', async () => {
    clock.set('2026-11-03T10:00:00Z');
    await commentOnTask(
      deps.db,
      clock,
      { workspaceId, userId: managerId },
      scope(),
      taskId,
      'Agenda is ready',
    );
    await run();
    expect((await inbox()).titles).toContain('Morgan Lee commented on “Kick-off call” (Acme)');

    await csm.PUT('/api/v1/me/notification-preferences', {
      body: { channels: { now: ['in_app'], digest: ['email'] } },
    });
    const { titles } = await inbox();
    expect(titles).not.toContain('Morgan Lee commented on “Kick-off call” (Acme)');
    // What comes at once still does: the mention, and its escalation hours later.
    expect(titles).toContain('Morgan Lee mentioned you on “Kick-off call” (Acme)');
  });
});
