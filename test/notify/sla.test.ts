import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { UserId, WorkspaceId } from '../../src/lib/ids.ts';
import { createSlaPolicy } from '../../src/modules/notify/index.ts';
import {
  commentOnTask,
  createTask,
  createTemplate,
  instantiateTemplate,
  updateTask,
} from '../../src/modules/work/index.ts';
import { checkTaskSla } from '../../src/modules/notify/sla/check.ts';
import { findPolicy } from '../../src/modules/notify/sla/policy.ts';
import { armPolicyTimers } from '../../src/modules/notify/sla/timers.ts';
import { signedIn, testApp, type ApiClient } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeAccount, makeUser, makeWorkspace, testPassword } from '../support/factories.ts';
import { inEnglish, jobRunAt, runJobs } from './support.ts';

// Monday 2 November 2026, 09:00 UTC.
const { deps, clock, database } = await useTestDeps('2026-11-02T09:00:00Z');
const app = testApp(deps);
const run = () => runJobs(deps, database.pool, clock);
const minutes = (n: number) => clock.advance(n * 60_000);

let workspaceId: WorkspaceId;
let directorId: UserId;
let managerId: UserId;
let csmId: UserId;
let accountId: string;
let policyId: string;
let admin: ApiClient;
let csmEmail: string;
let managerEmail: string;
let manager: ApiClient;
const scope = () => ({ workspaceId, onlyOwner: null });
const as = (userId: UserId) => ({ workspaceId, userId });

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  const workspace = await makeWorkspace(deps.db);
  workspaceId = workspace.id;
  const director = await makeUser(deps.db, workspaceId, { role: 'manager', name: 'Dana Director' });
  const mgr = await makeUser(deps.db, workspaceId, {
    role: 'manager',
    name: 'Morgan Lee',
    managerId: director.id,
    email: `morgan.${workspaceId.slice(0, 8)}@example.test`,
  });
  const csm = await makeUser(deps.db, workspaceId, { name: 'Jordan Taylor', managerId: mgr.id });
  const adminUser = await makeUser(deps.db, workspaceId, { role: 'admin' });
  directorId = director.id;
  managerId = mgr.id;
  csmId = csm.id;
  csmEmail = csm.email;
  accountId = (
    await makeAccount(deps.db, workspaceId, {
      name: 'Acme Rockets',
      priority: 'P0',
      owner_id: csmId,
    })
  ).id;
  admin = await signedIn(app, adminUser.email, testPassword);
  manager = await signedIn(app, mgr.email, testPassword);
  managerEmail = mgr.email;
  const policy = await createSlaPolicy(
    deps,
    { workspaceId },
    {
      name: 'P0 untouched',
      match: { accountPriority: ['P0'], taskPriority: [], tags: [], tier: [], projectKind: [] },
      metric: 'untouchedFor',
      threshold: 'PT2H',
      warnAt: 0.75,
      chain: [{ notify: 'manager' }, { notify: 'managersManager', after: 'PT1H' }],
      businessHours: null,
      enabled: true,
    },
  );
  policyId = policy.id;
  await run();
});

afterAll(() => {
  vi.useRealTimers();
});

const newTask = (title: string) =>
  createTask(deps.db, clock, as(csmId), scope(), { title, accountId, assigneeId: csmId });

const raised = (taskId: string) =>
  deps.db
    .selectFrom('escalations')
    .select(['step', 'kind', 'notified_user_ids', 'raised_at'])
    .where('task_id', '=', taskId)
    .orderBy('step')
    .execute();

const notified = async (userId: string, kind: string) =>
  (
    await deps.db
      .selectFrom('notifications')
      .select(['message', 'urgency', 'task_id'])
      .where('user_id', '=', userId)
      .where('kind', '=', kind)
      .execute()
  ).map(({ message, ...n }) => ({ ...n, title: inEnglish(message) }));

