// Voice of the customer in the browser, on the demo workspace: a customer's contact answers an
// NPS survey on a phone — no sign-in, one tap and a comment — and, once the worker has run, the
// account's CSM finds the detractor follow-up due within a day in their work; the link then
// refuses a second answer. A CSM also reads the feedback themes on a phone, and corrects the
// feedback they logged, down to its priority, status and who said it; a manager changes a
// roadmap item. A refused change keeps what was typed.
import { randomBytes } from 'node:crypto';
import { runTaskListOnce } from 'graphile-worker';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { toTaskList } from '../../src/jobs/registry.ts';
import { healthJobs } from '../../src/modules/health/index.ts';
import { voiceJobs } from '../../src/modules/voice/index.ts';
import type { TestServer } from '../support/server.ts';
import { apiAs, openSteward, phone, seriousViolations, type BrowserSession } from './support.ts';

let session: BrowserSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail', context.task.name);
  session = undefined;
});

/** The voice jobs queued so far, once, as the worker would (the test server has none). */
async function runVoiceJobs(server: TestServer) {
  const pool = new pg.Pool({ connectionString: server.deps.config.databaseUrl, max: 1 });
  const client = await pool.connect();
  try {
    await runTaskListOnce({}, toTaskList(server.deps, { ...voiceJobs, ...healthJobs }), client)
      .promise;
  } finally {
    client.release();
    await pool.end();
  }
}

