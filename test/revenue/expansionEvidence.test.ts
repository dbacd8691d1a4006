// Expansion's evidence from the modules below it, at its edges: NPS answers (only the last
// year's, only the asker's clients) and premium features (only this month's use).
import { beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeAccount } from '../support/factories.ts';
import { makeTeam, scored, usage, type Team } from './support.ts';

const today = '2026-11-02';
const { deps } = await useTestDeps(`${today}T09:00:00Z`);
const app = testApp(deps);

let team: Team;

beforeAll(async () => {
  team = await makeTeam(deps.db, app);
  const ws = team.workspaceId;
  await deps.db
    .insertInto('usage_features')
    .values({
      workspace_id: ws,
      key: 'sso',
      label: 'Single sign-on',
      events: ['SSO'],
      premium: true,
    })
    .execute();
  const healthy = async (name: string, ownerId: string) => {
    const { id } = await makeAccount(deps.db, ws, {
      name,
      owner_id: ownerId,
      tier: 'smb',
      plan: 'Team',
      seats: 10,
      arr_amount: 600_000,
    });
    await scored(deps.db, ws, id, { day: today, score: 90, category: 'healthy', risk: 'low' });
    return id;
  };
  const answers = (accountId: string, scores: number[], at: string) =>
    scores.map((score) => ({
      workspace_id: ws,
      account_id: accountId,
      kind: 'nps' as const,
      score,
      source: 'api' as const,
      responded_at: new Date(at),
      created_at: new Date(at),
    }));
  const loved = await healthy('Loved Co', team.csm.id);
  await healthy('Unasked Co', team.csm.id);
  const oldFans = await healthy('Old Fans Co', team.csm.id);
  const lukewarm = await healthy('Lukewarm Co', team.csm.id);
  const theirs = await healthy('Their Fans Co', team.otherCsm.id);
  await deps.db
    .insertInto('survey_responses')
    .values([
      // 10, 9, 10 promote, 7 is passive: (3 − 0) / 4 = 75.
      ...answers(loved, [10, 9, 10, 7], '2026-09-15T10:00:00Z'),
      // Glowing, but more than a year ago.
      ...answers(oldFans, [10, 10], '2025-10-01T10:00:00Z'),
      // 9 and 3: (1 − 1) / 2 = 0, no promoter.
      ...answers(lukewarm, [9, 3], '2026-10-20T10:00:00Z'),
      ...answers(theirs, [10, 10], '2026-10-20T10:00:00Z'),
    ])
    .execute();
  // Single sign-on tried 40 to 50 days ago, nothing since: no premium signal this month.
  const lapsed = (
    await makeAccount(deps.db, ws, {
      name: 'Lapsed Premium',
      owner_id: team.csm.id,
      tier: 'mid_market',
      plan: 'Business',
      seats: 8,
      arr_amount: 576_000,
    })
  ).id;
  await usage(deps.db, ws, lapsed, {
    today,
    from: 40,
    to: 50,
    feature: 'sso',
    events: 2,
    users: 1,
  });
});

describe('expansion evidence from NPS and premium use', () => {
  it('lists a healthy client whose people recommend the product, with the last year’s NPS', async () => {
    const { data } = await team.as.csm.GET('/api/v1/expansion-opportunities', {
      params: { query: {} },
    });
    expect(data?.items.map((i) => i.name)).toEqual(['Loved Co']);
    const loved = data?.items[0];
    expect(loved?.signals.map((s) => s.kind)).toEqual(['healthy', 'promoter']);
    expect(loved?.signals[1]?.evidence.map((e) => e.text)).toEqual([
      'NPS 75 from 4 answers: they recommend you',
    ]);
  });

  it('leaves out a client nobody answered for, one whose answers are over a year old, and a premium feature not used this month', async () => {
    const { data } = await team.as.manager.GET('/api/v1/expansion-opportunities', {
      params: { query: {} },
    });
    const names = data?.items.map((i) => i.name).sort();
    expect(names).toEqual(['Loved Co', 'Their Fans Co']);
  });

  it('counts only the asker’s own clients’ answers for a CSM', async () => {
    const { data } = await team.as.otherCsm.GET('/api/v1/expansion-opportunities', {
      params: { query: {} },
    });
    expect(data?.items.map((i) => i.name)).toEqual(['Their Fans Co']);
    const { data: mine } = await team.as.manager.GET('/api/v1/expansion-opportunities', {
      params: { query: { owner: team.otherCsm.id } },
    });
    expect(mine?.items.map((i) => i.name)).toEqual(['Their Fans Co']);
  });
});
