import { beforeAll, describe, expect, it } from 'vitest';
import type { UserId, WorkspaceId } from '../../src/lib/ids.ts';
import { enterpriseOnboarding } from '../../src/modules/work/index.ts';
import { signedIn, testApp, type ApiClient } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeAccount, makeUser, makeWorkspace, testPassword } from '../support/factories.ts';

// Monday 2 November 2026, 09:00 UTC.
const { deps, clock } = await useTestDeps('2026-11-02T09:00:00Z');
const app = testApp(deps);

let workspaceId: WorkspaceId;
let csmId: UserId;
let managerId: UserId;
let engineerId: UserId;
let csm: ApiClient;
let csmEmail: string;
let templateId: string;

beforeAll(async () => {
  const workspace = await makeWorkspace(deps.db);
  workspaceId = workspace.id;
  const manager = await makeUser(deps.db, workspaceId, { role: 'manager', name: 'Morgan Lee' });
  const csmUser = await makeUser(deps.db, workspaceId, {
    role: 'csm',
    name: 'Jordan Taylor',
    managerId: manager.id,
    email: `jordan.${workspaceId.slice(0, 6)}@example.test`,
  });
  const engineer = await makeUser(deps.db, workspaceId, { role: 'csm', name: 'Sam Engineer' });
  managerId = manager.id;
  csmId = csmUser.id;
  engineerId = engineer.id;
  csmEmail = csmUser.email;
  csm = await signedIn(app, csmEmail, testPassword);
  const { data, response } = await csm.POST('/api/v1/templates', {
    body: {
      name: enterpriseOnboarding.name,
      description: enterpriseOnboarding.description,
      kind: 'onboarding',
      definition: enterpriseOnboarding.definition,
    },
  });
  expect(response.status).toBe(201);
  templateId = data?.id ?? '';
});

const count = async (table: 'projects' | 'tasks') =>
  Number(
    (
      await deps.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirstOrThrow()
    ).n,
  );

async function instantiate(accountId: string, assignees: Record<string, string> = {}) {
  const { data, response, error } = await csm.POST('/api/v1/templates/{id}/instantiate', {
    params: { path: { id: templateId } },
    body: { accountId, startDate: '2026-11-02', assignees },
  });
  if (response.status !== 201) throw new Error(JSON.stringify(error));
  return data;
}

describe('instantiating a template', () => {
  it('creates the 22-task project in one action: stages, due days, roles, checklists, dependencies, version', async () => {
    const account = await makeAccount(deps.db, workspaceId, {
      owner_id: csmId,
      name: 'Acme Rockets',
    });
    const project = await instantiate(account.id, { solutions_engineer: engineerId });
    expect(project?.tasks).toHaveLength(22);
    expect(project?.stages.map((s) => s.name)).toEqual([
      'Kickoff',
      'Initial setup',
      'User training',
      'Early adoption',
      'Success review',
    ]);
    expect(project).toMatchObject({
      templateId,
      templateVersion: 1,
      kind: 'onboarding',
      name: 'Enterprise onboarding — Acme Rockets',
    });

    const byTitle = new Map(project?.tasks.map((t) => [t.title, t]));
    const kickoff = byTitle.get('Hold the kickoff call');
    // Start Monday 2 Nov + 3 business days = Thursday 5 Nov, due 17:00 in the workspace zone (UTC).
    expect(kickoff?.dueAt).toBe('2026-11-05T17:00:00.000Z');
    expect(kickoff?.assigneeId).toBe(csmId);
    expect(kickoff?.checklist.map((c) => c.text)).toEqual([
      'Agenda sent',
      'Goals written down',
      'Cadence agreed',
    ]);
    expect(kickoff?.dependsOn).toEqual([byTitle.get('Send the welcome e-mail')?.id]);
    expect(byTitle.get('Configure SSO')?.assigneeId).toBe(engineerId);
    expect(byTitle.get('Introduce the CS manager to the executive sponsor')?.assigneeId).toBe(
      managerId,
    );
    // 25 business days after Monday 2 Nov is Monday 7 Dec.
    expect(byTitle.get('First workflow live in production')).toMatchObject({
      isFirstValue: true,
      dueAt: '2026-12-07T17:00:00.000Z',
    });
  });

  it('skips the workspace holidays in business-day offsets', async () => {
    const admin = await makeUser(deps.db, workspaceId, { role: 'admin' });
    const adminClient = await signedIn(app, admin.email, testPassword);
    const { data: before } = await adminClient.GET('/api/v1/holidays');
    const { data: saved } = await adminClient.PUT('/api/v1/holidays', {
      body: { items: [{ day: '2026-11-04', name: 'Company day' }], version: before?.version ?? 0 },
    });
    const account = await makeAccount(deps.db, workspaceId, { owner_id: csmId });
    const project = await instantiate(account.id);
    const kickoff = project?.tasks.find((t) => t.title === 'Hold the kickoff call');
    expect(kickoff?.dueAt).toBe('2026-11-06T17:00:00.000Z');
    const cleared = await adminClient.PUT('/api/v1/holidays', {
      body: { items: [], version: saved?.version ?? 0 },
    });
    expect(cleared.response.status).toBe(200);
  });

  it('writes nothing when a role is unknown or a person is from another workspace', async () => {
    const account = await makeAccount(deps.db, workspaceId, { owner_id: csmId });
    const stranger = await makeUser(deps.db, (await makeWorkspace(deps.db)).id);
    const [projects, tasks] = [await count('projects'), await count('tasks')];
    for (const [assignees, path] of [
      [{ astronaut: engineerId }, 'assignees.astronaut'],
      [{ solutions_engineer: stranger.id }, 'assignees.solutions_engineer'],
    ] as const) {
      const { response, error } = await csm.POST('/api/v1/templates/{id}/instantiate', {
        params: { path: { id: templateId } },
        body: { accountId: account.id, startDate: '2026-11-02', assignees },
      });
      expect(response.status).toBe(422);
      expect(error?.errors?.[0]?.path).toBe(path);
    }
    expect([await count('projects'), await count('tasks')]).toEqual([projects, tasks]);
  });

  it('instantiates for many accounts at once, each on its own, reporting the ones that failed', async () => {
    const first = await makeAccount(deps.db, workspaceId, { owner_id: csmId });
    const second = await makeAccount(deps.db, workspaceId, { owner_id: csmId });
    const { data } = await csm.POST('/api/v1/templates/{id}/instantiate-many', {
      params: { path: { id: templateId } },
      body: {
        accountIds: [first.id, '00000000-0000-4000-8000-000000000000', second.id],
        startDate: '2026-11-02',
      },
    });
    expect(data?.items.map((i) => [i.projectId !== null, i.problem?.status ?? null])).toEqual([
      [true, null],
      [false, 422],
      [true, null],
    ]);
  });

  it("writes each failed account's problem in the asker's language", async () => {
    const anna = await makeUser(deps.db, workspaceId, { role: 'csm', locale: 'ru' });
    const russian = await signedIn(app, anna.email, testPassword);
    const { data } = await russian.POST('/api/v1/templates/{id}/instantiate-many', {
      params: { path: { id: templateId } },
      body: { accountIds: ['00000000-0000-4000-8000-000000000000'], startDate: '2026-11-02' },
    });
    const problem = data?.items[0]?.problem;
    expect(problem?.code).toBeTruthy();
    expect(problem?.title).toMatch(/[а-яё]/i);
    expect(problem?.detail).toMatch(/[а-яё]/i);
  });

  it('rejects a template whose dependencies loop, naming the loop, and saves nothing', async () => {
    const { response, error } = await csm.POST('/api/v1/templates', {
      body: {
        name: 'Loop',
        definition: {
          tasks: [
            { key: 'a', title: 'Kickoff', dependsOn: ['b'] },
            { key: 'b', title: 'Training', dependsOn: ['a'] },
          ],
        },
      },
    });
    expect(response.status).toBe(422);
    expect(error?.errors?.[0]?.message).toBe(
      'dependencies loop: "Kickoff" → "Training" → "Kickoff"',
    );
    const { data } = await csm.GET('/api/v1/templates');
    expect(data?.items.map((t) => t.name)).not.toContain('Loop');
  });
});

