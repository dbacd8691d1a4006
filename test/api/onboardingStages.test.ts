// Onboarding stages run in order: the current stage is the first not completed, and only it
// starts. Work finished ahead of its turn completes its stage without moving the onboarding on.
import { beforeAll, describe, expect, it } from 'vitest';
import type { UserId, WorkspaceId } from '../../src/lib/ids.ts';
import { signedIn, testApp, type ApiClient } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeAccount, makeUser, makeWorkspace, testPassword } from '../support/factories.ts';

// Monday 2 November 2026, 09:00 UTC.
const { deps, clock } = await useTestDeps('2026-11-02T09:00:00Z');
const app = testApp(deps);

let workspaceId: WorkspaceId;
let csmId: UserId;
let csm: ApiClient;

beforeAll(async () => {
  const workspace = await makeWorkspace(deps.db);
  workspaceId = workspace.id;
  const user = await makeUser(deps.db, workspaceId, { role: 'csm' });
  csmId = user.id;
  csm = await signedIn(app, user.email, testPassword);
});

/** A template of `stages` (key, name, expected days, task titles), tasks due well ahead. */
async function onboardingOf(stages: [string, string, number, string[]][]) {
  const account = await makeAccount(deps.db, workspaceId, { owner_id: csmId });
  const template = await csm.POST('/api/v1/templates', {
    body: {
      name: `Onboarding ${stages.map(([key]) => key).join(' ')} ${account.id.slice(0, 6)}`,
      kind: 'onboarding',
      definition: {
        stages: stages.map(([key, name, expectedDays]) => ({ key, name, expectedDays })),
        tasks: stages.flatMap(([stage, , , titles]) =>
          titles.map((title, i) => ({ key: `${stage}-${i}`, title, stage, offsetDays: 60 })),
        ),
      },
    },
  });
  expect(template.response.status).toBe(201);
  const templateId = template.data?.id ?? '';
  const { data, response } = await csm.POST('/api/v1/templates/{id}/instantiate', {
    params: { path: { id: templateId } },
    body: { accountId: account.id, startDate: '2026-11-02' },
  });
  expect(response.status).toBe(201);
  const projectId = data?.id ?? '';
  const taskIds = new Map(data?.tasks.map((t) => [t.title, t.id]));
  const move = async (titles: string[], status: 'done' | 'in_progress') => {
    for (const title of titles) {
      const { response } = await csm.PATCH('/api/v1/tasks/{id}', {
        params: { path: { id: taskIds.get(title) ?? '' } },
        body: { status },
      });
      expect(response.status, title).toBe(200);
    }
  };
  const report = async () => {
    const { data } = await csm.GET('/api/v1/projects/{id}/onboarding', {
      params: { path: { id: projectId } },
    });
    return data;
  };
  /** Each stage's start and completion, by name. */
  const timings = async () =>
    Object.fromEntries(
      ((await report())?.stages ?? []).map((s) => [
        s.name,
        { startedAt: s.startedAt, completedAt: s.completedAt },
      ]),
    );
  const stagesCompletedOnTimeline = async () => {
    const { data } = await csm.GET('/api/v1/accounts/{id}/timeline', {
      params: { path: { id: account.id } },
    });
    return (data?.items ?? [])
      .map((e) => e.title)
      .filter((title) => title.startsWith('Stage completed'))
      .reverse();
  };
  return { templateId, projectId, taskIds, move, report, timings, stagesCompletedOnTimeline };
}

const at = (iso: string) => {
  clock.set(iso);
  return new Date(iso).toISOString();
};

