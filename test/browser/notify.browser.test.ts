// Notifications in the browser: on a phone, the demo CSM watches a mention arrive in the inbox
// live, marks it read and opens the task it is about, and links their Slack account in their settings with a code typed in
// Slack; an administrator writes an SLA policy and is told, beside the field, what is wrong
// with its threshold.
import { Logger, runTaskListOnce } from 'graphile-worker';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { toTaskList } from '../../src/jobs/registry.ts';
import { notifyJobs } from '../../src/modules/notify/index.ts';
import type { TestServer } from '../support/server.ts';
import { slackSignature, slackTestSecret } from '../support/slack.ts';
import { InboxPage } from './pages/InboxPage.ts';
import { SlaPolicyEditor } from './pages/SlaPolicyEditor.ts';
import {
  apiAs,
  demoPassword,
  laptop,
  openSteward,
  phone,
  seriousViolations,
  type BrowserSession,
} from './support.ts';

const silent = new Logger(() => () => {});
let session: BrowserSession | undefined;
afterEach(async (context) => {
  await session?.close(context.task.result?.state === 'fail', context.task.name);
  session = undefined;
});

/** Routes the queued events to people, as the worker would (the test server runs none). */
async function routeNotifications(server: TestServer) {
  const pool = new pg.Pool({ connectionString: server.deps.config.databaseUrl, max: 1 });
  const client = await pool.connect();
  try {
    const routing = { notification__route: notifyJobs.notification__route };
    await runTaskListOnce({ logger: silent }, toTaskList(server.deps, routing), client).promise;
  } finally {
    client.release();
    await pool.end();
  }
}

/** The demo manager comments on a task, as their own browser would. */
async function commentAsManager(server: TestServer, taskId: string, body: string) {
  const headers = { 'content-type': 'application/json', origin: server.url };
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ email: 'manager@demo.steward.dev', password: demoPassword }),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const answer = await fetch(`${server.url}/api/v1/tasks/${taskId}/comments`, {
    method: 'POST',
    headers: { ...headers, cookie },
    body: JSON.stringify({ body }),
  });
  expect(answer.status).toBe(201);
}

