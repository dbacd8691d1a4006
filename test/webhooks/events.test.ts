// Which happenings reach integrations: the mapping from recorded activity to webhook events,
// and events recorded for integrations where Steward had none before (a detractor's answer, a
// roadmap item shipped), end to end through the API and the worker.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/context.ts';
import type { WorkspaceId } from '../../src/lib/ids.ts';
import { writeCurrentScores } from '../../src/modules/health/store/scores.ts';
import { crossedThreshold } from '../../src/modules/voice/themes/thresholds.ts';
import { webhookEventsOf, type RecordedActivity } from '../../src/modules/webhooks/events.ts';
import { signedIn, testApp, type ApiClient } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeAccount, makeUser, makeWorkspace, testPassword } from '../support/factories.ts';
import { runJobs } from '../notify/support.ts';
import { startReceiver, type Receiver } from './support.ts';

const activity = (over: Partial<RecordedActivity>): RecordedActivity => ({
  id: '00000000-0000-4000-8000-000000000001',
  workspaceId: '00000000-0000-4000-8000-000000000002',
  kind: 'task_updated',
  actorId: null,
  accountId: '00000000-0000-4000-8000-000000000003',
  projectId: null,
  taskId: '00000000-0000-4000-8000-000000000004',
  data: {},
  at: new Date('2026-11-02T09:00:00Z'),
  ...over,
});

describe('what integrations hear of an activity', () => {
  it('tells a task completed only when a change left it done', () => {
    const done = activity({ data: { changed: ['status'], status: 'done' } });
    expect(webhookEventsOf(done).map((t) => t.event)).toEqual(['task.completed']);
    expect(webhookEventsOf(activity({ data: { changed: ['title'], status: 'done' } }))).toEqual([]);
    expect(
      webhookEventsOf(activity({ data: { changed: ['status'], status: 'in_progress' } })),
    ).toEqual([]);
  });

  it('tells churn risk raised when it rises, not when it falls', () => {
    const rise = activity({ kind: 'churn_risk_raised', data: { from: 'medium', to: 'high' } });
    expect(webhookEventsOf(rise)).toEqual([
      {
        event: 'account.churn_risk_raised',
        data: { accountId: rise.accountId, from: 'medium', to: 'high' },
      },
    ]);
    expect(
      webhookEventsOf(activity({ kind: 'churn_risk_raised', data: { from: 'high', to: 'low' } })),
    ).toEqual([]);
  });

  it('tells a renewal forecast moved and a health category changed', () => {
    expect(
      webhookEventsOf(
        activity({
          kind: 'renewal_forecast_changed',
          data: { renewalDate: '2027-01-31', from: 'likely', to: 'at_risk' },
        }),
      )[0],
    ).toMatchObject({
      event: 'renewal.forecast_changed',
      data: { renewalDate: '2027-01-31', from: 'likely', to: 'at_risk' },
    });
    expect(
      webhookEventsOf(
        activity({ kind: 'health_changed', data: { from: 'healthy', to: 'at_risk', score: 55 } }),
      )[0],
    ).toMatchObject({
      event: 'account.health_category_changed',
      data: { from: 'healthy', to: 'at_risk', score: 55 },
    });
  });

  it('tells an escalation with its step, policy and task', () => {
    const raised = activity({
      kind: 'escalation',
      data: {
        escalationId: '00000000-0000-4000-8000-000000000005',
        policyId: '00000000-0000-4000-8000-000000000006',
        step: 2,
        recipientIds: ['someone'],
      },
    });
    expect(webhookEventsOf(raised)).toEqual([
      {
        event: 'escalation.raised',
        data: {
          accountId: raised.accountId,
          taskId: raised.taskId,
          escalationId: '00000000-0000-4000-8000-000000000005',
          policyId: '00000000-0000-4000-8000-000000000006',
          step: 2,
          mentionId: null,
        },
      },
    ]);
  });

  it('tells nothing of comments, mentions or a switched-off subscription', () => {
    for (const kind of ['task_commented', 'mentioned', 'webhook_disabled'] as const) {
      expect(webhookEventsOf(activity({ kind }))).toEqual([]);
    }
  });

  it('counts a feedback theme crossing 5, 10, 25, 50 or 100 asking accounts once', () => {
    expect(crossedThreshold(4, 5)).toBe(5);
    expect(crossedThreshold(5, 6)).toBeNull();
    expect(crossedThreshold(24, 25)).toBe(25);
    expect(crossedThreshold(0, 1)).toBeNull();
  });
});