describe('templates counted back from the renewal', () => {
  const renewalPlay = {
    name: 'Renewal play',
    description: null,
    kind: 'renewal' as const,
    definition: {
      anchor: 'renewal' as const,
      tasks: [
        { key: 'review', title: 'Review health and usage', offsetDays: -90 },
        { key: 'value', title: 'Prepare the value summary', offsetDays: -60 },
        { key: 'proposal', title: 'Send the renewal proposal', offsetDays: -30 },
        { key: 'call', title: 'Renewal call with the sponsor', offsetDays: -14 },
        {
          key: 'sign',
          title: 'Collect the signature',
          offsetDays: 0,
          offsetUnit: 'business' as const,
        },
      ],
    },
  };
  let renewalTemplateId: string;

  beforeAll(async () => {
    const { data, response } = await csm.POST('/api/v1/templates', { body: renewalPlay });
    expect(response.status).toBe(201);
    expect(data?.definition.anchor).toBe('renewal');
    renewalTemplateId = data?.id ?? '';
  });

  const start = (accountId: string) =>
    csm.POST('/api/v1/templates/{id}/instantiate', {
      params: { path: { id: renewalTemplateId } },
      body: { accountId, startDate: '2026-11-02', assignees: {} },
    });

  it('schedules each task back from the renewal date, none after the contract ends', async () => {
    // Renewal on Sunday 31 January 2027: the signature is due the Friday before.
    const account = await makeAccount(deps.db, workspaceId, {
      owner_id: csmId,
      renewal_date: '2027-01-31',
    });
    const { data, response } = await start(account.id);
    expect(response.status).toBe(201);
    expect(data?.targetDate).toBe('2027-01-31');
    const due = new Map(data?.tasks.map((t) => [t.title, [t.dueAt, t.lateStart]]));
    expect(due.get('Review health and usage')).toEqual(['2026-11-02T17:00:00.000Z', false]);
    expect(due.get('Prepare the value summary')).toEqual(['2026-12-02T17:00:00.000Z', false]);
    expect(due.get('Renewal call with the sponsor')).toEqual(['2027-01-17T17:00:00.000Z', false]);
    expect(due.get('Collect the signature')).toEqual(['2027-01-29T17:00:00.000Z', false]);
    for (const task of data?.tasks ?? []) {
      expect((task.dueAt ?? '') < '2027-02-01').toBe(true);
    }
  });

  it('makes the early tasks due now and marks them started late when the renewal is closer than the template', async () => {
    // Five weeks to the renewal: the 90- and 60-day steps cannot happen on time.
    const account = await makeAccount(deps.db, workspaceId, {
      owner_id: csmId,
      renewal_date: '2026-12-07',
    });
    const { data } = await start(account.id);
    const byTitle = new Map(data?.tasks.map((t) => [t.title, t]));
    for (const title of ['Review health and usage', 'Prepare the value summary']) {
      expect(byTitle.get(title)).toMatchObject({
        dueAt: '2026-11-02T17:00:00.000Z',
        lateStart: true,
      });
    }
    expect(byTitle.get('Send the renewal proposal')).toMatchObject({
      dueAt: '2026-11-07T17:00:00.000Z',
      lateStart: false,
    });
    expect(byTitle.get('Collect the signature')?.dueAt).toBe('2026-12-07T17:00:00.000Z');
  });

  it('refuses, naming the field, an account without a renewal date, and writes nothing', async () => {
    const account = await makeAccount(deps.db, workspaceId, {
      owner_id: csmId,
      renewal_date: null,
    });
    const before = await count('projects');
    const { response, error } = await start(account.id);
    expect(response.status).toBe(422);
    expect(error?.errors?.map((e) => e.path)).toEqual(['renewalDate']);
    expect(await count('projects')).toBe(before);
  });

  it('refuses a renewal template with a task due after the renewal', async () => {
    const { response, error } = await csm.POST('/api/v1/templates', {
      body: {
        ...renewalPlay,
        definition: {
          ...renewalPlay.definition,
          tasks: [{ key: 'late', title: 'After the contract', offsetDays: 5 }],
        },
      },
    });
    expect(response.status).toBe(422);
    expect(error?.errors?.map((e) => e.path)).toEqual(['definition.tasks.0.offsetDays']);
  });
});

