// Feedback from every place a CSM hears it, besides the app: Slack's `/steward feedback`, a CSV,
// support tickets whose subjects report the same problem (proposed, not added), and the weekly
// product digest that goes out through the outbox to the product people.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { UserId, WorkspaceId } from '../../src/lib/ids.ts';
import { proposeFromTickets, sendProductDigest } from '../../src/modules/voice/index.ts';
import { signedIn, type ApiClient } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeAccount, makeUser, makeWorkspace, testPassword } from '../support/factories.ts';
import { linkSlack, signedSlackCommand, slackApp } from '../support/slack.ts';
import { runJobs, startSmtpServer, type MailCatcher } from '../notify/support.ts';

const smtp: MailCatcher = await startSmtpServer();
const { deps, clock, database } = await useTestDeps('2026-11-02T09:00:00Z');
let slug = '';
deps.config = { ...deps.config, smtpUrl: smtp.url };
const app = () => slackApp(deps, slug);
const run = () => runJobs(deps, database.pool, clock);

let workspaceId: WorkspaceId;
let csmId: UserId;
let csm: ApiClient;
const accounts: Record<string, string> = {};

const slack = (text: string) =>
  app().request(
    '/slack/commands',
    signedSlackCommand({ command: '/steward', text, user_name: 'jordan' }, { clock }),
  );

const items = (accountId: string) =>
  deps.db
    .selectFrom('feedback_items')
    .select(['text', 'source', 'type', 'review', 'ticket_id', 'theme_id'])
    .where('account_id', '=', accountId)
    .orderBy('created_at')
    .execute();

async function ticket(accountId: string, externalId: string, subject: string) {
  await deps.db
    .insertInto('support_tickets')
    .values({
      workspace_id: workspaceId,
      account_id: accountId,
      source: 'generic',
      external_id: externalId,
      subject,
      status: 'open',
      priority: 'high',
      opened_at: clock.now(),
      updated_at: clock.now(),
      received_at: clock.now(),
    })
    .execute();
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  const workspace = await makeWorkspace(deps.db);
  workspaceId = workspace.id;
  slug = workspace.slug;
  const user = await makeUser(deps.db, workspaceId, { role: 'csm' });
  csmId = user.id;
  csm = await signedIn(app(), user.email, testPassword);
  // Slack is answered once the workspace knows its team: the CSM links their member first.
  await linkSlack(app(), csm, { memberId: 'U0CSM00001', clock });
  for (const [name, arr] of [
    ['Acme Corp', 250_000_00],
    ['Acme', 10_000_00],
    ['Globex', 90_000_00],
    ['Initech', 40_000_00],
  ] as const) {
    accounts[name] = (
      await makeAccount(deps.db, workspaceId, {
        name,
        owner_id: csmId,
        arr_amount: arr,
        external_id: name.toLowerCase().replace(' ', '-'),
      })
    ).id;
  }
});

afterAll(async () => {
  vi.useRealTimers();
  await smtp.close();
});

describe('/steward feedback in Slack', () => {
  it('logs what the customer said on the account named by the longest matching words', async () => {
    const response = await slack('feedback Acme Corp asked for SSO with Okta');
    expect(response.status).toBe(200);
    const reply = (await response.json()) as { text: string };
    expect(reply.text).toContain('Acme Corp');
    expect(await items(accounts['Acme Corp'] ?? '')).toEqual([
      expect.objectContaining({
        text: 'asked for SSO with Okta',
        source: 'slack',
        type: 'feature_request',
      }),
    ]);
    expect(await items(accounts.Acme ?? '')).toEqual([]);
  });

  it('explains itself when the account or the text is missing', async () => {
    const usage = (await (await slack('feedback Globex')).json()) as { text: string };
    expect(usage.text).toContain('/steward feedback');
    const none = (await (await slack('feedback Nobody Inc wants dark mode')).json()) as {
      text: string;
    };
    expect(none.text).toMatch(/No account matches/);
  });

  it('still answers the account summary for anything else', async () => {
    const reply = (await (await slack('Globex')).json()) as { text: string };
    expect(reply.text).toContain('Globex');
  });
});