describe('voice of the customer', () => {
  it('takes a detractor’s survey answer on a phone and opens the CSM’s follow-up', async () => {
    session = await openSteward('csm@demo.steward.dev', phone);
    const { page, server, context } = session;
    const api = await apiAs(session);
    const portfolio = await api.GET('/api/v1/accounts', {
      params: { query: { owner: 'me', limit: 100 } },
    });
    // A client of the demo CSM with a contact to write to.
    let target: { accountId: string; accountName: string; contactId: string } | undefined;
    for (const account of portfolio.data?.items ?? []) {
      const contacts = await api.GET('/api/v1/accounts/{id}/contacts', {
        params: { path: { id: account.id } },
      });
      const contact = contacts.data?.items.find((c) => c.email);
      if (contact) {
        target = { accountId: account.id, accountName: account.name, contactId: contact.id };
        break;
      }
    }
    if (!target) throw new Error('no client of the demo CSM has a contact with an e-mail');
    const invited = await api.POST('/api/v1/surveys/invitations', {
      body: { contactIds: [target.contactId], kind: 'nps', locale: 'en' },
    });
    const link = invited.data?.items[0]?.link;
    if (!link) throw new Error('no survey link');
    const path = link.slice(link.indexOf('/s/'));

    // The contact, on their phone, signed in to nothing.
    const cookies = await context.cookies(server.url);
    await context.clearCookies();
    await page.goto(`${server.url}${path}`);
    await page
      .getByRole('heading', { level: 1, name: /How likely are you to recommend/ })
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Score 3', exact: true }).tap();
    await page
      .getByLabel('What is the main reason for your score? (optional)')
      .fill('Reports are slow and the export to Excel keeps failing');
    await page.getByRole('button', { name: 'Send', exact: true }).tap();
    await page.getByText('Thank you! Your answer was received.').waitFor();

    // The same link again: answered already.
    await page.goto(`${server.url}${path}`);
    await page.getByText('This survey was already answered. Thank you!').waitFor();

    // The worker runs the detractor play: a follow-up for the account's CSM, due within a day.
    await runVoiceJobs(server);
    await context.addCookies(cookies);
    await page.goto(`${server.url}/accounts/${target.accountId}`);
    const voice = page.getByRole('region', { name: 'Feedback and NPS' });
    // The demo account may hold earlier answers: find this one by its comment, then its score.
    const answer = voice
      .getByRole('listitem')
      .filter({ hasText: '“Reports are slow and the export to Excel keeps failing”' });
    await answer.getByText('NPS 3', { exact: true }).waitFor();
    const followUp = await server.deps.db
      .selectFrom('tasks')
      .select(['title', 'due_at'])
      .where('account_id', '=', target.accountId)
      .where('title', '=', `Follow up on the NPS response — ${target.accountName}`)
      .executeTakeFirst();
    expect(followUp).toBeDefined();
    expect((followUp?.due_at?.getTime() ?? 0) - Date.now()).toBeLessThanOrEqual(24 * 3600_000);
    // On the account's page, among its open work.
    await page.getByText(`Follow up on the NPS response — ${target.accountName}`).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows a CSM on a phone the themes their clients raise, down to one theme', async () => {
    session = await openSteward('csm@demo.steward.dev', phone);
    const { page, server } = session;
    await page.goto(`${server.url}/accounts`);
    const sentence = page.getByRole('link', { name: /customers asked for .* in the last 30 days/ });
    await sentence.waitFor();
    await page.goto(`${server.url}/feedback`);
    await page.getByRole('heading', { level: 1, name: 'Feedback' }).waitFor();
    const themes = page.getByRole('list', { name: 'Themes' });
    await themes.getByRole('link').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await themes.getByRole('link').first().tap();
    await page.getByRole('link', { name: /All themes/ }).waitFor();
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('lets a CSM on a phone correct feedback: words, kind, account, priority, status, speaker', async () => {
    session = await openSteward('csm@demo.steward.dev', phone);
    const { page, server } = session;
    const api = await apiAs(session);
    const mine = await api.GET('/api/v1/accounts', {
      params: { query: { owner: 'me', sort: 'name', limit: 100 } },
    });
    const [first, second] = mine.data?.items ?? [];
    if (!first || !second) throw new Error('the demo CSM has fewer than two clients');
    const said = `They want a Gantt view of onboarding plans ${randomBytes(3).toString('hex')}`;
    const speaker = `Dana Whitfield ${randomBytes(3).toString('hex')}`;
    const added = await api.POST('/api/v1/accounts/{id}/contacts', {
      params: { path: { id: second.id } },
      body: { name: speaker },
    });
    if (!added.data) throw new Error('no contact added');

    await page.goto(`${server.url}/feedback`);
    await page.getByRole('button', { name: /Log feedback/ }).click();
    const logging = page.getByRole('dialog', { name: 'Log feedback' });
    await logging.getByLabel('Account', { exact: true }).selectOption(first.id);
    await logging.getByLabel('What the customer said').fill(said);
    await logging.getByRole('button', { name: 'Log it' }).click();
    await logging.getByRole('status').waitFor();
    await logging.getByRole('button', { name: 'Close' }).first().click();

    await page.goto(`${server.url}/accounts/${first.id}`);
    await page.getByRole('button', { name: `Edit the feedback “${said}”` }).click();
    const editing = page.getByRole('dialog', { name: 'Edit feedback' });
    // Only spaces: the browser lets it through, the server refuses it on its field.
    await editing.getByLabel('What the customer said').fill('   ');
    await editing.getByLabel('Type').selectOption('bug');
    await editing.getByLabel('Priority').selectOption('high');
    await editing.getByLabel('Status').selectOption('planned');
    await editing.getByRole('button', { name: 'Save changes' }).click();
    await editing.getByRole('alert').filter({ hasText: 'write what the customer said' }).waitFor();
    expect(await editing.getByLabel('Type').inputValue()).toBe('bug');
    expect(await editing.getByLabel('Priority').inputValue()).toBe('high');
    expect(await editing.getByLabel('Status').inputValue()).toBe('planned');
    expect(await seriousViolations(page)).toEqual([]);

    const corrected = `${said}, and the export to PDF fails`;
    await editing.getByLabel('What the customer said').fill(corrected);
    await editing.getByLabel('Account', { exact: true }).selectOption(second.id);
    // The contacts offered are the new account's.
    await editing.getByLabel('Who said it').selectOption({ label: speaker });
    // On a phone the whole form, down to its button, is within reach without side-scrolling.
    const save = editing.getByRole('button', { name: 'Save changes' });
    const box = await save.boundingBox();
    expect((box?.x ?? -1) + (box?.width ?? 0)).toBeLessThanOrEqual(phone.width);
    await save.click();
    await editing.waitFor({ state: 'detached' });

    const { data } = await api.GET('/api/v1/feedback', {
      params: { query: { accountId: second.id, limit: 5 } },
    });
    expect(data?.items.find((i) => i.text === corrected)).toMatchObject({
      accountId: second.id,
      type: 'bug',
      priority: 'high',
      status: 'planned',
      contact: { id: added.data.id, name: speaker },
    });
    await page.goto(`${server.url}/accounts/${second.id}`);
    const row = page
      .getByRole('region', { name: 'Feedback and NPS' })
      .getByRole('listitem')
      .filter({ hasText: `“${corrected}”` });
    await row.getByText(speaker).waitFor();
    await row.getByText('High priority').waitFor();
    await row.getByText('Planned', { exact: true }).waitFor();
  });

  it('lets a manager change a roadmap item, keeping what was typed when refused', async () => {
    session = await openSteward('manager@demo.steward.dev');
    const { page, server } = session;
    const api = await apiAs(session);
    const title = `Gantt view ${randomBytes(3).toString('hex')}`;
    const created = await api.POST('/api/v1/roadmap-items', {
      body: { title, status: 'considering', targetQuarter: '2027-Q3' },
    });
    expect(created.response.status).toBe(201);

    await page.goto(`${server.url}/roadmap`);
    await page.getByRole('button', { name: `Edit “${title}”` }).click();
    const form = page.locator('form').filter({ has: page.getByLabel('Description') });
    await form.getByRole('textbox', { name: 'Title', exact: true }).fill(`${title} for onboarding`);
    await form.getByLabel('Description').fill('Plans laid out week by week');
    await form.getByLabel('Status').selectOption('in_progress');
    await form.getByLabel('Target quarter').fill('2027-Q5');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await form.getByRole('alert').filter({ hasText: 'a quarter such as 2027-Q1' }).waitFor();
    expect(await form.getByRole('textbox', { name: 'Title', exact: true }).inputValue()).toBe(
      `${title} for onboarding`,
    );
    expect(await seriousViolations(page)).toEqual([]);

    await form.getByLabel('Target quarter').fill('2027-Q2');
    await form.getByRole('button', { name: 'Save changes' }).click();
    const item = page.getByRole('listitem').filter({ hasText: `${title} for onboarding` });
    await item.getByText('Plans laid out week by week').waitFor();
    await item.getByText('In progress').waitFor();
    await item.getByText('2027-Q2').waitFor();
    const saved = await api.GET('/api/v1/roadmap-items/{id}', {
      params: { path: { id: created.data?.id ?? '' } },
    });
    expect(saved.data).toMatchObject({
      title: `${title} for onboarding`,
      description: 'Plans laid out week by week',
      status: 'in_progress',
      targetQuarter: '2027-Q2',
    });
  });
});