describe('the workspace holidays', () => {
  it('lists them by day; a day given twice, an empty name, a day that is not one, or a change by a CSM, is refused, and loses nothing', async () => {
    const workspace = await makeWorkspace(deps.db);
    const admin = await makeUser(deps.db, workspace.id, { role: 'admin' });
    const client = await signedIn(app, admin.email, testPassword);
    const kept = [
      { day: '2026-12-25', name: 'Christmas Day' },
      { day: '2026-12-24', name: 'Christmas Eve' },
    ];
    const saved = await client.PUT('/api/v1/holidays', { body: { items: kept, version: 0 } });
    expect(saved.data?.items.map((h) => h.day)).toEqual(['2026-12-24', '2026-12-25']);
    expect(saved.data?.version).toBe(1);

    const refusals: [{ day: string; name: string }[], string, string?][] = [
      [
        [...kept, { day: '2026-12-25', name: 'Office closed' }],
        'items.2.day',
        'this day is already a holiday',
      ],
      [[...kept, { day: '2026-12-31', name: '   ' }], 'items.2.name', 'give the holiday a name'],
      [[{ day: '2026-02-30', name: 'No such day' }], 'items.0.day'],
    ];
    for (const [items, path, message] of refusals) {
      const { response, error } = await client.PUT('/api/v1/holidays', {
        body: { items, version: 1 },
      });
      expect(response.status, path).toBe(422);
      expect(error?.errors?.[0]?.path).toBe(path);
      if (message) expect(error?.errors?.[0]?.message).toBe(message);
    }

    // A CSM reads them but may not change them.
    const csmOfWorkspace = await makeUser(deps.db, workspace.id, { role: 'csm' });
    const reader = await signedIn(app, csmOfWorkspace.email, testPassword);
    const refused = await reader.PUT('/api/v1/holidays', { body: { items: [], version: 1 } });
    expect(refused.response.status).toBe(403);
    const { data } = await reader.GET('/api/v1/holidays');
    expect(data).toEqual({ items: [kept[1], kept[0]], version: 1 });
  });

  it('refuses a save made from a list another admin has changed since, in the reader’s language, and keeps the first save', async () => {
    const workspace = await makeWorkspace(deps.db);
    const first = await signedIn(
      app,
      (await makeUser(deps.db, workspace.id, { role: 'admin' })).email,
      testPassword,
    );
    const second = await signedIn(
      app,
      (await makeUser(deps.db, workspace.id, { role: 'admin', locale: 'ru' })).email,
      testPassword,
    );
    // Both open the screen on the same list.
    const { data: loaded } = await first.GET('/api/v1/holidays');
    expect(loaded).toEqual({ items: [], version: 0 });
    const firstSave = [{ day: '2026-12-25', name: 'Christmas Day' }];
    const saved = await first.PUT('/api/v1/holidays', {
      body: { items: firstSave, version: loaded?.version ?? 0 },
    });
    expect(saved.data?.version).toBe(1);

    const stale = await second.PUT('/api/v1/holidays', {
      body: { items: [{ day: '2026-12-31', name: 'Канун Нового года' }], version: 0 },
    });
    expect(stale.response.status).toBe(409);
    expect(stale.response.headers.get('content-type')).toContain('application/problem+json');
    expect(stale.error?.detail).toMatch(/Кто-то другой изменил праздники/);
    const { data: after } = await second.GET('/api/v1/holidays');
    expect(after).toEqual({ items: firstSave, version: 1 });

    // Made again from the list as it is now, the change is saved.
    const retried = await second.PUT('/api/v1/holidays', {
      body: { items: [...firstSave, { day: '2026-12-31', name: 'Канун' }], version: 1 },
    });
    expect(retried.data?.version).toBe(2);
    expect(retried.data?.items.map((h) => h.day)).toEqual(['2026-12-25', '2026-12-31']);
  });

  it('of two saves sent at the same moment from one version, saves exactly one', async () => {
    const workspace = await makeWorkspace(deps.db);
    const admin = await signedIn(
      app,
      (await makeUser(deps.db, workspace.id, { role: 'admin' })).email,
      testPassword,
    );
    const lists = [
      [{ day: '2027-01-01', name: "New Year's Day" }],
      [{ day: '2027-07-05', name: 'Independence Day' }],
    ];
    const answers = await Promise.all(
      lists.map((items) => admin.PUT('/api/v1/holidays', { body: { items, version: 0 } })),
    );
    expect(answers.map((a) => a.response.status).sort()).toEqual([200, 409]);
    const winner = lists[answers.findIndex((a) => a.response.status === 200)];
    const { data } = await admin.GET('/api/v1/holidays');
    expect(data).toEqual({ items: winner, version: 1 });
  });

  it('refuses a save that names no version, and changes nothing', async () => {
    const workspace = await makeWorkspace(deps.db);
    const admin = await signedIn(
      app,
      (await makeUser(deps.db, workspace.id, { role: 'admin' })).email,
      testPassword,
    );
    const kept = [{ day: '2026-12-25', name: 'Christmas Day' }];
    await admin.PUT('/api/v1/holidays', { body: { items: kept, version: 0 } });
    const { response, error } = await admin.PUT('/api/v1/holidays', {
      // @ts-expect-error: a client that does not send the version it loaded
      body: { items: [] },
    });
    expect(response.status).toBe(422);
    expect(error?.errors?.map((e) => e.path)).toEqual(['version']);
    const { data } = await admin.GET('/api/v1/holidays');
    expect(data).toEqual({ items: kept, version: 1 });
  });
});