describe('SLA timers', () => {
  it('warns, breaches and escalates a P0 task untouched for two hours to the manager, then their manager, each once and in order', async () => {
    clock.set('2026-11-02T09:00:00Z');
    const task = await newTask('Configure SSO');
    await run();
    expect(await jobRunAt(deps, `sla:${task.id}:${policyId}`)).toEqual(
      new Date('2026-11-02T10:30:00Z'),
    );

    clock.set('2026-11-02T10:30:00Z');
    await run();
    expect((await raised(task.id)).map((r) => r.kind)).toEqual(['warning']);

    clock.set('2026-11-02T11:00:00Z');
    await run();
    const atBreach = await raised(task.id);
    expect(atBreach.map((r) => [r.step, r.kind])).toEqual([
      [0, 'warning'],
      [1, 'breach'],
      [2, 'escalation'],
    ]);
    expect(atBreach[2]?.notified_user_ids).toEqual([managerId]);
    const toManager = (await notified(managerId, 'escalation')).filter(
      (n) => n.task_id === task.id,
    );
    expect(toManager).toHaveLength(1);
    expect(toManager[0]).toMatchObject({ urgency: 'now' });
    expect(toManager[0]?.title).toContain('“Configure SSO”');

    clock.set('2026-11-02T12:00:00Z');
    await run();
    await run();
    const all = await raised(task.id);
    expect(all.map((r) => r.step)).toEqual([0, 1, 2, 3]);
    expect(all[3]?.notified_user_ids).toEqual([directorId]);
    // In order: each step raised no earlier than the one before.
    const times = all.map((r) => r.raised_at.getTime());
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    // Nothing left to fire.
    expect(await jobRunAt(deps, `sla:${task.id}:${policyId}`)).toBeNull();
  });

  it('resets the timer when someone touches the task', async () => {
    clock.set('2026-11-03T09:00:00Z');
    const task = await newTask('Plan the kickoff');
    await run();
    minutes(60);
    await updateTask(deps.db, clock, as(csmId), scope(), task.id, { status: 'in_progress' });
    // 10:00 touch → once the worker hears of it, the warning moves from 10:30 to 11:30.
    await run();
    expect(await jobRunAt(deps, `sla:${task.id}:${policyId}`)).toEqual(
      new Date('2026-11-03T11:30:00Z'),
    );
    clock.set('2026-11-03T11:15:00Z');
    await run();
    expect(await raised(task.id)).toEqual([]);
    minutes(15);
    await run();
    expect((await raised(task.id)).map((r) => r.kind)).toEqual(['warning']);
  });

  it('counts from the touch itself, however late the worker hears of it', async () => {
    clock.set('2026-11-03T13:00:00Z');
    const task = await newTask('Touched while the worker was down');
    await run();
    minutes(60);
    await updateTask(deps.db, clock, as(csmId), scope(), task.id, { status: 'in_progress' });
    // The worker is back after the new warning fell due (15:30) and before the breach (16:00):
    // the old clock (warning at 14:30) raises nothing, the new one warns once.
    clock.set('2026-11-03T15:45:00Z');
    await run();
    const steps = await deps.db
      .selectFrom('escalations')
      .select(['kind', 'epoch'])
      .where('task_id', '=', task.id)
      .execute();
    expect(steps).toEqual([{ kind: 'warning', epoch: new Date('2026-11-03T14:00:00Z') }]);
    expect(await jobRunAt(deps, `sla:${task.id}:${policyId}`)).toEqual(
      new Date('2026-11-03T16:00:00Z'),
    );
  });

  it('stops the clock while the task is blocked or waiting on the customer, and restarts it after', async () => {
    clock.set('2026-11-04T09:00:00Z');
    const task = await newTask('Wait for the SSO metadata');
    await updateTask(deps.db, clock, as(csmId), scope(), task.id, {
      status: 'waiting_on_customer',
    });
    await run();
    expect(await jobRunAt(deps, `sla:${task.id}:${policyId}`)).toBeNull();
    clock.set('2026-11-04T15:00:00Z');
    await run();
    expect(await raised(task.id)).toEqual([]);
    await updateTask(deps.db, clock, as(csmId), scope(), task.id, { status: 'in_progress' });
    await run();
    expect(await jobRunAt(deps, `sla:${task.id}:${policyId}`)).toEqual(
      new Date('2026-11-04T16:30:00Z'),
    );
  });

  it('ignores a Steward automation: it does not count as a touch', async () => {
    clock.set('2026-11-05T09:00:00Z');
    const task = await newTask('Automated follow-up');
    minutes(60);
    await updateTask(deps.db, clock, { ...as(csmId), automation: true }, scope(), task.id, {
      tags: ['play'],
    });
    await run();
    expect(await jobRunAt(deps, `sla:${task.id}:${policyId}`)).toEqual(
      new Date('2026-11-05T10:30:00Z'),
    );
  });

  it('fires exactly once when the worker restarts between scheduling and the breach', async () => {
    clock.set('2026-11-06T09:00:00Z');
    const task = await newTask('Restart-proof timer');
    // The first worker runs before anything is due, then goes away.
    await run();
    expect(await raised(task.id)).toEqual([]);
    // A new worker process starts after the breach: it finds the durable timer.
    clock.set('2026-11-06T11:00:01Z');
    await run();
    await run();
    expect((await raised(task.id)).map((r) => r.step)).toEqual([0, 1, 2]);
    expect(
      (await notified(managerId, 'escalation')).filter((n) => n.task_id === task.id),
    ).toHaveLength(1);
  });

  it('fires once when two workers race for the same timer', async () => {
    clock.set('2026-11-07T09:00:00Z');
    const task = await newTask('Raced timer');
    clock.set('2026-11-07T11:00:00Z');
    await Promise.all([run(), run()]);
    expect((await raised(task.id)).map((r) => r.step)).toEqual([0, 1, 2]);
    // The handler itself is idempotent too: two calls at once for the same epoch.
    const epoch = (
      await deps.db
        .selectFrom('tasks')
        .select('last_activity_at')
        .where('id', '=', task.id)
        .executeTakeFirstOrThrow()
    ).last_activity_at.toISOString();
    clock.set('2026-11-07T12:00:00Z');
    await Promise.all([
      checkTaskSla(deps, { taskId: task.id, policyId, epoch }),
      checkTaskSla(deps, { taskId: task.id, policyId, epoch }),
    ]);
    expect((await raised(task.id)).map((r) => r.step)).toEqual([0, 1, 2, 3]);
    expect(
      (await notified(directorId, 'escalation')).filter((n) => n.task_id === task.id),
    ).toHaveLength(0); // routed by the next worker run, once
    await run();
    expect(
      (await notified(directorId, 'escalation')).filter((n) => n.task_id === task.id),
    ).toHaveLength(1);
  });

  it('ignores a timer set for an epoch a touch has replaced', async () => {
    clock.set('2026-11-08T09:00:00Z');
    const task = await newTask('Stale timer');
    const staleEpoch = new Date('2026-11-08T09:00:00Z').toISOString();
    minutes(30);
    await commentOnTask(deps.db, clock, as(csmId), scope(), task.id, 'Working on it');
    clock.set('2026-11-08T11:05:00Z');
    await checkTaskSla(deps, { taskId: task.id, policyId, epoch: staleEpoch });
    expect(await raised(task.id)).toEqual([]);
  });
});

