// A CSM on a phone: save a demo onboarding project as a template, start that template for
// another of their clients from the Templates page, and complete the new project's first task.
import { mkdir } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { openSteward, phone, type BrowserSession } from './support.ts';

let session: BrowserSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail', context.task.name);
  session = undefined;
});

/** The API as the signed-in person, for finding ids the test navigates by. */
async function apiAs<T>(session: BrowserSession, path: string): Promise<T> {
  const cookies = await session.context.cookies(session.server.url);
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const response = await fetch(`${session.server.url}${path}`, { headers: { cookie } });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return (await response.json()) as T;
}

type Projects = { items: { id: string; name: string; kind: string }[] };
type Accounts = { items: { id: string; name: string }[] };

describe('work on a phone', () => {
  it('saves a project as a template, starts it for another client and completes a task', async () => {
    await mkdir('test-results', { recursive: true });
    const csm = await openSteward('csm@demo.steward.dev', phone);
    session = csm;
    const { page, server } = csm;
    const { items: mine } = await apiAs<Accounts>(csm, '/api/v1/accounts?owner=me&limit=100');
    const withProjects = await Promise.all(
      mine.map(async (account) => ({
        account,
        projects: (await apiAs<Projects>(csm, `/api/v1/accounts/${account.id}/projects`)).items,
      })),
    );
    // An onboarding project (health plays open renewal projects for some clients too).
    const onboarding = (entry: (typeof withProjects)[number]) =>
      entry.projects.find((p) => p.kind === 'onboarding');
    const source = withProjects.find(onboarding);
    const other = withProjects.find((entry) => entry.projects.length === 0)?.account;
    const project = source && onboarding(source);
    if (!source || !project || !other)
      throw new Error('the demo CSM needs a client with a project and one without');

    // The account page's open work leads to the demo project.
    await page.goto(`${server.url}/accounts/${source.account.id}`);
    await page.getByRole('link', { name: project.name }).first().click();
    await page.getByRole('heading', { level: 1, name: project.name }).waitFor();

    // Save it as a template.
    const templateName = `Phone onboarding ${Date.now()}`;
    await page.getByRole('button', { name: 'Save as template' }).click();
    await page.getByLabel('Template name').fill(templateName);
    await page.getByRole('button', { name: 'Save template' }).click();
    await page.getByText(`Saved as the template “${templateName}”.`).waitFor();

    // Start it for another client from the Templates page.
    await page.goto(`${server.url}/templates`);
    await page.getByRole('heading', { level: 1, name: 'Templates' }).waitFor();
    await page.getByRole('button', { name: `Use template “${templateName}”` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Find an account').fill(other.name);
    await dialog.getByRole('checkbox', { name: other.name }).check();
    await dialog.getByRole('button', { name: 'Start project' }).click();

    // The new project opens: complete its first task in two taps.
    await page.waitForURL(
      (url) => url.pathname.startsWith('/projects/') && !url.pathname.includes(project.id),
    );
    await page.getByRole('link', { name: other.name }).first().waitFor();
    const first = 'Review the sales hand-off notes';
    const todo = page.getByRole('region', { name: /^To do/ });
    await todo.getByRole('button', { name: first, exact: true }).waitFor();
    await page.screenshot({ path: 'test-results/work-phone-board.png', fullPage: false });
    // A task that waits on another cannot be done yet: the server says why.
    const second = 'Send the welcome e-mail';
    await todo.getByRole('button', { name: `Status of “${second}”: To do. Change` }).click();
    await page.getByRole('button', { name: 'Done', exact: true }).click();
    await expect.poll(() => todo.getByRole('alert').first().textContent()).toMatch(/hand-off/i);

    await todo.getByRole('button', { name: `Status of “${first}”: To do. Change` }).click();
    await page.getByRole('button', { name: 'Done', exact: true }).click();

    const done = page.getByRole('region', { name: /^Done/ });
    await done.getByRole('button', { name: first, exact: true }).waitFor();
    await expect
      .poll(() => done.getByRole('button', { name: `Status of “${first}”: Done. Change` }).count())
      .toBe(1);
    await done.getByRole('button', { name: first, exact: true }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/work-phone-done.png', fullPage: false });
  });
});