describe('a project without a start date', () => {
  it("starts today in the workspace's time zone", async () => {
    // 12:00 UTC on Monday 2 November is already Tuesday in Auckland.
    const workspace = await makeWorkspace(deps.db);
    await deps.db
      .updateTable('workspaces')
      .set({ timezone: 'Pacific/Auckland' })
      .where('id', '=', workspace.id)
      .execute();
    const person = await makeUser(deps.db, workspace.id, { role: 'manager' });
    const account = await makeAccount(deps.db, workspace.id, { owner_id: person.id });
    const client = await signedIn(app, person.email, testPassword);
    const before = clock.now();
    clock.set('2026-11-02T12:00:00Z');
    const { data, response } = await client.POST('/api/v1/projects', {
      body: { accountId: account.id, name: 'Health check', kind: 'health_check' },
    });
    clock.set(before);
    expect(response.status).toBe(201);
    expect(data?.startDate).toBe('2026-11-03');
  });
});

describe('working the tasks', () => {
  it('refuses to start a task that waits on another, then completes stages and records activity', async () => {
    const account = await makeAccount(deps.db, workspaceId, { owner_id: csmId });
    const project = await instantiate(account.id);
    const byTitle = new Map(project?.tasks.map((t) => [t.title, t]));
    const welcome = byTitle.get('Send the welcome e-mail');
    const refused = await csm.PATCH('/api/v1/tasks/{id}', {
      params: { path: { id: welcome?.id ?? '' } },
      body: { status: 'done' },
    });
    expect(refused.response.status).toBe(422);
    expect(refused.error?.errors?.[0]).toEqual({
      path: 'status',
      message: 'waits on "Review the sales hand-off notes"',
    });

    clock.advance(3600_000);
    const kickoffStage = [
      'Review the sales hand-off notes',
      'Send the welcome e-mail',
      'Hold the kickoff call',
      'Write the success plan with the sponsor',
      'Introduce the CS manager to the executive sponsor',
    ];
    for (const title of kickoffStage) {
      const { response } = await csm.PATCH('/api/v1/tasks/{id}', {
        params: { path: { id: byTitle.get(title)?.id ?? '' } },
        body: { status: 'done' },
      });
      expect(response.status, title).toBe(200);
    }
    const { data: after } = await csm.GET('/api/v1/projects/{id}', {
      params: { path: { id: project?.id ?? '' } },
    });
    expect(after?.stages[0]?.completedAt).toBe(clock.now().toISOString());
    expect(after?.stages[1]?.startedAt).toBe(clock.now().toISOString());
    const done = after?.tasks.find((t) => t.title === 'Send the welcome e-mail');
    expect(done).toMatchObject({
      lastActivityAt: clock.now().toISOString(),
      lastActivityBy: csmId,
      completedAt: clock.now().toISOString(),
    });

    const { data: timeline } = await csm.GET('/api/v1/accounts/{id}/timeline', {
      params: { path: { id: account.id } },
    });
    expect(timeline?.items.map((e) => e.title)).toContain('Stage completed: Kickoff');
  });

  it('stores @mentions as people, and a comment touches the task', async () => {
    const account = await makeAccount(deps.db, workspaceId, { owner_id: csmId });
    const { data: task } = await csm.POST('/api/v1/tasks', {
      body: {
        accountId: account.id,
        title: 'Escalate the SSO bug',
        tags: ['Urgent'],
        priority: 'P0',
      },
    });
    expect(task?.tags).toEqual(['urgent']);
    const managerEmail = (
      await deps.db
        .selectFrom('users')
        .select('email')
        .where('id', '=', managerId)
        .executeTakeFirstOrThrow()
    ).email;
    clock.advance(60_000);
    const { data: comment } = await csm.POST('/api/v1/tasks/{id}/comments', {
      params: { path: { id: task?.id ?? '' } },
      body: { body: `@${managerEmail.split('@')[0]} can you look at this today?` },
    });
    const mention = await deps.db
      .selectFrom('mentions')
      .selectAll()
      .where('task_id', '=', task?.id ?? '')
      .executeTakeFirstOrThrow();
    expect(mention).toMatchObject({ user_id: managerId, acknowledged_at: null });
    expect(comment?.mentions).toEqual([
      { id: managerId, name: 'Morgan Lee', mentionId: mention.id, acknowledgedAt: null },
    ]);
    const { data: touched } = await csm.GET('/api/v1/tasks/{id}', {
      params: { path: { id: task?.id ?? '' } },
    });
    expect(touched?.lastActivityAt).toBe(clock.now().toISOString());
  });

  it('lets the person mentioned, and only them, acknowledge it without a word', async () => {
    const account = await makeAccount(deps.db, workspaceId, { owner_id: csmId });
    const { data: task } = await csm.POST('/api/v1/tasks', {
      body: { accountId: account.id, title: 'Check the SSO settings' },
    });
    const path = { id: task?.id ?? '' };
    const managerEmail = (
      await deps.db
        .selectFrom('users')
        .select('email')
        .where('id', '=', managerId)
        .executeTakeFirstOrThrow()
    ).email;
    const { data: comment } = await csm.POST('/api/v1/tasks/{id}/comments', {
      params: { path },
      body: { body: `@${managerEmail.split('@')[0]} FYI, no action needed.` },
    });
    const mentionId = comment?.mentions[0]?.mentionId ?? '';

    const notTheirs = await csm.POST('/api/v1/mentions/{id}/acknowledge', {
      params: { path: { id: mentionId } },
    });
    expect(notTheirs.response.status).toBe(404);
    clock.advance(120_000);
    const manager = await signedIn(app, managerEmail, testPassword);
    const seen = await manager.POST('/api/v1/mentions/{id}/acknowledge', {
      params: { path: { id: mentionId } },
    });
    expect(seen.response.status).toBe(204);
    const { data: thread } = await manager.GET('/api/v1/tasks/{id}/comments', {
      params: { path },
    });
    expect(thread?.items[0]?.mentions).toEqual([
      { id: managerId, name: 'Morgan Lee', mentionId, acknowledgedAt: clock.now().toISOString() },
    ]);
  });

  it('refuses a dependency that closes a loop', async () => {
    const account = await makeAccount(deps.db, workspaceId, { owner_id: csmId });
    const project = await instantiate(account.id);
    const byTitle = new Map(project?.tasks.map((t) => [t.title, t]));
    const { response, error } = await csm.PATCH('/api/v1/tasks/{id}', {
      params: { path: { id: byTitle.get('Review the sales hand-off notes')?.id ?? '' } },
      body: { dependsOn: [byTitle.get('Hold the kickoff call')?.id ?? ''] },
    });
    expect(response.status).toBe(422);
    expect(error?.errors?.[0]?.message).toMatch(
      /^dependencies loop: "Review the sales hand-off notes" → /,
    );
  });

  it("refuses a sub-task's parent from elsewhere, itself or below it, naming the field, and moves nothing", async () => {
    const account = await makeAccount(deps.db, workspaceId, { owner_id: csmId });
    const other = await makeAccount(deps.db, workspaceId, { owner_id: csmId });
    const elsewhere = await makeWorkspace(deps.db);
    const foreign = await makeAccount(deps.db, elsewhere.id, {});
    const [foreignTask] = await deps.db
      .insertInto('tasks')
      .values({ workspace_id: elsewhere.id, account_id: foreign.id, title: 'Not yours' })
      .returning('id')
      .execute();
    const task = async (title: string, accountId: string, parentId: string | null = null) => {
      const { data, response } = await csm.POST('/api/v1/tasks', {
        body: { title, accountId, parentId },
      });
      expect(response.status).toBe(201);
      return data?.id ?? '';
    };
    const plan = await task('Plan the rollout', account.id);
    const step = await task('Pick the pilot team', account.id, plan);
    const detail = await task('Ask for names', account.id, step);
    const otherAccounts = await task('Plan their rollout', other.id);

    const refusals: [string | null, string, string][] = [
      [foreignTask?.id ?? '', plan, 'no such task'],
      [otherAccounts, plan, 'must be a task of the same account'],
      [plan, plan, 'a task cannot be its own parent'],
      [detail, plan, "is one of this task's own sub-tasks"],
    ];
    for (const [parentId, id, message] of refusals) {
      const { response, error } = await csm.PATCH('/api/v1/tasks/{id}', {
        params: { path: { id } },
        body: { parentId },
      });
      expect(response.status, message).toBe(422);
      expect(error?.errors).toEqual([expect.objectContaining({ path: 'parentId', message })]);
    }
    const tasksBefore = await count('tasks');
    const created = await csm.POST('/api/v1/tasks', {
      body: { title: 'Borrowed', accountId: account.id, parentId: otherAccounts },
    });
    expect(created.response.status).toBe(422);
    expect(await count('tasks')).toBe(tasksBefore);
    const { data: stillTop } = await csm.GET('/api/v1/tasks/{id}', {
      params: { path: { id: plan } },
    });
    expect(stillTop?.parentId).toBeNull();

    // Within the account, a sub-task moves under another of its tasks.
    const moved = await csm.PATCH('/api/v1/tasks/{id}', {
      params: { path: { id: detail } },
      body: { parentId: plan },
    });
    expect(moved.response.status).toBe(200);
    expect(moved.data?.parentId).toBe(plan);
  });
});