describe('a new policy', () => {
  it('arms timers on the open tasks it matches that exist already', async () => {
    clock.set('2026-11-12T09:00:00Z');
    const quiet = await makeAccount(deps.db, workspaceId, { priority: 'P3', owner_id: csmId });
    const task = await createTask(deps.db, clock, as(csmId), scope(), {
      title: 'Old task',
      accountId: quiet.id,
      assigneeId: csmId,
    });
    const done = await createTask(deps.db, clock, as(csmId), scope(), {
      title: 'Finished task',
      accountId: quiet.id,
      status: 'done',
    });
    await run();
    clock.set('2026-11-12T10:00:00Z');
    const policy = await createSlaPolicy(
      deps,
      { workspaceId },
      {
        name: 'P3 untouched',
        match: { accountPriority: ['P3'], taskPriority: [], tags: [], tier: [], projectKind: [] },
        metric: 'untouchedFor',
        threshold: 'PT2H',
        warnAt: 0.75,
        chain: [],
        businessHours: null,
        enabled: true,
      },
    );
    expect(await jobRunAt(deps, `sla:${task.id}:${policy.id}`)).toBeNull();
    await run();
    expect(await jobRunAt(deps, `sla:${task.id}:${policy.id}`)).toEqual(
      new Date('2026-11-12T10:30:00Z'),
    );
    expect(await jobRunAt(deps, `sla:${done.id}:${policy.id}`)).toBeNull();
    clock.set('2026-11-12T11:00:00Z');
    await run();
    expect((await raised(task.id)).map((r) => r.kind)).toEqual(['warning', 'breach']);
  });
});

