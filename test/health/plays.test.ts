// Plays with the real worker: a timeline event queues the account's rescore; a move into At Risk
// opens one outreach task for its CSM due in 24 hours — once per move, not per rescore — and
// a renewal within 90 days opens the renewal project from its template, once per renewal date.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { messageSchema, renderMessage } from '../../src/i18n/index.ts';
import type { UserId, WorkspaceId } from '../../src/lib/ids.ts';
import { addDays } from '../../src/lib/calendar.ts';
import { addTimelineEvent } from '../../src/modules/accounts/index.ts';
import { createPlay } from '../../src/modules/health/index.ts';
import { createTemplate } from '../../src/modules/work/index.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeAccount, makeUser, makeWorkspace } from '../support/factories.ts';
import { runJobs } from '../notify/support.ts';
import { addActiveUsers, addUsageDays } from '../support/usage.ts';

// The rescore an event asks for is due a second after the database's "now" (accounts__changed):
// the test clock starts a minute ahead.
const { deps, clock, database } = await useTestDeps(new Date(Date.now() + 60_000).toISOString());
const run = () => runJobs(deps, database.pool, clock);
const today = () => clock.now().toISOString().slice(0, 10);

let workspaceId: WorkspaceId;
let csmId: UserId;
let accountId: string;
let accountName: string;

/** `users` distinct users active on each of the last 60 days. */
async function setActiveUsers(users: number) {
  await sql`delete from usage_month_users where account_id = ${accountId}`.execute(deps.db);
  await sql`delete from usage_months where account_id = ${accountId}`.execute(deps.db);
  await addActiveUsers(
    deps.db,
    sql`select ${workspaceId}::uuid, ${accountId}::uuid, ${today()}::date - d, 'reports', 'u' || u
    from generate_series(0, 59) d, generate_series(1, ${users}::int) u`,
  );
  await addUsageDays(
    deps.db,
    sql`select ${workspaceId}::uuid, ${accountId}::uuid, ${today()}::date - d, 'reports', 10, 1
    from generate_series(0, 59) d`,
  );
}

let noteCount = 0;
/** A CSM's note: reaches the timeline, which queues the account's rescore. */
async function logNote() {
  noteCount++;
  await addTimelineEvent(deps.db, {
    workspaceId,
    accountId,
    kind: 'note',
    title: `Note ${noteCount}`,
    actorId: csmId,
    occurredAt: clock.now(),
  });
}

const outreachTasks = () =>
  deps.db
    .selectFrom('tasks')
    .select(['title', 'assignee_id', 'due_at'])
    .where('account_id', '=', accountId)
    .where('tags', '@>', sql<string[]>`array['play']`)
    .where('project_id', 'is', null)
    .execute();

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  workspaceId = (await makeWorkspace(deps.db)).id;
  csmId = (await makeUser(deps.db, workspaceId, { role: 'csm' })).id;
  const account = await makeAccount(deps.db, workspaceId, { owner_id: csmId, seats: 10 });
  accountId = account.id;
  accountName = account.name;
  await deps.db
    .insertInto('usage_features')
    .values({ workspace_id: workspaceId, key: 'reports', label: 'Reports', events: ['Report'] })
    .execute();
  await createPlay(
    deps.db,
    { workspaceId, userId: null },
    {
      name: 'At-risk outreach',
      trigger: 'entered_at_risk',
      daysBeforeRenewal: null,
      templateId: null,
      taskTitle: 'Reach out to the champion',
      assigneeRole: 'owner',
      dueInHours: 24,
      enabled: true,
    },
    clock.now(),
  );
});

afterAll(() => {
  vi.useRealTimers();
});