describe('removing a task', () => {
  /** A project of the CSM's with these open tasks, no template. */
  async function smallProject(titles: string[]) {
    const account = await makeAccount(deps.db, workspaceId, { owner_id: csmId });
    const { data: project } = await csm.POST('/api/v1/projects', {
      body: { accountId: account.id, name: 'Renewal', kind: 'renewal', startDate: '2026-11-02' },
    });
    const tasks = [];
    for (const title of titles) {
      const { data } = await csm.POST('/api/v1/tasks', {
        body: { projectId: project?.id ?? '', title },
      });
      tasks.push({ id: data?.id ?? '' });
    }
    return { id: project?.id ?? '', tasks };
  }

  it('takes it out of the project and My work, frees what waited on it, and completes the stage it was last open in', async () => {
    const account = await makeAccount(deps.db, workspaceId, { owner_id: csmId });
    const project = await instantiate(account.id);
    const byTitle = new Map(project?.tasks.map((t) => [t.title, t]));
    const id = (title: string) => byTitle.get(title)?.id ?? '';
    const handOff = id('Review the sales hand-off notes');
    await csm.POST('/api/v1/tasks/{id}/comments', {
      params: { path: { id: handOff } },
      body: { body: 'Notes are in the CRM.' },
    });

    const removed = await csm.DELETE('/api/v1/tasks/{id}', { params: { path: { id: handOff } } });
    expect(removed.response.status).toBe(204);
    expect(
      (await csm.GET('/api/v1/tasks/{id}', { params: { path: { id: handOff } } })).response.status,
    ).toBe(404);
    expect(
      (await csm.GET('/api/v1/tasks/{id}/comments', { params: { path: { id: handOff } } })).response
        .status,
    ).toBe(404);
    const { data: myWork } = await csm.GET('/api/v1/my-work');
    const mine = ['overdue', 'today', 'thisWeek', 'later', 'noDueDate'] as const;
    expect(mine.flatMap((key) => myWork?.[key].items.map((t) => t.id) ?? [])).not.toContain(
      handOff,
    );
    const { data: welcome } = await csm.GET('/api/v1/tasks/{id}', {
      params: { path: { id: id('Send the welcome e-mail') } },
    });
    expect(welcome?.blockedBy).toEqual([]);
    expect(welcome?.dependsOn).toEqual([]);

    // The rest of the kickoff done but one; removing that one completes the stage.
    clock.advance(3600_000);
    for (const title of [
      'Send the welcome e-mail',
      'Hold the kickoff call',
      'Write the success plan with the sponsor',
    ]) {
      const { response } = await csm.PATCH('/api/v1/tasks/{id}', {
        params: { path: { id: id(title) } },
        body: { status: 'done' },
      });
      expect(response.status, title).toBe(200);
    }
    await csm.DELETE('/api/v1/tasks/{id}', {
      params: { path: { id: id('Introduce the CS manager to the executive sponsor') } },
    });
    const { data: after } = await csm.GET('/api/v1/projects/{id}', {
      params: { path: { id: project?.id ?? '' } },
    });
    expect(after?.tasks).toHaveLength(20);
    expect(after?.stages[0]).toMatchObject({
      completedAt: clock.now().toISOString(),
      progress: { total: 3, done: 3 },
    });
    expect(after?.stages[1]?.startedAt).toBe(clock.now().toISOString());
    const { data: timeline } = await csm.GET('/api/v1/accounts/{id}/timeline', {
      params: { path: { id: account.id } },
    });
    expect(timeline?.items.map((e) => e.title)).toContain('Stage completed: Kickoff');
  });

  it('closes a stage emptied of its tasks so the onboarding moves on, without calling it completed', async () => {
    const { data: template } = await csm.POST('/api/v1/templates', {
      body: {
        name: 'Two-stage onboarding',
        kind: 'onboarding',
        definition: {
          stages: [
            { key: 'kickoff', name: 'Kickoff', expectedDays: 5 },
            { key: 'setup', name: 'Initial setup', expectedDays: 10 },
          ],
          tasks: [
            { key: 'call', title: 'Kickoff call', stage: 'kickoff' },
            { key: 'sso', title: 'Configure SSO', stage: 'setup', offsetDays: 5 },
          ],
        },
      },
    });
    const account = await makeAccount(deps.db, workspaceId, { owner_id: csmId });
    const { data: project } = await csm.POST('/api/v1/templates/{id}/instantiate', {
      params: { path: { id: template?.id ?? '' } },
      body: { accountId: account.id, startDate: '2026-11-02' },
    });
    const call = project?.tasks.find((t) => t.title === 'Kickoff call');

    clock.advance(3600_000);
    const removed = await csm.DELETE('/api/v1/tasks/{id}', {
      params: { path: { id: call?.id ?? '' } },
    });
    expect(removed.response.status).toBe(204);
    const { data: report } = await csm.GET('/api/v1/projects/{id}/onboarding', {
      params: { path: { id: project?.id ?? '' } },
    });
    expect(report?.stages).toMatchObject([
      { name: 'Kickoff', completedAt: clock.now().toISOString(), progress: { total: 0 } },
      { name: 'Initial setup', startedAt: clock.now().toISOString(), completedAt: null },
    ]);
    expect(report?.currentStage?.name).toBe('Initial setup');
    const { data: timeline } = await csm.GET('/api/v1/accounts/{id}/timeline', {
      params: { path: { id: account.id } },
    });
    expect(timeline?.items.map((e) => e.title)).not.toContain('Stage completed: Kickoff');
    // Nobody went through the emptied kickoff: the statistics leave it out.
    const { data: overview } = await csm.GET('/api/v1/onboarding', {
      params: { query: { templateId: template?.id ?? '' } },
    });
    expect(overview?.statistics.stages.map((s) => s.key)).toEqual(['setup']);
  });

  it('leaves a project emptied of its tasks as it was: removing work is not finishing it', async () => {
    const project = await smallProject(['Send the renewal quote', 'Book the pricing call']);
    for (const task of project.tasks) {
      await csm.DELETE('/api/v1/tasks/{id}', { params: { path: { id: task.id } } });
    }
    const { data: after } = await csm.GET('/api/v1/projects/{id}', {
      params: { path: { id: project.id } },
    });
    expect(after).toMatchObject({ status: 'active', completedAt: null, tasks: [] });
  });

  it('completes a project when its last open task is removed and the rest are done', async () => {
    const project = await smallProject(['Send the renewal quote', 'Book the pricing call']);
    const [quote, call] = project.tasks;
    await csm.PATCH('/api/v1/tasks/{id}', {
      params: { path: { id: quote?.id ?? '' } },
      body: { status: 'done' },
    });
    await csm.DELETE('/api/v1/tasks/{id}', { params: { path: { id: call?.id ?? '' } } });
    const { data: after } = await csm.GET('/api/v1/projects/{id}', {
      params: { path: { id: project.id } },
    });
    expect(after).toMatchObject({ status: 'completed', completedAt: clock.now().toISOString() });
  });

  it('is refused to a viewer, and the task stays', async () => {
    const account = await makeAccount(deps.db, workspaceId, { owner_id: csmId });
    const { data: task } = await csm.POST('/api/v1/tasks', {
      body: { accountId: account.id, title: 'Send the renewal quote' },
    });
    const viewer = await makeUser(deps.db, workspaceId, { role: 'viewer' });
    const reader = await signedIn(app, viewer.email, testPassword);
    const { response } = await reader.DELETE('/api/v1/tasks/{id}', {
      params: { path: { id: task?.id ?? '' } },
    });
    expect(response.status).toBe(403);
    const { data: still } = await csm.GET('/api/v1/tasks/{id}', {
      params: { path: { id: task?.id ?? '' } },
    });
    expect(still?.title).toBe('Send the renewal quote');
  });
});

