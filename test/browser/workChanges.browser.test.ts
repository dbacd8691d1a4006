// A CSM on a phone changes the work they started: renames a project and sets the day it should
// be done by (a day before its start refused under the field, nothing typed lost), and deletes a
// task after a second tap that says what goes with it. A viewer is offered neither, yet can
// answer a mention of them with "Got it".
import { mkdir } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { SignInPage } from './pages/SignInPage.ts';
import { apiAs, demoPassword, openSteward, phone, type BrowserSession } from './support.ts';

let session: BrowserSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail', context.task.name);
  session = undefined;
});

describe('changing work on a phone', () => {
  it('edits a project and deletes a task the CSM started; a viewer sees neither action and acknowledges a mention', async () => {
    await mkdir('test-results', { recursive: true });
    session = await openSteward('csm@demo.steward.dev', phone);
    const { page, server } = session;
    const csm = await apiAs(session);

    // The CSM starts a project from a template for one of their clients.
    const { data: mine } = await csm.GET('/api/v1/accounts', {
      params: { query: { owner: 'me', limit: 1 } },
    });
    const { data: templates } = await csm.GET('/api/v1/templates');
    const account = mine?.items[0];
    const template = templates?.items.find((item) => item.name === 'Enterprise onboarding');
    if (!account || !template) throw new Error('the demo CSM needs a client and the template');
    const startDate = new Date().toISOString().slice(0, 10);
    const started = await csm.POST('/api/v1/templates/{id}/instantiate', {
      params: { path: { id: template.id } },
      body: { accountId: account.id, startDate, name: `${account.name} rollout` },
    });
    expect(started.response.status).toBe(201);
    const project = started.data;
    const handOff = project?.tasks.find((t) => t.title === 'Review the sales hand-off notes');
    if (!project || !handOff) throw new Error('the template starts with the hand-off review');
    await csm.POST('/api/v1/tasks/{id}/comments', {
      params: { path: { id: handOff.id } },
      body: { body: 'Hand-off notes are in the CRM.' },
    });

    await page.goto(`${server.url}/projects/${project.id}`);
    await page.getByRole('heading', { level: 1, name: project.name }).waitFor();

    // Rename it and give it a day before its start: refused under the field, the name kept.
    const newName = `${account.name} go-live`;
    await page.getByRole('button', { name: 'Edit project' }).tap();
    const form = page.getByRole('dialog', { name: 'Edit the project' });
    await form.getByLabel('Name').fill(newName);
    const doneBy = form.getByLabel('To be done by');
    await doneBy.fill('2020-01-31');
    await form.getByRole('button', { name: 'Save' }).tap();
    await expect
      .poll(() => form.getByRole('alert').textContent())
      .toMatch(/^must be on or after the project start/);
    expect(await form.getByLabel('Name').inputValue()).toBe(newName);
    await page.screenshot({ path: 'test-results/work-phone-edit-project.png' });
    const targetDate = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    await doneBy.fill(targetDate);
    await form.getByRole('button', { name: 'Save' }).tap();
    await form.waitFor({ state: 'detached' });
    await page.getByRole('heading', { level: 1, name: newName }).waitFor();
    await page.getByText(/to be done by/).waitFor();

    // Delete the hand-off review: the second tap says what goes with it. The board's first
    // column holds the tasks nobody has started.
    const notStarted = page.getByRole('region', { name: 'Board' }).getByRole('region').first();
    await notStarted.getByRole('button', { name: handOff.title, exact: true }).tap();
    const detail = page.getByRole('dialog', { name: handOff.title });
    await detail.getByRole('button', { name: 'Delete task' }).tap();
    const ask = detail.getByRole('region', { name: 'Delete this task?' });
    await ask.getByText('Its 1 comment goes with it.').waitFor();
    await ask.getByText('1 task waiting on it will no longer wait.').waitFor();
    await ask.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/work-phone-delete-task.png' });
    await ask.getByRole('button', { name: `Delete “${handOff.title}”` }).tap();
    await detail.waitFor({ state: 'detached' });
    await expect
      .poll(() => notStarted.getByRole('button', { name: handOff.title, exact: true }).count())
      .toBe(0);

    // The server agrees: the task is gone everywhere, the project changed.
    const gone = await csm.GET('/api/v1/tasks/{id}', { params: { path: { id: handOff.id } } });
    expect(gone.response.status).toBe(404);
    const { data: after } = await csm.GET('/api/v1/projects/{id}', {
      params: { path: { id: project.id } },
    });
    expect(after).toMatchObject({ name: newName, targetDate });
    expect(after?.tasks.map((t) => t.id)).not.toContain(handOff.id);
    expect(after?.tasks.find((t) => t.title === 'Send the welcome e-mail')?.blockedBy).toEqual([]);
    const { data: accountTasks } = await csm.GET('/api/v1/tasks', {
      params: { query: { accountId: account.id } },
    });
    expect(accountTasks?.items.map((t) => t.id)).not.toContain(handOff.id);

    // A viewer, asked about the kickoff call, opens it: no edit, no delete, but "Got it".
    const kickoff = after?.tasks.find((t) => t.title === 'Hold the kickoff call');
    if (!kickoff) throw new Error('the template has a kickoff call');
    const asked = await csm.POST('/api/v1/tasks/{id}/comments', {
      params: { path: { id: kickoff.id } },
      body: { body: '@riley.chen can you join the kickoff?' },
    });
    expect(asked.data?.mentions.map((m) => m.name)).toEqual(['Riley Chen']);
    await session.context.clearCookies();
    const signIn = new SignInPage(page);
    await signIn.open(server.url);
    await signIn.signIn('riley.chen@demo.steward.dev', demoPassword);
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await page.goto(`${server.url}/projects/${project.id}`);
    await page.getByRole('heading', { level: 1, name: newName }).waitFor();
    await notStarted.getByRole('button', { name: kickoff.title, exact: true }).tap();
    const read = page.getByRole('dialog', { name: kickoff.title });
    await read.getByText('You are mentioned here.').waitFor();
    expect(await page.getByRole('button', { name: 'Edit project' }).count()).toBe(0);
    expect(await read.getByRole('button', { name: 'Delete task' }).count()).toBe(0);
    await read.getByRole('button', { name: 'Got it' }).tap();
    await read.getByText('You are mentioned here.').waitFor({ state: 'detached' });
    const { data: thread } = await csm.GET('/api/v1/tasks/{id}/comments', {
      params: { path: { id: kickoff.id } },
    });
    expect(thread?.items[0]?.mentions[0]?.acknowledgedAt).not.toBeNull();
  });
});
