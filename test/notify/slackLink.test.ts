// A person links their Slack member by proof: Steward gives them a one-time code, and they
// type `/steward link <code>` in Slack, whose signed request names the member and the team.
// Then `/steward` answers them in their own language and time zone, and feedback they log is
// theirs. A typed member id is refused; a code works once, for 10 minutes, in its workspace;
// the workspace answers only the Slack team its first link recorded; unlinking ends it all.
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WorkspaceId } from '../../src/lib/ids.ts';
import { signedIn, type ApiClient } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeAccount, makeUser, makeWorkspace, testPassword } from '../support/factories.ts';
import {
  linkSlack,
  signedSlackCommand,
  slackApp,
  slackCommand,
  slackTestTeam,
} from '../support/slack.ts';

// 22:30 in London is already 08:30 on the 3rd in Vladivostok.
const { deps, clock } = await useTestDeps('2026-11-02T22:30:00Z');
let workspaceId: WorkspaceId;
let slug = '';
/** A Russian-speaking CSM in Vladivostok, in a workspace where most people read English. */
let anna: ApiClient;
/** An English-speaking colleague in London. */
let ben: ApiClient;
let annaId = '';
let benId = '';

const app = () => slackApp(deps, slug);
/** `/steward <text>` from a member of the workspace's own Slack team. */
const steward = (text: string, memberId: string, teamId = slackTestTeam) =>
  slackCommand(app(), text, { memberId, teamId, clock });
const link = (person: ApiClient, memberId: string, teamId = slackTestTeam) =>
  linkSlack(app(), person, { memberId, teamId, clock });
const startLink = async (person: ApiClient) => {
  const { data, response } = await person.POST('/api/v1/me/slack-link');
  expect(response.status).toBe(201);
  return data?.code ?? '';
};
const linkOf = async (person: ApiClient) => (await person.GET('/api/v1/me/slack-link')).data;
const auditOf = (userId: string) =>
  deps.db
    .selectFrom('audit_log')
    .select(['action', 'changes'])
    .where('workspace_id', '=', workspaceId)
    .where('actor_id', '=', userId)
    .where('action', 'like', 'slack.%')
    .orderBy('id')
    .execute();