describe('changing a project', () => {
  it('renames it and sets the day it should be done by; a day before its start is refused, naming the field, and changes nothing', async () => {
    const account = await makeAccount(deps.db, workspaceId, { owner_id: csmId });
    const project = await instantiate(account.id);
    const path = { id: project?.id ?? '' };
    const changed = await csm.PATCH('/api/v1/projects/{id}', {
      params: { path },
      body: { name: 'Acme go-live', targetDate: '2026-12-18', status: 'on_hold' },
    });
    expect(changed.response.status).toBe(200);
    expect(changed.data).toMatchObject({
      name: 'Acme go-live',
      targetDate: '2026-12-18',
      status: 'on_hold',
    });

    const early = await csm.PATCH('/api/v1/projects/{id}', {
      params: { path },
      body: { name: 'Acme launch', targetDate: '2026-10-30' },
    });
    expect(early.response.status).toBe(422);
    expect(early.error?.errors).toEqual([
      { path: 'targetDate', message: 'must be on or after the project start, Nov 2, 2026' },
    ]);
    const blank = await csm.PATCH('/api/v1/projects/{id}', {
      params: { path },
      body: { name: '  ' },
    });
    expect(blank.response.status).toBe(422);
    expect(blank.error?.errors?.[0]?.path).toBe('name');
    const { data: kept } = await csm.GET('/api/v1/projects/{id}', { params: { path } });
    expect(kept).toMatchObject({ name: 'Acme go-live', targetDate: '2026-12-18' });

    const cleared = await csm.PATCH('/api/v1/projects/{id}', {
      params: { path },
      body: { targetDate: null },
    });
    expect(cleared.data?.targetDate).toBeNull();
  });
});