describe('onboarding stages', () => {
  it('runs the stages in order: work done ahead of its turn completes its stage and starts nothing', async () => {
    const onboarding = await onboardingOf([
      ['kickoff', 'Kickoff', 5, ['Kickoff call', 'Success plan']],
      ['setup', 'Setup', 10, ['Configure SSO']],
      ['training', 'Training', 5, ['Train the admins', 'Train the users']],
      ['golive', 'Go-live', 3, ['Launch']],
    ]);
    const projectStart = '2026-11-02T00:00:00.000Z';

    // A move the API refuses changes nothing: the training stays open.
    at('2026-11-04T10:00:00Z');
    await onboarding.move(['Train the admins'], 'done');
    const refused = await csm.PATCH('/api/v1/tasks/{id}', {
      params: { path: { id: onboarding.taskIds.get('Train the users') ?? '' } },
      body: { status: 'finished' } as never,
    });
    expect(refused.response.status).toBe(422);
    expect(refused.response.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.error?.errors?.map((e) => e.path)).toEqual(['status']);
    expect((await onboarding.timings())['Training']?.completedAt).toBeNull();

    // The training is done while the kickoff still runs: it completes, and the go-live after it
    // does not start, two stages ahead of the customer.
    const trainedAt = at('2026-11-04T11:00:00Z');
    await onboarding.move(['Train the users'], 'done');
    expect(await onboarding.timings()).toEqual({
      Kickoff: { startedAt: projectStart, completedAt: null },
      Setup: { startedAt: null, completedAt: null },
      Training: { startedAt: null, completedAt: trainedAt },
      'Go-live': { startedAt: null, completedAt: null },
    });
    expect((await onboarding.report())?.currentStage).toMatchObject({
      name: 'Kickoff',
      startedAt: projectStart,
    });

    // The kickoff done: the setup starts.
    const kickedOffAt = at('2026-11-06T10:00:00Z');
    await onboarding.move(['Kickoff call', 'Success plan'], 'done');
    expect(await onboarding.timings()).toMatchObject({
      Kickoff: { startedAt: projectStart, completedAt: kickedOffAt },
      Setup: { startedAt: kickedOffAt, completedAt: null },
      'Go-live': { startedAt: null },
    });

    // The success plan reopened hands the customer back to the kickoff: it runs on from its
    // own start (a week, two days more than expected), and the setup waits for it again.
    at('2026-11-09T10:00:00Z');
    await onboarding.move(['Success plan'], 'in_progress');
    expect(await onboarding.timings()).toMatchObject({
      Kickoff: { startedAt: projectStart, completedAt: null },
      Setup: { startedAt: null, completedAt: null },
    });
    const reopened = await onboarding.report();
    expect(reopened?.currentStage?.name).toBe('Kickoff');
    expect(reopened?.daysBehind).toBe(2);
    expect(reopened?.riskFactors.map((r) => r.message)).toEqual([
      'Stage "Kickoff" has run 7 days; 5 expected',
    ]);

    const replannedAt = at('2026-11-10T10:00:00Z');
    await onboarding.move(['Success plan'], 'done');
    expect((await onboarding.timings())['Setup']).toEqual({
      startedAt: replannedAt,
      completedAt: null,
    });

    // The setup done: the go-live starts, past the training finished before.
    const setUpAt = at('2026-11-12T10:00:00Z');
    await onboarding.move(['Configure SSO'], 'done');
    expect(await onboarding.timings()).toEqual({
      Kickoff: { startedAt: projectStart, completedAt: replannedAt },
      Setup: { startedAt: replannedAt, completedAt: setUpAt },
      Training: { startedAt: null, completedAt: trainedAt },
      'Go-live': { startedAt: setUpAt, completedAt: null },
    });

    // Five days into the go-live, expected to take three: two days behind, counted from when
    // the go-live really started, not from the training's completion.
    at('2026-11-17T12:00:00Z');
    const late = await onboarding.report();
    expect(late?.currentStage).toMatchObject({ name: 'Go-live', startedAt: setUpAt });
    expect(late?.daysBehind).toBe(2);
    expect(late?.riskFactors.map((r) => r.message)).toEqual([
      'Stage "Go-live" has run 5 days; 3 expected',
    ]);

    expect(await onboarding.stagesCompletedOnTimeline()).toEqual([
      'Stage completed: Training',
      'Stage completed: Kickoff',
      'Stage completed: Kickoff',
      'Stage completed: Setup',
    ]);

    // The training counts as completed; how long it takes, it does not say.
    const { data: overview } = await csm.GET('/api/v1/onboarding', {
      params: { query: { templateId: onboarding.templateId } },
    });
    expect(overview?.statistics.stages).toEqual([
      expect.objectContaining({ key: 'kickoff', completionRate: 100, averageDaysToComplete: 8.4 }),
      expect.objectContaining({ key: 'setup', completionRate: 100, averageDaysToComplete: 2 }),
      expect.objectContaining({
        key: 'training',
        completionRate: 100,
        averageDaysToComplete: null,
      }),
      expect.objectContaining({ key: 'golive', completionRate: 0, averageDaysToComplete: null }),
    ]);
  });

  it('passes over a later stage emptied of its tasks without starting the one after it early', async () => {
    const onboarding = await onboardingOf([
      ['kickoff', 'Kickoff', 5, ['Kickoff call']],
      ['setup', 'Setup', 10, ['Configure SSO']],
      ['training', 'Training', 5, ['Train the admins']],
    ]);

    const emptiedAt = at('2026-11-03T10:00:00Z');
    const removed = await csm.DELETE('/api/v1/tasks/{id}', {
      params: { path: { id: onboarding.taskIds.get('Configure SSO') ?? '' } },
    });
    expect(removed.response.status, JSON.stringify(removed.error)).toBe(204);
    expect(await onboarding.timings()).toMatchObject({
      Setup: { startedAt: null, completedAt: emptiedAt },
      Training: { startedAt: null, completedAt: null },
    });

    const kickedOffAt = at('2026-11-05T10:00:00Z');
    await onboarding.move(['Kickoff call'], 'done');
    expect(await onboarding.timings()).toMatchObject({
      Kickoff: { completedAt: kickedOffAt },
      Setup: { startedAt: null },
      Training: { startedAt: kickedOffAt, completedAt: null },
    });
    expect((await onboarding.report())?.currentStage?.name).toBe('Training');
    expect(await onboarding.stagesCompletedOnTimeline()).toEqual(['Stage completed: Kickoff']);
  });

  it('closes a stage its template gives no task, so the onboarding starts with the first stage that has work', async () => {
    const createdAt = at('2026-11-02T09:00:00Z');
    const onboarding = await onboardingOf([
      ['welcome', 'Welcome', 1, []],
      ['kickoff', 'Kickoff', 5, ['Kickoff call']],
      ['review', 'Review', 2, []],
      ['setup', 'Setup', 10, ['Configure SSO']],
    ]);
    expect(await onboarding.timings()).toEqual({
      Welcome: { startedAt: null, completedAt: createdAt },
      Kickoff: { startedAt: '2026-11-02T00:00:00.000Z', completedAt: null },
      Review: { startedAt: null, completedAt: createdAt },
      Setup: { startedAt: null, completedAt: null },
    });
    expect((await onboarding.report())?.currentStage?.name).toBe('Kickoff');

    const kickedOffAt = at('2026-11-04T10:00:00Z');
    await onboarding.move(['Kickoff call'], 'done');
    expect(await onboarding.timings()).toMatchObject({
      Kickoff: { completedAt: kickedOffAt },
      Setup: { startedAt: kickedOffAt, completedAt: null },
    });
    expect(await onboarding.stagesCompletedOnTimeline()).toEqual(['Stage completed: Kickoff']);
  });

  it('reopens a finished stage when open work joins it, new or moved in, and refuses a stage of another project', async () => {
    at('2026-11-02T09:00:00Z');
    const onboarding = await onboardingOf([
      ['kickoff', 'Kickoff', 5, ['Kickoff call']],
      ['setup', 'Setup', 10, ['Configure SSO']],
    ]);
    const elsewhere = await onboardingOf([['kickoff', 'Kickoff', 5, ['Kickoff call']]]);
    const stageIds = async (of: typeof onboarding) =>
      new Map((await of.report())?.stages.map((s) => [s.name, s.id]));
    const stages = await stageIds(onboarding);
    const otherKickoff = (await stageIds(elsewhere)).get('Kickoff') ?? '';
    at('2026-11-03T10:00:00Z');
    await onboarding.move(['Kickoff call'], 'done');

    // A follow-up added to the finished kickoff hands the customer back to it.
    at('2026-11-04T10:00:00Z');
    const { data: recap, response } = await csm.POST('/api/v1/tasks', {
      body: {
        projectId: onboarding.projectId,
        stageId: stages.get('Kickoff') ?? '',
        title: 'Send the recap',
      },
    });
    expect(response.status).toBe(201);
    expect(await onboarding.timings()).toMatchObject({
      Kickoff: { completedAt: null },
      Setup: { startedAt: null },
    });

    // Moved on to the setup, it leaves the kickoff finished again, and the setup starts.
    const movedAt = at('2026-11-05T10:00:00Z');
    const moved = await csm.PATCH('/api/v1/tasks/{id}', {
      params: { path: { id: recap?.id ?? '' } },
      body: { stageId: stages.get('Setup') ?? '' },
    });
    expect(moved.response.status).toBe(200);
    expect(await onboarding.timings()).toMatchObject({
      Kickoff: { completedAt: movedAt },
      Setup: { startedAt: movedAt, completedAt: null },
    });
    expect(await onboarding.stagesCompletedOnTimeline()).toEqual([
      'Stage completed: Kickoff',
      'Stage completed: Kickoff',
    ]);

    // Another project's stage is refused, naming the field, and nothing changes.
    const refusedMove = await csm.PATCH('/api/v1/tasks/{id}', {
      params: { path: { id: recap?.id ?? '' } },
      body: { stageId: otherKickoff },
    });
    expect(refusedMove.response.status).toBe(422);
    expect(refusedMove.error?.errors).toEqual([
      { path: 'stageId', message: "is not a stage of the task's project" },
    ]);
    const refusedNew = await csm.POST('/api/v1/tasks', {
      body: { projectId: onboarding.projectId, stageId: otherKickoff, title: 'Stray task' },
    });
    expect(refusedNew.response.status).toBe(422);
    const { data: project } = await csm.GET('/api/v1/projects/{id}', {
      params: { path: { id: onboarding.projectId } },
    });
    expect(project?.tasks.map((t) => [t.title, t.stageId])).toEqual(
      expect.arrayContaining([['Send the recap', stages.get('Setup')]]),
    );
    expect(project?.tasks.map((t) => t.title)).not.toContain('Stray task');
  });

  it('takes a finished onboarding back to active when a new open task is added to it', async () => {
    at('2026-11-02T09:00:00Z');
    const onboarding = await onboardingOf([['kickoff', 'Kickoff', 5, ['Kickoff call']]]);
    await onboarding.move(['Kickoff call'], 'done');
    expect((await onboarding.report())?.status).toBe('completed');

    const added = await csm.POST('/api/v1/tasks', {
      body: { projectId: onboarding.projectId, title: 'Send the survey' },
    });
    expect(added.response.status).toBe(201);
    expect((await onboarding.report())?.status).toBe('active');
  });

  it('starts a stage a template upgrade adds after all the stages the customer has finished', async () => {
    at('2026-11-02T09:00:00Z');
    const definition = {
      stages: [{ key: 'kickoff', name: 'Kickoff', expectedDays: 5 }],
      tasks: [
        { key: 'call', title: 'Kickoff call', stage: 'kickoff' },
        { key: 'review', title: 'Quarterly review', offsetDays: 60 },
      ],
    };
    const { data: template } = await csm.POST('/api/v1/templates', {
      body: { name: 'Pilot with a review', kind: 'onboarding', definition },
    });
    const account = await makeAccount(deps.db, workspaceId, { owner_id: csmId });
    const { data: project } = await csm.POST('/api/v1/templates/{id}/instantiate', {
      params: { path: { id: template?.id ?? '' } },
      body: { accountId: account.id, startDate: '2026-11-02' },
    });
    const projectId = project?.id ?? '';
    await csm.PATCH('/api/v1/tasks/{id}', {
      params: { path: { id: project?.tasks.find((t) => t.title === 'Kickoff call')?.id ?? '' } },
      body: { status: 'done' },
    });
    await csm.PUT('/api/v1/templates/{id}', {
      params: { path: { id: template?.id ?? '' } },
      body: {
        name: 'Pilot with a review',
        kind: 'onboarding',
        definition: {
          stages: [...definition.stages, { key: 'setup', name: 'Setup', expectedDays: 2 }],
          tasks: [
            ...definition.tasks,
            { key: 'sso', title: 'Configure SSO', stage: 'setup', offsetDays: 60 },
          ],
        },
      },
    });

    const upgradedAt = at('2026-11-04T10:00:00Z');
    const upgraded = await csm.POST('/api/v1/projects/{id}/template-upgrade', {
      params: { path: { id: projectId } },
      body: { version: 2 },
    });
    expect(upgraded.response.status).toBe(200);
    at('2026-11-07T12:00:00Z');
    const { data: report } = await csm.GET('/api/v1/projects/{id}/onboarding', {
      params: { path: { id: projectId } },
    });
    expect(report?.currentStage).toMatchObject({ name: 'Setup', startedAt: upgradedAt });
    expect(report?.daysBehind).toBe(1);
  });

  it('reopens a finished onboarding and its stage when a template upgrade adds work to them, and closes a new stage without tasks', async () => {
    at('2026-11-02T09:00:00Z');
    const onboarding = await onboardingOf([['kickoff', 'Kickoff', 5, ['Kickoff call']]]);
    at('2026-11-03T10:00:00Z');
    await onboarding.move(['Kickoff call'], 'done');
    expect((await onboarding.report())?.status).toBe('completed');

    const { data: template } = await csm.GET('/api/v1/templates/{id}', {
      params: { path: { id: onboarding.templateId } },
    });
    const definition = template?.definition;
    const saved = await csm.PUT('/api/v1/templates/{id}', {
      params: { path: { id: onboarding.templateId } },
      body: {
        name: template?.name ?? '',
        kind: 'onboarding',
        definition: {
          stages: [
            ...(definition?.stages ?? []),
            { key: 'handover', name: 'Handover', expectedDays: 1 },
          ],
          tasks: [
            ...(definition?.tasks ?? []),
            { key: 'recap', title: 'Send the recap', stage: 'kickoff', offsetDays: 60 },
          ],
        },
      },
    });
    expect(saved.response.status, JSON.stringify(saved.error)).toBe(200);

    const upgradedAt = at('2026-11-04T10:00:00Z');
    const upgraded = await csm.POST('/api/v1/projects/{id}/template-upgrade', {
      params: { path: { id: onboarding.projectId } },
      body: { version: 2 },
    });
    expect(upgraded.response.status, JSON.stringify(upgraded.error)).toBe(200);
    const report = await onboarding.report();
    expect(report?.status).toBe('active');
    expect(report?.currentStage?.name).toBe('Kickoff');
    expect(await onboarding.timings()).toEqual({
      Kickoff: { startedAt: '2026-11-02T00:00:00.000Z', completedAt: null },
      Handover: { startedAt: null, completedAt: upgradedAt },
    });

    // Its last open task done, the kickoff finishes again, and so does the onboarding.
    const recappedAt = at('2026-11-05T10:00:00Z');
    const { data: project } = await csm.GET('/api/v1/projects/{id}', {
      params: { path: { id: onboarding.projectId } },
    });
    const recap = project?.tasks.find((t) => t.title === 'Send the recap');
    const done = await csm.PATCH('/api/v1/tasks/{id}', {
      params: { path: { id: recap?.id ?? '' } },
      body: { status: 'done' },
    });
    expect(done.response.status).toBe(200);
    expect(await onboarding.timings()).toMatchObject({ Kickoff: { completedAt: recappedAt } });
    expect((await onboarding.report())?.status).toBe('completed');
  });
});
