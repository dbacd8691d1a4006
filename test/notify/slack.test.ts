import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDeps } from '../support/deps.ts';
import { makeAccount, makeUser, makeWorkspace } from '../support/factories.ts';
import { connectSlack, signedSlackCommand, slackApp, slackTestTeam } from '../support/slack.ts';

const { deps, clock } = await useTestDeps('2026-11-02T09:00:00Z');
let slug: string;

beforeAll(async () => {
  const workspace = await makeWorkspace(deps.db);
  slug = workspace.slug;
  const csm = await makeUser(deps.db, workspace.id);
  // Answered only once the workspace knows its Slack team: its CSM links their member first.
  await connectSlack(deps, slug, csm, { memberId: 'U0CSM00001', clock });
  await makeAccount(deps.db, workspace.id, {
    name: 'Acme Rockets',
    owner_id: csm.id,
    health: { score: 42, category: 'at_risk', risk: 'high' },
    renewal_date: '2026-12-02',
  });
  await makeAccount(deps.db, workspace.id, { name: 'Brand New Co' });
});

const app = () => slackApp(deps, slug);

const signed = (form: Record<string, string>, options: { at?: number; key?: string } = {}) =>
  signedSlackCommand(form, { clock, ...options });

const command = (text: string, teamId = slackTestTeam) => ({
  command: '/steward',
  text,
  user_id: 'U1',
  team_id: teamId,
});

describe('the /steward slash command', () => {
  it("answers with the account's health, churn risk, renewal and open escalations", async () => {
    const response = await app().request('/slack/commands', signed(command('acme')));
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { response_type: string; text: string };
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.text).toContain('Acme Rockets');
    expect(answer.text).toContain('*Health:* 42/100 (at risk)');
    expect(answer.text).toContain('*Churn risk:* high');
    expect(answer.text).toContain('*Renewal:* Dec 2, 2026 (in 30 days)');
    expect(answer.text).toContain('*Open escalations:* none');
  });

  it("answers in the workspace's language when most of its people read Russian", async () => {
    const workspace = await makeWorkspace(deps.db);
    await makeUser(deps.db, workspace.id, { locale: 'ru' });
    await makeUser(deps.db, workspace.id, { locale: 'ru' });
    const english = await makeUser(deps.db, workspace.id);
    // Linked from its own Slack by its one English speaker: the answer to anyone else there is
    // still the workspace's.
    const teamId = 'T0GLOBUS01';
    await connectSlack(deps, workspace.slug, english, { memberId: 'U0ENGLISH1', teamId, clock });
    await makeAccount(deps.db, workspace.id, {
      name: 'Глобус',
      health: { score: 30, category: 'critical', risk: 'critical' },
      renewal_date: '2026-11-05',
    });
    const russian = slackApp(deps, workspace.slug);
    const response = await russian.request('/slack/commands', signed(command('глобус', teamId)));
    const { text } = (await response.json()) as { text: string };
    expect(text).toContain('*Здоровье:* 30/100 (критично)');
    expect(text).toContain('*Риск оттока:* критический');
    expect(text).toMatch(/\*Продление:\* 5 нояб\. 2026 г\. \(через 3 дня\)/);
    expect(text).toContain('*Открытые эскалации:* нет');
    // Nothing the server wrote is left in English.
    expect(text.replace('Глобус', '')).not.toMatch(/[A-Za-z]{3,}/);
  });

  it('says an account is not scored yet', async () => {
    const response = await app().request('/slack/commands', signed(command('Brand New Co')));
    expect(((await response.json()) as { text: string }).text).toContain(
      '*Health:* not scored yet',
    );
  });

  it('refuses a wrong signature, another secret, a tampered body and an old request', async () => {
    const good = signed(command('acme'));
    const requests = [
      { ...good, headers: { ...good.headers, 'x-slack-signature': 'v0=deadbeef' } },
      signed(command('acme'), { key: 'another secret' }),
      // Another command's body under this one's signature.
      { ...good, body: signed(command('someone else')).body },
      signed(command('acme'), { at: Math.floor(clock.now().getTime() / 1000) - 301 }),
      { ...good, headers: { 'content-type': 'application/x-www-form-urlencoded' } },
    ];
    for (const request of requests) {
      const response = await app().request('/slack/commands', request);
      expect(response.status).toBe(401);
    }
  });
});