describe('My work', () => {
  it("buckets a person's open tasks by their own day", async () => {
    const person = await makeUser(deps.db, workspaceId, {
      role: 'csm',
      timezone: 'America/Los_Angeles',
    });
    const account = await makeAccount(deps.db, workspaceId, { owner_id: person.id });
    const client = await signedIn(app, person.email, testPassword);
    // Now: Mon 2 Nov 2026 ~01:00 in Los Angeles (the clock has moved a little in earlier tests).
    const due = {
      overdue: '2026-11-01T20:00:00Z',
      today: '2026-11-02T20:00:00Z',
      thisWeek: '2026-11-06T20:00:00Z',
      later: '2026-11-20T20:00:00Z',
    };
    for (const [title, dueAt] of Object.entries(due)) {
      await client.POST('/api/v1/tasks', {
        body: { accountId: account.id, title, dueAt, assigneeId: person.id },
      });
    }
    await client.POST('/api/v1/tasks', {
      body: { accountId: account.id, title: 'someday', assigneeId: person.id },
    });
    const { data } = await client.GET('/api/v1/my-work');
    expect({
      overdue: data?.overdue.items.map((t) => t.title),
      today: data?.today.items.map((t) => t.title),
      thisWeek: data?.thisWeek.items.map((t) => t.title),
      later: data?.later.items.map((t) => t.title),
      noDueDate: data?.noDueDate.count,
    }).toEqual({
      overdue: ['overdue'],
      today: ['today'],
      thisWeek: ['thisWeek'],
      later: ['later'],
      noDueDate: 1,
    });
  });
});

describe('the template library', () => {
  it('saves a project as a template: dates become offsets, people become roles', async () => {
    const account = await makeAccount(deps.db, workspaceId, { owner_id: csmId });
    const { data: project } = await csm.POST('/api/v1/projects', {
      body: { accountId: account.id, name: 'QBR prep', kind: 'qbr_prep', startDate: '2026-11-02' },
    });
    const { data: deck } = await csm.POST('/api/v1/tasks', {
      body: {
        projectId: project?.id,
        title: 'Build the deck',
        dueAt: '2026-11-09T17:00:00Z',
        assigneeId: csmId,
        checklist: [{ text: 'Usage slide', done: true }],
      },
    });
    await csm.POST('/api/v1/tasks', {
      body: {
        projectId: project?.id,
        title: 'Dry run with the manager',
        dueAt: '2026-11-11T17:00:00Z',
        assigneeId: managerId,
        dependsOn: [deck?.id ?? ''],
      },
    });
    const { data: template, response } = await csm.POST('/api/v1/projects/{id}/save-as-template', {
      params: { path: { id: project?.id ?? '' } },
      body: { name: 'QBR prep' },
    });
    expect(response.status).toBe(201);
    expect(template?.definition.tasks).toEqual([
      expect.objectContaining({
        key: 'build_the_deck',
        offsetDays: 7,
        role: 'owner',
        checklist: ['Usage slide'],
      }),
      expect.objectContaining({
        key: 'dry_run_with_the_manager',
        offsetDays: 9,
        role: 'manager',
        dependsOn: ['build_the_deck'],
      }),
    ]);
    expect(template?.kind).toBe('qbr_prep');
  });

  it('versions edits, and a running project takes them after a preview, leaving finished work alone', async () => {
    const { data: template } = await csm.POST('/api/v1/templates', {
      body: {
        name: 'Health check',
        kind: 'health_check',
        definition: {
          tasks: [
            { key: 'pull', title: 'Pull the usage report' },
            { key: 'call', title: 'Call the champion', offsetDays: 2 },
          ],
        },
      },
    });
    const account = await makeAccount(deps.db, workspaceId, { owner_id: csmId });
    const { data: project } = await csm.POST('/api/v1/templates/{id}/instantiate', {
      params: { path: { id: template?.id ?? '' } },
      body: { accountId: account.id, startDate: '2026-11-02' },
    });
    const pull = project?.tasks.find((t) => t.title === 'Pull the usage report');
    await csm.PATCH('/api/v1/tasks/{id}', {
      params: { path: { id: pull?.id ?? '' } },
      body: { status: 'done' },
    });

    const { data: revised } = await csm.PUT('/api/v1/templates/{id}', {
      params: { path: { id: template?.id ?? '' } },
      body: {
        name: 'Health check',
        kind: 'health_check',
        definition: {
          tasks: [
            { key: 'pull', title: 'Pull the usage and support report' },
            { key: 'call', title: 'Call the champion and the sponsor', offsetDays: 3 },
            { key: 'summary', title: 'Send the summary', offsetDays: 4, dependsOn: ['call'] },
          ],
        },
      },
    });
    expect(revised?.version).toBe(2);

    const { data: preview } = await csm.GET('/api/v1/projects/{id}/template-upgrade', {
      params: { path: { id: project?.id ?? '' } },
    });
    expect(preview).toMatchObject({
      fromVersion: 1,
      toVersion: 2,
      add: [{ key: 'summary', title: 'Send the summary' }],
      update: [{ title: 'Call the champion', fields: ['title', 'dueAt'] }],
      untouched: [{ title: 'Pull the usage report', reason: 'finished' }],
    });
    const { data: upgraded } = await csm.POST('/api/v1/projects/{id}/template-upgrade', {
      params: { path: { id: project?.id ?? '' } },
      body: { version: 2 },
    });
    expect(upgraded?.templateVersion).toBe(2);
    expect(upgraded?.tasks.map((t) => t.title).sort()).toEqual([
      'Call the champion and the sponsor',
      'Pull the usage report',
      'Send the summary',
    ]);
  });
});