describe('notifications', () => {
  // The first browser test of a run may seed the run's demo template: more than 30 s.
  it(
    'shows a CSM on a phone a mention the moment it arrives, and marks it read',
    { timeout: 120_000 },
    async () => {
      session = await openSteward('csm@demo.steward.dev', phone);
      const { page, server } = session;
      const inbox = new InboxPage(page);
      await inbox.open(server.url);
      // The demo's own: the manager's urgent task and question, unread.
      await inbox
        .item(/exec sponsor/)
        .first()
        .waitFor();
      // What the demo's seed left queued (health changes, plays) arrives first, as a worker
      // would route it; then the count settles at what the server says.
      const api = await apiAs(session);
      await routeNotifications(server);
      const { data: settled } = await api.GET('/api/v1/notifications', { params: { query: {} } });
      const before = settled?.unreadCount ?? Number.NaN;
      expect(before).toBeGreaterThan(0);
      await expect.poll(() => inbox.unreadCount()).toBe(before);

      const { data: work } = await api.GET('/api/v1/my-work');
      const task = [
        ...(work?.today.items ?? []),
        ...(work?.overdue.items ?? []),
        ...(work?.later.items ?? []),
      ].find((open) => open.projectId);
      if (!task?.projectId) throw new Error('the demo CSM needs an open task in a project');
      const question = '@csm the customer asked for a call tomorrow at 10';
      await commentAsManager(server, task.id, question);
      await routeNotifications(server);

      // No reload: the stream brings it in, and the count in the shell goes up.
      const title = `Morgan Lee mentioned you on “${task.title}” (${task.accountName})`;
      const arrived = inbox.item(question);
      await arrived.waitFor();
      await expect.poll(() => inbox.unreadCount()).toBe(before + 1);
      expect(await arrived.getByText(title).count()).toBe(1);
      expect(await arrived.getByText('Unread', { exact: true }).count()).toBe(1);
      await page.screenshot({ path: 'test-results/notify-phone-inbox.png' });

      await arrived.getByRole('button', { name: `Mark “${title}” read` }).click();
      await expect.poll(() => arrived.getByText('Unread', { exact: true }).count()).toBe(0);
      await expect.poll(() => inbox.unreadCount()).toBe(before);

      // The mention opens the task it is about, with the question in its thread.
      await arrived.getByRole('link', { name: 'Open the task' }).click();
      const detail = page.getByRole('dialog', { name: task.title });
      await detail.getByText(question).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/projects/${task.projectId}`);
      expect(new URL(page.url()).searchParams.get('task')).toBe(task.id);
      // Back goes to the inbox, not to the project with the task closed.
      await page.goBack();
      await arrived.waitFor();
    },
  );

  it(
    'lets an admin write an SLA policy, naming the bad duration beside its field',
    { timeout: 120_000 },
    async () => {
      session = await openSteward('admin@demo.steward.dev', phone);
      const { page, server } = session;
      const editor = new SlaPolicyEditor(page);
      await editor.openList(server.url);
      // The demo's policy from the interview.
      await editor
        .policies()
        .filter({ hasText: 'P0 account task untouched for 2 hours' })
        .waitFor();

      await editor.startNew();
      await editor.fill('Name', 'Enterprise first response');
      await editor.check('Account tier', 'Enterprise');
      await page.getByLabel('Measure').selectOption('firstResponse');
      // Two and a half hours: the threshold is a whole number of its unit.
      await editor.fill('Threshold', '2.5');
      await editor.save();
      await expect
        .poll(() => editor.fieldError('Threshold').textContent())
        .toMatch(/whole number of minutes, hours or days/);
      expect(await page.getByRole('alert').count()).toBe(1);
      await editor.fieldError('Threshold').scrollIntoViewIfNeeded();
      await page.screenshot({ path: 'test-results/notify-phone-sla-editor.png' });

      await editor.fill('Threshold', '4');
      await editor.save();
      await page.waitForURL((url) => url.pathname === '/sla-policies');
      const saved = editor.policies().filter({ hasText: 'Enterprise first response' });
      await saved.getByText('No first response within 4 hours').waitFor();
      // The unit goes with the amount: 1 day is written as the server reads it.
      await saved.getByRole('link', { name: 'Edit Enterprise first response' }).click();
      await page.getByLabel('Threshold: unit').selectOption('day');
      await editor.fill('Threshold', '1');
      await editor.save();
      await page.waitForURL((url) => url.pathname === '/sla-policies');
      await saved.getByText('No first response within 1 day').waitFor();
      expect(await saved.getByText('Enterprise').count()).toBeGreaterThan(0);
    },
  );
});

describe('notification settings', () => {
  it(
    'lets a CSM on a phone link their Slack account with a one-time code typed in Slack, then unlink it',
    { timeout: 120_000 },
    async () => {
      session = await openSteward('csm@demo.steward.dev', phone);
      const { page, server } = session;
      // The server takes Slack's commands signed with the test secret, as a real install would.
      server.deps.config.slackSigningSecret = slackTestSecret;
      await page.goto(`${server.url}/settings/notifications`);
      const card = page.getByRole('region', { name: 'Slack' });
      await card.getByText('Your Slack account is not linked.').waitFor();
      // A member ID is no longer typed anywhere.
      expect(await page.getByLabel('Your Slack member ID').count()).toBe(0);

      await card.getByRole('button', { name: 'Link Slack' }).click();
      const command = card.locator('code');
      await command.waitFor();
      const typed = (await command.textContent()) ?? '';
      expect(typed).toMatch(/^\/steward link [0-9A-Z]{4}-[0-9A-Z]{4}$/);
      await card.getByText('Waiting for Slack…', { exact: false }).waitFor();
      await page.screenshot({ path: 'test-results/notify-phone-slack-link-code.png' });

      // Typed in Slack by member U012AB3CD of team T0DEMO0001.
      const body = new URLSearchParams({
        command: '/steward',
        text: typed.replace('/steward ', ''),
        user_id: 'U012AB3CD',
        team_id: 'T0DEMO0001',
      }).toString();
      const reply = await fetch(`${server.url}/slack/commands`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          ...slackSignature(body, { clock: server.deps.clock }),
        },
        body,
      });
      expect(((await reply.json()) as { text: string }).text).toContain('Linked:');

      // The screen sees the link without a reload.
      await card
        .getByText('Linked to Slack member U012AB3CD (Slack workspace T0DEMO0001).')
        .waitFor();
      await page.screenshot({ path: 'test-results/notify-phone-slack-linked.png' });
      const api = await apiAs(session);
      expect((await api.GET('/api/v1/me/notification-preferences')).data?.slackMemberId).toBe(
        'U012AB3CD',
      );

      await card.getByRole('button', { name: 'Unlink' }).click();
      await card.getByText('Your Slack account is not linked.').waitFor();
      expect((await api.GET('/api/v1/me/slack-link')).data?.linked).toBeNull();
    },
  );
});

describe('notification screens', () => {
  it.each(['light', 'dark'] as const)(
    'have no serious accessibility violations in %s mode',
    // Four pages, each analysed by axe: slow on a busy two-core machine.
    { timeout: 180_000 },
    async (scheme) => {
      session = await openSteward('manager@demo.steward.dev', laptop, { colorScheme: scheme });
      const { page, server } = session;
      const found: string[] = [];
      for (const path of ['/inbox', '/escalations', '/sla-policies', '/settings/notifications']) {
        await page.goto(`${server.url}${path}`);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await page.waitForLoadState('networkidle');
        found.push(...(await seriousViolations(page)).map((v) => `${path} ${v}`));
      }
      expect(found).toEqual([]);
    },
  );
});