const { deps: base, clock, database } = await useTestDeps('2026-11-02T09:00:00Z');
const deps: Deps = { ...base, config: { ...base.config, outboundAllowHosts: ['127.0.0.1'] } };
const app = testApp(deps);
const run = () => runJobs(deps, database.pool, clock);

let admin: ApiClient;
let accountId: string;
let hook: Receiver;
let workspaceId: WorkspaceId;
const types = () =>
  hook.received.map((r) => {
    const { type, data } = JSON.parse(r.body) as { type: string; data: object };
    return { type, data };
  });

beforeAll(async () => {
  const workspace = await makeWorkspace(deps.db);
  const adminUser = await makeUser(deps.db, workspace.id, { role: 'admin' });
  const csm = await makeUser(deps.db, workspace.id);
  accountId = (
    await makeAccount(deps.db, workspace.id, { owner_id: csm.id, renewal_date: '2027-01-31' })
  ).id;
  workspaceId = workspace.id;
  admin = await signedIn(app, adminUser.email, testPassword);
  hook = await startReceiver();
  const { response } = await admin.POST('/api/v1/webhook-subscriptions', {
    body: {
      url: hook.url,
      events: ['survey.nps_detractor', 'roadmap_item.shipped', 'renewal.forecast_changed'],
    },
  });
  expect(response.status).toBe(201);
  hook.received.length = 0;
});

afterAll(() => hook.close());

describe('events recorded for integrations', () => {
  it('tells of an NPS detractor, and not of a promoter', async () => {
    await admin.POST('/api/v1/surveys/responses', { body: { accountId, score: 9 } });
    const { data } = await admin.POST('/api/v1/surveys/responses', {
      body: { accountId, score: 3, comment: 'Exports keep failing' },
    });
    await run();
    expect(types()).toEqual([
      {
        type: 'survey.nps_detractor',
        data: { accountId, responseId: data?.id, contactId: null, score: 3 },
      },
    ]);
  });

  it('tells of a roadmap item shipped, once however often it is shipped', async () => {
    hook.received.length = 0;
    const { data: item } = await admin.POST('/api/v1/roadmap-items', {
      body: { title: 'Scheduled exports' },
    });
    for (let i = 0; i < 2; i += 1) {
      await admin.POST('/api/v1/roadmap-items/{id}/ship', {
        params: { path: { id: item?.id ?? '' } },
      });
    }
    await run();
    expect(types()).toEqual([
      {
        type: 'roadmap_item.shipped',
        data: { roadmapItemId: item?.id, title: 'Scheduled exports', accountIds: [] },
      },
    ]);
  });

  it('tells of a renewal forecast someone moved to another category, not of a note alone', async () => {
    hook.received.length = 0;
    const { data: before } = await admin.GET('/api/v1/accounts/{id}/renewal-forecast', {
      params: { path: { id: accountId } },
    });
    const from = before?.renewal?.forecast.category;
    const to = from === 'at_risk' ? 'commit' : 'at_risk';
    const { response } = await admin.POST('/api/v1/accounts/{id}/renewal-forecast', {
      params: { path: { id: accountId } },
      body: { category: to, note: 'The champion left' },
    });
    expect(response.status).toBe(201);
    await admin.POST('/api/v1/accounts/{id}/renewal-forecast', {
      params: { path: { id: accountId } },
      body: { category: to, note: 'Still true after the call' },
    });
    await run();
    expect(types()).toEqual([
      {
        type: 'renewal.forecast_changed',
        data: { accountId, renewalDate: '2027-01-31', from, to },
      },
    ]);
  });
});

describe("health's churn risk", () => {
  const score = (level: string) => ({
    accountId,
    score: 50,
    category: 'at_risk' as const,
    measures: '[]',
    churnRisk: JSON.stringify({ level }),
  });

  it('is reported risen when a rescore raises its level, not on the first assessment or a fall', async () => {
    const write = (level: string) =>
      writeCurrentScores(deps.db, workspaceId, '2026-11-02', clock.now(), [score(level)]);
    expect((await write('medium')).riskRises).toEqual([]);
    expect((await write('critical')).riskRises).toEqual([
      { accountId, from: 'medium', to: 'critical' },
    ]);
    expect((await write('low')).riskRises).toEqual([]);
  });
});