describe('arming a policy', () => {
  it('arms every matching open task in one go, again without duplicates, and none when none match', async () => {
    const account = await makeAccount(deps.db, workspaceId, { tier: 'smb', owner_id: csmId });
    const tasks = await Promise.all(
      ['One', 'Two', 'Three'].map((title) =>
        createTask(deps.db, clock, as(csmId), scope(), {
          title,
          accountId: account.id,
          tags: ['armed'],
        }),
      ),
    );
    const policy = await createSlaPolicy(
      deps,
      { workspaceId },
      {
        name: 'Armed tag',
        match: {
          accountPriority: [],
          taskPriority: [],
          tags: ['armed'],
          tier: [],
          projectKind: [],
        },
        metric: 'untouchedFor',
        threshold: 'PT1H',
        warnAt: 0.5,
        chain: [],
        businessHours: null,
        enabled: true,
      },
    );
    const saved = await findPolicy(deps.db, workspaceId, policy.id);
    expect(await armPolicyTimers(deps.db, workspaceId, saved)).toBe(3);
    expect(await armPolicyTimers(deps.db, workspaceId, saved)).toBe(3);
    const keys = await sql<{ n: number }>`
      select count(*)::int as n from graphile_worker._private_jobs
      where key like ${`sla:%:${policy.id}`}`.execute(deps.db);
    expect(keys.rows[0]?.n).toBe(3);
    for (const task of tasks)
      expect(await jobRunAt(deps, `sla:${task.id}:${policy.id}`)).not.toBeNull();
    const nothing = { ...saved, match: { ...saved.match, tags: ['no-such-tag'] } };
    expect(await armPolicyTimers(deps.db, workspaceId, nothing)).toBe(0);
  });
});

describe('unanswered mentions', () => {
  it("escalates an @mention not answered within the policy's threshold to the person's manager", async () => {
    clock.set('2026-11-09T09:00:00Z');
    const task = await newTask('Security review');
    const handle = `morgan.${workspaceId.slice(0, 8)}`;
    await commentOnTask(deps.db, clock, as(csmId), scope(), task.id, `@${handle} can you approve?`);
    await run();
    expect(await notified(managerId, 'mentioned')).toHaveLength(1);
    clock.set('2026-11-09T11:00:00Z');
    await run();
    const escalation = await deps.db
      .selectFrom('escalations')
      .select(['kind', 'notified_user_ids', 'mention_id'])
      .where('task_id', '=', task.id)
      .where('mention_id', 'is not', null)
      .execute();
    expect(escalation).toEqual([
      {
        kind: 'escalation',
        notified_user_ids: [managerId, directorId],
        mention_id: expect.any(String),
      },
    ]);
  });

  it('does not escalate a mention the person answered', async () => {
    clock.set('2026-11-10T09:00:00Z');
    const task = await newTask('Answered mention');
    const handle = `morgan.${workspaceId.slice(0, 8)}`;
    await commentOnTask(deps.db, clock, as(csmId), scope(), task.id, `@${handle} thoughts?`);
    minutes(30);
    await commentOnTask(deps.db, clock, as(managerId), scope(), task.id, 'Looks good');
    clock.set('2026-11-10T15:00:00Z');
    await run();
    const count = await sql<{ n: number }>`
      select count(*)::int as n from escalations where mention_id is not null and task_id = ${task.id}`.execute(
      deps.db,
    );
    expect(count.rows[0]?.n).toBe(0);
  });
});

describe('first response', () => {
  it('stops a first-response clock once someone other than the creator acts', async () => {
    const other = await makeAccount(deps.db, workspaceId, { priority: 'P1', owner_id: csmId });
    const policy = await createSlaPolicy(
      deps,
      { workspaceId },
      {
        name: 'P1 first response',
        match: { accountPriority: ['P1'], taskPriority: [], tags: [], tier: [], projectKind: [] },
        metric: 'firstResponse',
        threshold: 'PT1H',
        warnAt: 0.5,
        chain: [],
        businessHours: null,
        enabled: true,
      },
    );
    clock.set('2026-11-11T09:00:00Z');
    await run();
    const task = await createTask(deps.db, clock, as(csmId), scope(), {
      title: 'Customer question',
      accountId: other.id,
      assigneeId: managerId,
    });
    // The creator's own comment is no response.
    minutes(10);
    await commentOnTask(deps.db, clock, as(csmId), scope(), task.id, 'Any news?');
    await run();
    expect(await jobRunAt(deps, `sla:${task.id}:${policy.id}`)).toEqual(
      new Date('2026-11-11T09:30:00Z'),
    );
    minutes(10);
    await commentOnTask(deps.db, clock, as(managerId), scope(), task.id, 'On it');
    await run();
    expect(await jobRunAt(deps, `sla:${task.id}:${policy.id}`)).toBeNull();
  });
});