describe('feedback from a CSV', () => {
  const csv = [
    'account,text,type,priority,contact_email,date',
    'globex,We need an audit log of changes,feature_request,high,,2026-10-01',
    'Initech,Экспорт в Excel не работает,,,,',
    'nobody,Ghost request,,,,',
    'globex,,,,,',
  ].join('\n');

  it('reports every rejected row and imports nothing unless told to skip them', async () => {
    const { response, error } = await csm.POST('/api/v1/feedback/import', { body: { csv } });
    expect(response.status).toBe(422);
    expect(error?.errors?.map((e) => e.path)).toEqual(['rows.4.account', 'rows.5.text']);
    expect(await items(accounts.Globex ?? '')).toEqual([]);
  });

  it('imports the valid rows with skipInvalid, guessing a missing type, and themes them', async () => {
    const { data } = await csm.POST('/api/v1/feedback/import', {
      body: { csv, skipInvalid: true },
    });
    expect(data?.imported).toBe(2);
    expect(data?.rejected.map((r) => r.row)).toEqual([4, 5]);
    expect(await items(accounts.Initech ?? '')).toEqual([
      expect.objectContaining({ source: 'csv', type: 'bug' }),
    ]);
    await run();
    const [globex] = await items(accounts.Globex ?? '');
    expect(globex?.theme_id).not.toBeNull();
  });
});

describe('support patterns', () => {
  it('proposes tickets reporting the same problem across customers, linked, for review', async () => {
    await ticket(accounts.Globex ?? '', 'T-1', 'Export to Excel fails with an error');
    await ticket(accounts.Initech ?? '', 'T-2', 'Excel export broken since Monday');
    await ticket(accounts.Acme ?? '', 'T-3', 'How do I change my avatar?');
    await ticket(accounts['Acme Corp'] ?? '', 'T-4', 'Invoice address is wrong');
    const proposed = await proposeFromTickets(deps, workspaceId);
    expect(proposed).toBe(2);
    expect(await proposeFromTickets(deps, workspaceId)).toBe(0);
    const globex = (await items(accounts.Globex ?? '')).filter((i) => i.source === 'support');
    expect(globex).toEqual([expect.objectContaining({ review: 'proposed', type: 'bug' })]);
    expect(globex[0]?.ticket_id).not.toBeNull();
    expect(await items(accounts.Acme ?? '')).toEqual([]);

    await run();
    const { data } = await csm.GET('/api/v1/feedback/themes', {
      params: { query: { since: '30d' } },
    });
    const pattern = data?.items.find((t) => t.proposedCount === 2);
    expect(pattern).toBeDefined();
    expect(pattern?.items.filter((i) => i.ticketId !== null)).toHaveLength(2);

    const proposal = (
      await csm.GET('/api/v1/feedback', { params: { query: { review: 'proposed' } } })
    ).data?.items[0];
    const accepted = await csm.POST('/api/v1/feedback/{id}/review', {
      params: { path: { id: proposal?.id ?? '' } },
      body: { review: 'accepted' },
    });
    expect(accepted.data?.review).toBe('accepted');
  });
});

describe('the weekly product digest', () => {
  it('e-mails the top themes through the outbox to the people who receive it', async () => {
    const manager = await makeUser(deps.db, workspaceId, {
      role: 'manager',
      email: 'product@example.test',
    });
    const viewer = await makeUser(deps.db, workspaceId, {
      role: 'viewer',
      email: 'pm@example.test',
    });
    await deps.db.updateTable('users').set({ locale: 'ru' }).where('id', '=', viewer.id).execute();
    expect(await sendProductDigest(deps, workspaceId)).toBe(2);
    await run();
    const toManager = smtp.mails.find((m) => m.to && JSON.stringify(m.to).includes(manager.email));
    expect(toManager?.subject).toBe('What customers asked for this week');
    expect(toManager?.text).toMatch(/accounts?, \$/);
    const toViewer = smtp.mails.find((m) => m.to && JSON.stringify(m.to).includes(viewer.email));
    expect(toViewer?.subject).toBe('О чём просили клиенты на этой неделе');
    const csmMail = smtp.mails.find((m) => JSON.stringify(m.to).includes('person-'));
    expect(csmMail).toBeUndefined();
  });
});