describe('plays', () => {
  it('scores the account within one worker run of a timeline event', async () => {
    await setActiveUsers(9);
    await logNote();
    await run();
    const account = await deps.db
      .selectFrom('account_health')
      .select(['score as health_score', 'category as health_category'])
      .where('account_id', '=', accountId)
      .executeTakeFirstOrThrow();
    // 9 of 10 seats (45) + steady (30) + the one feature used (20) = 95; engagement: a note
    // today (40 + 8.3) and no meeting or champion → 48; (95×30 + 48×20) / 50 = 76.
    expect(account).toEqual({ health_score: 76, health_category: 'healthy' });
    expect(await outreachTasks()).toEqual([]);
  });

  it('opens one outreach task for the CSM, due in 24 hours, on a move into At Risk', async () => {
    clock.advance(3600_000);
    await setActiveUsers(3);
    await logNote();
    await run();
    const tasks = await outreachTasks();
    expect(tasks).toHaveLength(1);
    expect(tasks[0]?.assignee_id).toBe(csmId);
    expect(tasks[0]?.due_at?.getTime()).toBe(clock.now().getTime() + 24 * 3600_000);
    const timeline = await deps.db
      .selectFrom('timeline_events')
      .select('title_message')
      .where('account_id', '=', accountId)
      .where('source', '=', 'health')
      .orderBy('occurred_at')
      .execute();
    const titles = (locale: 'en' | 'ru') =>
      timeline.map((t) =>
        t.title_message ? renderMessage(messageSchema.parse(t.title_message), locale) : '',
      );
    // Usage 3 of 10 seats (15) + steady (30) + breadth (20) = 65; engagement two notes → 57:
    // (65×30 + 57×20) / 50 = 61.8 → 62.
    expect(titles('en')).toContain('Health: Healthy → At Risk (score 62)');
    expect(titles('ru')).toContain('Здоровье: Здоров → Под риском (оценка 62)');
    expect(titles('en')).toContain(
      `Play "At-risk outreach" ran for ${accountName} (turned At Risk): a task was opened`,
    );
    const told = await deps.db
      .selectFrom('notifications')
      .select('kind')
      .where('user_id', '=', csmId)
      .execute();
    expect(told.map((n) => n.kind)).toEqual(
      expect.arrayContaining(['play_opened', 'health_changed']),
    );
  });

  it('does not open another while the account stays At Risk, however often it is rescored', async () => {
    for (let i = 0; i < 3; i++) {
      clock.advance(600_000);
      await logNote();
      await run();
    }
    expect(await outreachTasks()).toHaveLength(1);
  });

  it('opens a new one on the next move into At Risk', async () => {
    clock.advance(3600_000);
    await setActiveUsers(9);
    await logNote();
    await run();
    clock.advance(3600_000);
    await setActiveUsers(3);
    await logNote();
    await run();
    expect(await outreachTasks()).toHaveLength(2);
  });

  it('opens the renewal project from its template 90 days before the renewal, once', async () => {
    const template = await createTemplate(
      deps.db,
      { workspaceId, userId: null },
      {
        name: 'Renewal',
        description: null,
        kind: 'renewal',
        definition: {
          allowDueBeforeStart: false,
          stages: [],
          tasks: [
            {
              key: 'review',
              title: 'Prepare the renewal review',
              description: null,
              parent: null,
              stage: null,
              offsetDays: 5,
              offsetUnit: 'calendar',
              role: 'owner',
              priority: 'P1',
              tags: [],
              checklist: [],
              dependsOn: [],
              firstValue: false,
            },
          ],
        },
      },
    );
    await createPlay(
      deps.db,
      { workspaceId, userId: null },
      {
        name: 'Renewal in 90 days',
        trigger: 'renewal_approaching',
        daysBeforeRenewal: 90,
        templateId: template.id,
        taskTitle: null,
        assigneeRole: 'owner',
        dueInHours: 24,
        enabled: true,
      },
      clock.now(),
    );
    await deps.db
      .updateTable('accounts')
      .set({ renewal_date: addDays(today(), 80) })
      .where('id', '=', accountId)
      .execute();
    for (let i = 0; i < 2; i++) {
      clock.advance(600_000);
      await logNote();
      await run();
    }
    const projects = await deps.db
      .selectFrom('projects')
      .select(['kind', 'template_id'])
      .where('account_id', '=', accountId)
      .execute();
    expect(projects).toEqual([{ kind: 'renewal', template_id: template.id }]);
  });
});