describe('the SLA policy API', () => {
  const valid = {
    name: 'Enterprise untouched',
    match: { tier: ['enterprise' as const] },
    metric: 'untouchedFor' as const,
    threshold: 'PT4H',
    chain: [{ notify: 'manager' }],
  };

  it('lets an admin add, change, list and remove a policy in the API shape', async () => {
    const created = await admin.POST('/api/v1/sla-policies', { body: valid });
    expect(created.response.status).toBe(201);
    expect(created.data).toMatchObject({
      name: 'Enterprise untouched',
      match: {
        accountPriority: [],
        taskPriority: [],
        tags: [],
        tier: ['enterprise'],
        projectKind: [],
      },
      metric: 'untouchedFor',
      threshold: 'PT4H',
      warnAt: 0.75,
      chain: [{ notify: 'manager' }],
      businessHours: null,
    });
    const id = created.data?.id ?? '';
    const changed = await admin.PUT('/api/v1/sla-policies/{id}', {
      params: { path: { id } },
      body: {
        ...valid,
        businessHours: {
          timezone: 'Europe/Berlin',
          days: [1, 2, 3, 4, 5],
          start: '09:00',
          end: '17:00',
        },
      },
    });
    expect(changed.data?.businessHours?.timezone).toBe('Europe/Berlin');
    const list = await manager.GET('/api/v1/sla-policies');
    expect(list.data?.items.map((p) => p.id)).toContain(id);
    const removed = await admin.DELETE('/api/v1/sla-policies/{id}', { params: { path: { id } } });
    expect(removed.response.status).toBe(204);
  });

  it('lets a manager write policies, and refuses a CSM', async () => {
    const byManager = await manager.POST('/api/v1/sla-policies', {
      body: { ...valid, name: 'Managed by the team lead' },
    });
    expect(byManager.response.status).toBe(201);
    const csm = await signedIn(app, csmEmail, testPassword);
    const { response } = await csm.POST('/api/v1/sla-policies', { body: valid });
    expect(response.status).toBe(403);
    const list = await manager.GET('/api/v1/sla-policies');
    expect(list.data?.items.filter((p) => p.name === valid.name)).toEqual([]);
  });

  it('answers 422 naming the field for bad durations, loops, unknown people and warnAt', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ threshold: 'two hours' }, 'threshold'],
      [{ chain: [{ notify: 'manager', after: 'P1M' }] }, 'chain.0.after'],
      [{ chain: [{ notify: 'manager' }, { notify: 'manager', after: 'PT1H' }] }, 'chain.1.notify'],
      [{ chain: [{ notify: '00000000-0000-4000-8000-000000000000' }] }, 'chain.0.notify'],
      [{ warnAt: 1 }, 'warnAt'],
      [{ warnAt: 0 }, 'warnAt'],
      [
        { businessHours: { timezone: 'Mars/Olympus', days: [1], start: '09:00', end: '17:00' } },
        'businessHours.timezone',
      ],
    ];
    for (const [change, path] of cases) {
      const { response, error } = await admin.POST('/api/v1/sla-policies', {
        body: { ...valid, ...change } as typeof valid,
      });
      expect(response.status, path).toBe(422);
      expect(error?.errors?.map((e) => e.path)).toContain(path);
    }
  });

  it('lists raised escalations with their task, account and policy', async () => {
    const { data } = await manager.GET('/api/v1/escalations', {
      params: { query: { limit: 500 } },
    });
    const sso = data?.items.filter((e) => e.taskTitle === 'Configure SSO');
    expect(sso?.map((e) => e.step).sort()).toEqual([0, 1, 2, 3]);
    expect(sso?.[0]).toMatchObject({
      policyId,
      policyName: 'P0 untouched',
      accountName: 'Acme Rockets',
      taskId: expect.any(String),
      raisedAt: expect.any(String),
    });
    const page = await manager.GET('/api/v1/escalations', { params: { query: { limit: 2 } } });
    expect(page.data?.items).toHaveLength(2);
    const next = await manager.GET('/api/v1/escalations', {
      params: { query: { limit: 2, cursor: page.data?.nextCursor ?? '' } },
    });
    expect(next.data?.items[0]?.id).not.toBe(page.data?.items[0]?.id);
  });

  it("shows a CSM the escalations about their own clients, not another CSM's", async () => {
    const owner = await makeUser(deps.db, workspaceId, { managerId });
    const other = await makeUser(deps.db, workspaceId, { managerId });
    const theirs = await makeAccount(deps.db, workspaceId, { priority: 'P0', owner_id: owner.id });
    clock.set('2026-11-20T09:00:00Z');
    await createTask(deps.db, clock, as(owner.id), scope(), {
      title: 'Renewal call prep',
      accountId: theirs.id,
      assigneeId: owner.id,
    });
    clock.set('2026-11-20T12:00:00Z');
    await run();
    const titles = async (client: ApiClient) => {
      const { data } = await client.GET('/api/v1/escalations', {
        params: { query: { limit: 500 } },
      });
      return new Set(data?.items.map((e) => e.taskTitle));
    };
    expect(await titles(await signedIn(app, owner.email, testPassword))).toEqual(
      new Set(['Renewal call prep']),
    );
    expect(await titles(await signedIn(app, other.email, testPassword))).toEqual(new Set());
    expect(await titles(manager)).toContain('Renewal call prep');
  });
});

