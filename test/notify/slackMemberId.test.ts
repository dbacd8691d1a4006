// A person links their Slack member id in their notification preferences, so `/steward` in
// Slack answers them in their own language and time zone; everyone else still reads the
// workspace's commonest language and its zone. An id is Slack's shape and one person's in a
// workspace.
import { beforeAll, describe, expect, it } from 'vitest';
import type { WorkspaceId } from '../../src/lib/ids.ts';
import { signedIn, type ApiClient } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeAccount, makeUser, makeWorkspace, testPassword } from '../support/factories.ts';
import { signedSlackCommand, slackApp } from '../support/slack.ts';

// 22:30 in London is already 08:30 on the 3rd in Vladivostok.
const { deps, clock } = await useTestDeps('2026-11-02T22:30:00Z');
let workspaceId: WorkspaceId;
let slug = '';
/** A Russian-speaking CSM in Vladivostok, in a workspace where most people read English. */
let anna: ApiClient;
/** An English-speaking colleague in London. */
let ben: ApiClient;
let annaId = '';

const app = () => slackApp(deps, slug);

beforeAll(async () => {
  const workspace = await makeWorkspace(deps.db);
  workspaceId = workspace.id;
  slug = workspace.slug;
  const ru = await makeUser(deps.db, workspaceId, {
    locale: 'ru',
    timezone: 'Asia/Vladivostok',
  });
  annaId = ru.id;
  const en = await makeUser(deps.db, workspaceId, { timezone: 'Europe/London' });
  await makeUser(deps.db, workspaceId);
  await makeAccount(deps.db, workspaceId, {
    name: 'Acme Rockets',
    owner_id: ru.id,
    health: { score: 42, category: 'at_risk', risk: 'high' },
    renewal_date: '2026-11-04',
  });
  anna = await signedIn(app(), ru.email, testPassword);
  ben = await signedIn(app(), en.email, testPassword);
});

/** `/steward <text>` as Slack sends it, from the given member, signed. */
async function steward(text: string, memberId: string) {
  const form = {
    command: '/steward',
    text,
    user_id: memberId,
    user_name: 'someone',
    team_id: 'T012AB3CD',
  };
  const response = await app().request('/slack/commands', signedSlackCommand(form, { clock }));
  expect(response.status).toBe(200);
  return ((await response.json()) as { text: string }).text;
}

const preferences = async (person: ApiClient) =>
  (await person.GET('/api/v1/me/notification-preferences')).data;

describe('/steward for the person who linked their Slack member id', () => {
  it('answers a Russian-speaking CSM in Russian, counting the renewal from their own today, in an English-speaking workspace', async () => {
    const saved = await anna.PUT('/api/v1/me/notification-preferences', {
      body: { slackMemberId: 'U0ANNA0001' },
    });
    expect(saved.response.status).toBe(200);
    expect(saved.data?.slackMemberId).toBe('U0ANNA0001');

    const text = await steward('acme', 'U0ANNA0001');
    expect(text).toContain('*Здоровье:* 42/100 (под угрозой)');
    expect(text).toContain('*Риск оттока:* высокий');
    // The 3rd in Vladivostok: the renewal on the 4th is tomorrow, not in two days.
    expect(text).toMatch(/\*Продление:\* 4 нояб\. 2026 г\. \(через 1 день\)/);
    expect(text.replace('Acme Rockets', '')).not.toMatch(/[A-Za-z]{3,}/);

    // A subcommand (voice's feedback) is answered for the same reader.
    const feedback = await steward('feedback Nobody Inc wants dark mode', 'U0ANNA0001');
    expect(feedback).toBe('Нет аккаунта, похожего на «Nobody».');

    // Feedback heard in Slack is logged by the person who linked the member id.
    await steward('feedback Acme Rockets просят SSO через Okta', 'U0ANNA0001');
    const logged = await deps.db
      .selectFrom('feedback_items')
      .select('logged_by')
      .where('workspace_id', '=', workspaceId)
      .where('text', '=', 'просят SSO через Okta')
      .executeTakeFirstOrThrow();
    expect(logged.logged_by).toBe(annaId);
  });

  it("answers a member id nobody linked, or one its person cleared, in the workspace's language and zone", async () => {
    await anna.PUT('/api/v1/me/notification-preferences', {
      body: { slackMemberId: 'U0ANNA0002' },
    });
    expect(await steward('acme', 'U0ANNA0002')).toContain('*Риск оттока:* высокий');

    const cleared = await anna.PUT('/api/v1/me/notification-preferences', {
      body: { slackMemberId: null },
    });
    expect(cleared.data?.slackMemberId).toBeNull();
    for (const memberId of ['U0ANNA0002', 'U0NOBODY01']) {
      const text = await steward('acme', memberId);
      expect(text).toContain('*Health:* 42/100 (at risk)');
      // The workspace's zone (UTC): still the 2nd, two days before the renewal.
      expect(text).toContain('*Renewal:* Nov 4, 2026 (in 2 days)');
    }
  });
});