beforeAll(async () => {
  const workspace = await makeWorkspace(deps.db);
  workspaceId = workspace.id;
  slug = workspace.slug;
  const ru = await makeUser(deps.db, workspaceId, {
    locale: 'ru',
    timezone: 'Asia/Vladivostok',
    name: 'Анна Петрова',
  });
  annaId = ru.id;
  const en = await makeUser(deps.db, workspaceId, { timezone: 'Europe/London' });
  benId = en.id;
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

describe('a workspace no one has linked Slack in yet', () => {
  it('tells whoever asks how to link, and answers nothing about accounts', async () => {
    const text = await steward('acme', 'U0BEN00001');
    expect(text).toContain('Steward is not connected to this Slack workspace yet');
    expect(text).not.toContain('Health');
    expect(await steward('link', 'U0BEN00001')).toContain('/steward link <code>');
    expect((await linkOf(ben))?.workspaceTeamId).toBeNull();
  });
});

describe('linking a Slack member with a one-time code', () => {
  it('answers a Russian-speaking CSM in Russian once linked, counting the renewal from their own today, and logs her feedback as hers', async () => {
    const reply = await link(anna, 'U0ANNA0001');
    expect(reply).toContain('Готово: здесь Steward знает вас как Анна Петрова');
    expect(await linkOf(anna)).toMatchObject({
      linked: { memberId: 'U0ANNA0001', teamId: slackTestTeam },
      pendingUntil: null,
      workspaceTeamId: slackTestTeam,
    });
    expect((await anna.GET('/api/v1/me/notification-preferences')).data?.slackMemberId).toBe(
      'U0ANNA0001',
    );

    const text = await steward('acme', 'U0ANNA0001');
    expect(text).toContain('*Здоровье:* 42/100 (под угрозой)');
    expect(text).toContain('*Риск оттока:* высокий');
    // The 3rd in Vladivostok: the renewal on the 4th is tomorrow, not in two days.
    expect(text).toMatch(/\*Продление:\* 4 нояб\. 2026 г\. \(через 1 день\)/);
    expect(text.replace('Acme Rockets', '')).not.toMatch(/[A-Za-z]{3,}/);

    // A subcommand (voice's feedback) is answered for the same reader.
    expect(await steward('feedback Nobody Inc wants dark mode', 'U0ANNA0001')).toBe(
      'Нет аккаунта, похожего на «Nobody».',
    );
    await steward('feedback Acme Rockets просят SSO через Okta', 'U0ANNA0001');
    const logged = await deps.db
      .selectFrom('feedback_items')
      .select('logged_by')
      .where('workspace_id', '=', workspaceId)
      .where('text', '=', 'просят SSO через Okta')
      .executeTakeFirstOrThrow();
    expect(logged.logged_by).toBe(annaId);

    // The first link recorded the workspace's Slack team; both are in the audit log.
    expect(await auditOf(annaId)).toEqual([
      { action: 'slack.team_connected', changes: { teamId: slackTestTeam } },
      { action: 'slack.linked', changes: { memberId: 'U0ANNA0001', teamId: slackTestTeam } },
    ]);
  });

  it('keeps only a hash of the code, lets a new code replace one not used, and lets a code work once', async () => {
    const replaced = await startLink(ben);
    const code = await startLink(ben);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    const stored = await deps.db
      .selectFrom('slack_link_codes')
      .select('code_hash')
      .where('user_id', '=', benId)
      .execute();
    expect(stored).toEqual([
      { code_hash: createHash('sha256').update(code.replace('-', '')).digest('hex') },
    ]);
    expect((await linkOf(ben))?.pendingUntil).toBe('2026-11-02T22:40:00.000Z');
    expect(await steward(`link ${replaced}`, 'U0BEN00001')).toContain('not a code Steward gave');

    // Typed the way people retype codes: lower case, without the dash.
    const typed = code.replace('-', '').toLowerCase();
    expect(await steward(`link ${typed}`, 'U0BEN00001')).toContain('Linked:');
    expect(await steward(`link ${code}`, 'U0SOMEONE1')).toContain('not a code Steward gave');
    expect((await linkOf(ben))?.linked?.memberId).toBe('U0BEN00001');
    expect(await personWhoLinked('U0SOMEONE1')).toBeUndefined();
  });

  it('refuses a code typed more than 10 minutes after it was made, linking nothing', async () => {
    const { client: person } = await newColleague();
    const code = await startLink(person);
    clock.advance(10 * 60 * 1000 + 1000);
    expect(await steward(`link ${code}`, 'U0LATE0001')).toContain('That code has expired');
    expect((await linkOf(person))?.linked).toBeNull();
    // Spent even so: a second try is not a code Steward gave.
    expect(await steward(`link ${code}`, 'U0LATE0001')).toContain('not a code Steward gave');
  });

  it('takes no code of another workspace, and leaves that code for its own', async () => {
    const elsewhere = await makeWorkspace(deps.db);
    const other = await makeUser(deps.db, elsewhere.id);
    const theirApp = slackApp(deps, elsewhere.slug);
    const them = await signedIn(theirApp, other.email, testPassword);
    const { data } = await them.POST('/api/v1/me/slack-link');
    const code = data?.code ?? '';
    expect(await steward(`link ${code}`, 'U0OTHER001')).toContain('not a code Steward gave');
    expect(await personWhoLinked('U0OTHER001')).toBeUndefined();
    // In its own workspace (its own Slack team) it still links, even the same member id as here.
    expect(
      await slackCommand(theirApp, `link ${code}`, {
        memberId: 'U0ANNA0001',
        teamId: 'T0ELSEWHERE',
        clock,
      }),
    ).toContain('Linked:');
  });
});

describe('a colleague’s Slack member', () => {
  it('cannot be claimed: a typed member id is refused naming the field, and a code typed from a member someone holds links nothing', async () => {
    const { response, error } = await ben.PUT('/api/v1/me/notification-preferences', {
      body: { digestHour: 6, slackMemberId: 'U0ANNA0001' },
    });
    expect(response.status).toBe(422);
    expect(error?.errors?.map((e) => e.path)).toEqual(['slackMemberId']);
    expect(error?.errors?.[0]?.message).toContain('/steward link');
    expect((await ben.GET('/api/v1/me/notification-preferences')).data?.digestHour).not.toBe(6);

    // Ben's code typed from Anna's Slack account (say she was tricked into it).
    const code = await startLink(ben);
    expect(await steward(`link ${code}`, 'U0ANNA0001')).toContain(
      'Этот аккаунт Slack привязан к другому человеку',
    );
    expect((await linkOf(anna))?.linked?.memberId).toBe('U0ANNA0001');
    expect((await linkOf(ben))?.linked?.memberId).toBe('U0BEN00001');
    expect(await personWhoLinked('U0ANNA0001')).toBe(annaId);

    // The database holds the rule too: one person per member in a workspace.
    await expect(
      deps.db
        .updateTable('notification_preferences')
        .set({ slack_member_id: 'U0ANNA0001' })
        .where('user_id', '=', benId)
        .execute(),
    ).rejects.toThrow(/notification_preferences_slack_member_idx/);
  });
});

describe('a command from another Slack team', () => {
  it('is refused, link included, and the code still works from the workspace’s own team', async () => {
    const refused = await steward('acme', 'U0ANNA0001', 'T0STRANGER');
    expect(refused).toContain('not the one Steward answers');
    expect(refused).not.toContain('Acme');
    const { client: person } = await newColleague();
    const code = await startLink(person);
    expect(await steward(`link ${code}`, 'U0STRANGE1', 'T0STRANGER')).toContain(
      'not the one Steward answers',
    );
    expect(await steward(`link ${code}`, 'U0COLLEAG1')).toContain('Linked:');
    // A command with no team at all is not the workspace's team either.
    const response = await app().request(
      '/slack/commands',
      signedSlackCommand(
        { command: '/steward', text: 'acme', user_id: 'U0ANNA0001', team_id: '' },
        { clock },
      ),
    );
    expect(((await response.json()) as { text: string }).text).toContain(
      'not the one Steward answers',
    );
  });
});

describe('one Steward with several workspaces, each linked to its own Slack', () => {
  it('answers each Slack team from the workspace it linked, whichever workspace SLACK_WORKSPACE names', async () => {
    const teams = await Promise.all(
      [71, 28].map(async (score) => {
        const workspace = await makeWorkspace(deps.db);
        const csm = await makeUser(deps.db, workspace.id);
        await makeAccount(deps.db, workspace.id, {
          name: 'Globex',
          owner_id: csm.id,
          health: { score, category: score > 50 ? 'healthy' : 'critical', risk: 'low' },
        });
        return { workspace, csm };
      }),
    );
    const [north, south] = teams.map((side, i) => ({
      ...side,
      teamId: ['T0NORTH001', 'T0SOUTH001'][i] ?? '',
      memberId: `U0MEMBER0${i}`,
    }));
    if (!north || !south) throw new Error('two workspaces');
    // No SLACK_WORKSPACE: before any link, a team no workspace recorded is not answered.
    const unset = slackApp(deps);
    const from = (side: typeof north) => ({ memberId: side.memberId, teamId: side.teamId, clock });
    expect(await slackCommand(unset, 'globex', from(north))).toContain(
      'not linked to Steward, which has several workspaces',
    );

    // Each workspace's code, typed in its own Slack, records that team for that workspace.
    for (const side of [north, south]) {
      const person = await signedIn(unset, side.csm.email, testPassword);
      expect(await linkSlack(unset, person, from(side))).toContain('Linked:');
    }
    expect(await slackCommand(unset, 'globex', from(north))).toContain('*Health:* 71/100');
    expect(await slackCommand(unset, 'globex', from(south))).toContain('*Health:* 28/100');
    // SLACK_WORKSPACE names the north: the south's Slack still gets the south's account.
    const northNamed = slackApp(deps, north.workspace.slug);
    expect(await slackCommand(northNamed, 'globex', from(south))).toContain('*Health:* 28/100');
  });
});

describe('unlinking', () => {
  it('stops Slack commands from acting as the person: their language, their feedback, their audit trail', async () => {
    const person = await newColleague({ locale: 'ru' });
    await linkSlack(app(), person.client, { memberId: 'U0UNLINK01', clock });
    expect(await steward('acme', 'U0UNLINK01')).toContain('*Здоровье:*');

    const { response } = await person.client.DELETE('/api/v1/me/slack-link');
    expect(response.status).toBe(204);
    expect((await linkOf(person.client))?.linked).toBeNull();
    expect(
      (await person.client.GET('/api/v1/me/notification-preferences')).data?.slackMemberId,
    ).toBeNull();
    // The workspace's language now, and feedback from that member is nobody's.
    expect(await steward('acme', 'U0UNLINK01')).toContain('*Health:* 42/100 (at risk)');
    await steward('feedback Acme Rockets wants a status page', 'U0UNLINK01');
    const logged = await deps.db
      .selectFrom('feedback_items')
      .select('logged_by')
      .where('text', '=', 'wants a status page')
      .executeTakeFirstOrThrow();
    expect(logged.logged_by).toBeNull();
    expect((await auditOf(person.id)).map((a) => a.action)).toEqual([
      'slack.linked',
      'slack.unlinked',
    ]);
    // Unlinking again changes nothing and records nothing.
    expect((await person.client.DELETE('/api/v1/me/slack-link')).response.status).toBe(204);
    expect(await auditOf(person.id)).toHaveLength(2);
  });
});

describe('disconnecting the workspace from its Slack team', () => {
  it('is for an admin: every link goes with the team, and the next proven link records the new one', async () => {
    expect((await ben.DELETE('/api/v1/slack-team')).response.status).toBe(403);
    const admin = await makeUser(deps.db, workspaceId, { role: 'admin' });
    const adminClient = await signedIn(app(), admin.email, testPassword);

    expect((await adminClient.DELETE('/api/v1/slack-team')).response.status).toBe(204);
    expect(await linkOf(anna)).toMatchObject({ linked: null, workspaceTeamId: null });
    expect(await personWhoLinked('U0ANNA0001')).toBeUndefined();
    expect(await steward('acme', 'U0ANNA0001')).toContain('not connected to this Slack workspace');
    expect(await auditOf(admin.id)).toEqual([
      { action: 'slack.team_disconnected', changes: { teamId: slackTestTeam } },
    ]);

    expect(await link(anna, 'U0ANNA0001', 'T0NEWTEAM1')).toContain('Готово');
    expect((await linkOf(anna))?.workspaceTeamId).toBe('T0NEWTEAM1');
    expect(await steward('acme', 'U0ANNA0001', 'T0NEWTEAM1')).toContain('*Здоровье:*');
    expect(await steward('acme', 'U0BEN00001')).toContain('not the one Steward answers');
  });
});

/** The person holding a member in the workspace, if anyone. */
async function personWhoLinked(memberId: string) {
  const row = await deps.db
    .selectFrom('notification_preferences')
    .select('user_id')
    .where('workspace_id', '=', workspaceId)
    .where('slack_member_id', '=', memberId)
    .executeTakeFirst();
  return row?.user_id;
}

/** Another person of the workspace, signed in. */
async function newColleague(options: { locale?: 'ru' } = {}) {
  const user = await makeUser(deps.db, workspaceId, options);
  return { client: await signedIn(app(), user.email, testPassword), id: user.id };
}