describe('SLA clocks on live work', () => {
  let liveAccountId: string;
  let templateId: string;
  const onboardingTask = (key: string, offsetDays: number) => ({
    key,
    title: `Step ${key}`,
    offsetDays,
    offsetUnit: 'calendar' as const,
    role: 'owner',
  });

  beforeAll(async () => {
    liveAccountId = (
      await makeAccount(deps.db, workspaceId, {
        name: 'Glenmark',
        priority: 'P0',
        tier: 'smb',
        owner_id: csmId,
      })
    ).id;
    const template = await createTemplate(
      deps.db,
      { workspaceId, userId: null },
      {
        name: 'Onboarding',
        description: null,
        kind: 'onboarding',
        definition: {
          tasks: [
            onboardingTask('today', 0),
            onboardingTask('in-ten-days', 10),
            onboardingTask('in-twenty-days', 20),
          ],
        },
      },
    );
    templateId = template.id;
  });

  const layOut = async (at: string) => {
    clock.set(at);
    const projectId = await instantiateTemplate(
      deps.db,
      clock,
      { workspaceId, userId: managerId },
      scope(),
      templateId,
      { accountId: liveAccountId, startDate: at.slice(0, 10), assignees: {} },
    );
    await run();
    const tasks = await deps.db
      .selectFrom('tasks')
      .select(['id', 'template_task_key'])
      .where('project_id', '=', projectId)
      .execute();
    const byKey = (key: string) => tasks.find((t) => t.template_task_key === key)?.id ?? '';
    return { projectId, byKey };
  };

  it('leaves the tasks a template laid out weeks ahead alone until their due day, then breaches once', async () => {
    const { byKey } = await layOut('2026-12-01T09:00:00Z');
    // Due today: live now. Due in ten days: its clock waits for the start of that day.
    expect(await jobRunAt(deps, `sla:${byKey('today')}:${policyId}`)).toEqual(
      new Date('2026-12-01T10:30:00Z'),
    );
    expect(await jobRunAt(deps, `sla:${byKey('in-ten-days')}:${policyId}`)).toEqual(
      new Date('2026-12-11T01:30:00Z'),
    );
    clock.set('2026-12-01T11:00:00Z');
    await run();
    expect((await raised(byKey('today'))).map((r) => r.kind)).toEqual([
      'warning',
      'breach',
      'escalation',
    ]);
    expect(await raised(byKey('in-ten-days'))).toEqual([]);
    expect(await raised(byKey('in-twenty-days'))).toEqual([]);
    clock.set('2026-12-11T02:00:00Z');
    await run();
    await run();
    expect((await raised(byKey('in-ten-days'))).map((r) => r.kind)).toEqual([
      'warning',
      'breach',
      'escalation',
    ]);
    expect(await raised(byKey('in-twenty-days'))).toEqual([]);
  });

  it('starts the clock when someone starts a task, before its due day', async () => {
    const { byKey } = await layOut('2026-12-02T09:00:00Z');
    const later = byKey('in-twenty-days');
    clock.set('2026-12-03T10:00:00Z');
    await updateTask(deps.db, clock, as(csmId), scope(), later, { status: 'in_progress' });
    await run();
    expect(await jobRunAt(deps, `sla:${later}:${policyId}`)).toEqual(
      new Date('2026-12-03T11:30:00Z'),
    );
  });

  it('waits for the start date of a task that has one', async () => {
    clock.set('2026-12-04T09:00:00Z');
    const task = await createTask(deps.db, clock, as(csmId), scope(), {
      title: 'Quarterly data review',
      accountId: liveAccountId,
      assigneeId: csmId,
      startAt: '2026-12-07T08:00:00Z',
      dueAt: '2026-12-09T17:00:00Z',
    });
    await run();
    expect(await jobRunAt(deps, `sla:${task.id}:${policyId}`)).toEqual(
      new Date('2026-12-07T09:30:00Z'),
    );
  });
});