describe('a Slack member id in the notification preferences', () => {
  it('refuses an id that is not Slack’s shape, naming the field and saving nothing of the request', async () => {
    await ben.PUT('/api/v1/me/notification-preferences', {
      body: { digestHour: 7, slackMemberId: 'W0BEN00001' },
    });
    for (const bad of ['u0ben00002', 'X0BEN00002', 'U0BEN', 'U0BEN00000000', 'U0BEN-0002', '']) {
      const { response, error } = await ben.PUT('/api/v1/me/notification-preferences', {
        body: { digestHour: 6, slackMemberId: bad },
      });
      expect(response.status, bad).toBe(422);
      expect(
        error?.errors?.map((e) => e.path),
        bad,
      ).toEqual(['slackMemberId']);
    }
    expect(await preferences(ben)).toMatchObject({ digestHour: 7, slackMemberId: 'W0BEN00001' });
    // Copied with a space around it, an id is still the id.
    const trimmed = await ben.PUT('/api/v1/me/notification-preferences', {
      body: { slackMemberId: ' W0BEN00001 ' },
    });
    expect(trimmed.data?.slackMemberId).toBe('W0BEN00001');
  });

  it('lets only one person of a workspace link a member id: 409 naming the field, both keep theirs', async () => {
    await ben.PUT('/api/v1/me/notification-preferences', {
      body: { slackMemberId: 'U0SHARED01' },
    });
    await anna.PUT('/api/v1/me/notification-preferences', {
      body: { digestHour: 9, slackMemberId: 'U0ANNA0003' },
    });
    const { response, error } = await anna.PUT('/api/v1/me/notification-preferences', {
      body: { digestHour: 10, slackMemberId: 'U0SHARED01' },
    });
    expect(response.status).toBe(409);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(error).toMatchObject({ code: 'slack.member_id_taken' });
    expect(error?.errors?.map((e) => e.path)).toEqual(['slackMemberId']);
    expect(await preferences(anna)).toMatchObject({ digestHour: 9, slackMemberId: 'U0ANNA0003' });
    expect(await preferences(ben)).toMatchObject({ slackMemberId: 'U0SHARED01' });
    expect(await steward('acme', 'U0SHARED01')).toContain('*Health:* 42/100 (at risk)');

    // Saving the rest of one's preferences keeps one's own id, and another workspace's person
    // may have the same id there.
    expect(
      (await ben.PUT('/api/v1/me/notification-preferences', { body: { digestHour: 11 } })).data,
    ).toMatchObject({ digestHour: 11, slackMemberId: 'U0SHARED01' });
    const elsewhere = await makeWorkspace(deps.db);
    const other = await makeUser(deps.db, elsewhere.id);
    const otherClient = await signedIn(app(), other.email, testPassword);
    const theirs = await otherClient.PUT('/api/v1/me/notification-preferences', {
      body: { slackMemberId: 'U0SHARED01' },
    });
    expect(theirs.response.status).toBe(200);
  });
});