describe('onboarding tracking', () => {
  it('reports the current stage, next actions and risks, and statistics across customers', async () => {
    const account = await makeAccount(deps.db, workspaceId, {
      owner_id: csmId,
      name: 'Onboarding Co',
    });
    const project = await instantiate(account.id);
    clock.set('2026-11-20T09:00:00Z');
    // Eighteen days without a request end a session (14 idle days): the CSM signs in again.
    csm = await signedIn(app, csmEmail, testPassword);
    const { data: report } = await csm.GET('/api/v1/projects/{id}/onboarding', {
      params: { path: { id: project?.id ?? '' } },
    });
    expect(report?.currentStage?.name).toBe('Kickoff');
    expect(report?.overallProgress).toBe(0);
    // "0 of 4 done": the tasks, counted, beside the percent.
    expect(report?.progress).toEqual({ done: 0, total: project?.tasks.length });
    expect(project?.tasks.length).toBeGreaterThan(1);
    expect(report?.nextActions[0]?.title).toBe('Review the sales hand-off notes');
    expect(report?.riskFactors.map((r) => r.kind)).toEqual([
      'overdue',
      'stage_over_time',
      'stalled',
    ]);
    expect(report?.riskFactors[1]?.message).toBe('Stage "Kickoff" has run 18 days; 5 expected');
    // Behind by its oldest overdue task, due on its first day (17 days ago), more than the stage's 13.
    expect(report?.daysBehind).toBe(17);
    // A manager who reads Steward in Russian reads the same risks in Russian.
    const boris = await makeUser(deps.db, workspaceId, { role: 'manager', locale: 'ru' });
    const russian = await signedIn(app, boris.email, testPassword);
    const { data: russianReport } = await russian.GET('/api/v1/projects/{id}/onboarding', {
      params: { path: { id: project?.id ?? '' } },
    });
    expect(russianReport?.riskFactors[1]?.message).toBe('Этап «Kickoff» идёт 18 дней, ожидалось 5');
    expect(russianReport?.riskFactors[2]?.message).toMatch(/^Нет активности 1[5-8] дней$/);

    const { data: overview } = await csm.GET('/api/v1/onboarding', {
      params: { query: { templateId } },
    });
    expect(overview?.reports.some((r) => r.accountName === 'Onboarding Co')).toBe(true);
    expect(overview?.statistics.stages[0]).toMatchObject({ key: 'kickoff', name: 'Kickoff' });
  });

  it('says how many days late the onboarding is, as many as it counts behind, in the words of each language', async () => {
    clock.set('2026-11-23T08:00:00Z');
    csm = await signedIn(app, csmEmail, testPassword);
    const { data: pilot } = await csm.POST('/api/v1/templates', {
      body: {
        name: 'Pilot onboarding',
        kind: 'onboarding',
        definition: {
          stages: [{ key: 'kickoff', name: 'Kickoff', expectedDays: 5 }],
          tasks: [
            { key: 'call', title: 'Kickoff call', stage: 'kickoff' },
            { key: 'agenda', title: 'Send the agenda', stage: 'kickoff', offsetDays: 1 },
            { key: 'plan', title: 'Success plan', stage: 'kickoff', offsetDays: 10 },
          ],
        },
      },
    });
    const account = await makeAccount(deps.db, workspaceId, { owner_id: csmId });
    const { data: project } = await csm.POST('/api/v1/templates/{id}/instantiate', {
      params: { path: { id: pilot?.id ?? '' } },
      body: { accountId: account.id, startDate: '2026-11-23' },
    });
    const boris = await makeUser(deps.db, workspaceId, { role: 'manager', locale: 'ru' });
    const russian = await signedIn(app, boris.email, testPassword);
    const read = async (client: ApiClient) => {
      const { data } = await client.GET('/api/v1/projects/{id}/onboarding', {
        params: { path: { id: project?.id ?? '' } },
      });
      return { daysBehind: data?.daysBehind, risks: data?.riskFactors.map((r) => r.message) };
    };

    // The kickoff call was due at 17:00; three hours later the onboarding is a day behind.
    clock.set('2026-11-23T20:00:00Z');
    expect(await read(csm)).toEqual({
      daysBehind: 1,
      risks: ['"Kickoff call" is overdue by 1 day'],
    });
    expect((await read(russian)).risks).toEqual(['Задача «Kickoff call» просрочена на 1 день']);

    clock.set('2026-11-28T17:00:00Z');
    expect(await read(csm)).toEqual({
      daysBehind: 5,
      risks: ['2 tasks overdue; the oldest, "Kickoff call", by 5 days'],
    });
    expect((await read(russian)).risks).toEqual([
      'Просрочено задач: 2; самая давняя, «Kickoff call», на 5 дней',
    ]);

    // Both done; the stage, expected to take 5 days, is in its sixth: one day over.
    for (const task of project?.tasks.filter((t) => t.title !== 'Success plan') ?? []) {
      await csm.PATCH('/api/v1/tasks/{id}', {
        params: { path: { id: task.id } },
        body: { status: 'done' },
      });
    }
    clock.set('2026-11-29T01:00:00Z');
    expect(await read(csm)).toEqual({
      daysBehind: 1,
      risks: ['Stage "Kickoff" has run 6 days; 5 expected'],
    });
    expect((await read(russian)).risks).toEqual(['Этап «Kickoff» идёт 6 дней, ожидалось 5']);
  });
});