describe('grouped SLA notifications', () => {
  it('tells the CSM and the manager once about five tasks of one project that breach together, one escalation record per task', async () => {
    const account = await makeAccount(deps.db, workspaceId, {
      name: 'Northwind',
      priority: 'P0',
      tier: 'smb',
      owner_id: csmId,
    });
    const template = await createTemplate(
      deps.db,
      { workspaceId, userId: null },
      {
        name: 'Kickoff week',
        description: null,
        kind: 'onboarding',
        definition: {
          tasks: ['a', 'b', 'c', 'd', 'e'].map((key) => ({
            key,
            title: `Kickoff ${key}`,
            offsetDays: 0,
            role: 'owner',
          })),
        },
      },
    );
    clock.set('2026-12-14T09:00:00Z');
    const projectId = await instantiateTemplate(
      deps.db,
      clock,
      { workspaceId, userId: managerId },
      scope(),
      template.id,
      { accountId: account.id, startDate: '2026-12-14', assignees: {} },
    );
    await run();
    // Found late, two hours on: the warnings are overtaken by the breach.
    clock.set('2026-12-14T11:00:00Z');
    await run();
    const records = await deps.db
      .selectFrom('escalations as e')
      .innerJoin('tasks as t', 't.id', 'e.task_id')
      .select(['e.kind'])
      .where('t.project_id', '=', projectId)
      .execute();
    expect(records.filter((r) => r.kind === 'breach')).toHaveLength(5);
    expect(records.filter((r) => r.kind === 'escalation')).toHaveLength(5);
    const about = (userId: string) =>
      deps.db
        .selectFrom('notifications as n')
        .innerJoin('tasks as t', 't.id', 'n.task_id')
        .select(['n.kind', 'n.message', 'n.items'])
        .where('n.user_id', '=', userId)
        .where('t.project_id', '=', projectId)
        .execute();
    const toCsm = await about(csmId);
    expect(toCsm.map((n) => n.kind)).toEqual(['sla_breach']);
    expect(toCsm[0]?.items).toHaveLength(5);
    expect(inEnglish(toCsm[0]?.message ?? { key: '' })).toBe(
      'Northwind: 5 tasks on “Kickoff week — Northwind” passed “P0 untouched”',
    );
    const toManager = await about(managerId);
    expect(toManager.map((n) => n.kind)).toEqual(['escalation']);
    // The manager's inbox lists the five tasks inside the one notification.
    const today = await signedIn(app, managerEmail, testPassword);
    const { data } = await today.GET('/api/v1/notifications', { params: { query: {} } });
    const grouped = data?.items.find((n) => n.kind === 'escalation' && n.items.length > 0);
    expect(grouped?.title).toBe(
      'Escalation — Northwind: 5 tasks on “Kickoff week — Northwind” passed “P0 untouched”',
    );
    expect(grouped?.items.map((i) => i.title).sort()).toEqual([
      'Kickoff a',
      'Kickoff b',
      'Kickoff c',
      'Kickoff d',
      'Kickoff e',
    ]);
  });
});
