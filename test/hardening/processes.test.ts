// Several Steward processes on one PostgreSQL, as operations.md tells an operator to run them:
// two `--role web` and two `--role worker`. A person signed in on one web process is signed in
// on the other; an SLA step and its notification fire once however many workers there are; a
// worker that dies midway through a job loses nothing; and SIGTERM ends a process with an open
// inbox stream promptly.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { testDeps, useTestDatabase } from '../support/db.ts';
import { makeAccount, makeUser, makeWorkspace, testPassword } from '../support/factories.ts';
import { createSlaPolicy } from '../../src/modules/notify/index.ts';
import { startStewardProcess, type StewardProcess } from './stewardProcess.ts';

const database = await useTestDatabase();
const deps = testDeps(database);
const running: StewardProcess[] = [];
afterAll(() => {
  for (const steward of running) steward.child.kill('SIGKILL');
});

async function start(role: 'all' | 'web' | 'worker') {
  const steward = await startStewardProcess({ databaseUrl: database.url, role });
  running.push(steward);
  return steward;
}

async function signIn(url: string, email: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email, password: testPassword }),
  });
  expect(response.status).toBe(200);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean) {
  const deadline = Date.now() + 45_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const workspace = await makeWorkspace(database.db);
const manager = await makeUser(database.db, workspace.id, { role: 'manager' });
const csm = await makeUser(database.db, workspace.id, { managerId: manager.id });
const account = await makeAccount(database.db, workspace.id, {
  priority: 'P0',
  owner_id: csm.id,
});

const stepsOf = (taskId: string) =>
  sql<{ step: number; kind: string; copies: number }>`
    select step, kind, count(*)::int as copies from escalations
    where task_id = ${taskId} group by step, kind order by step`
    .execute(database.db)
    .then((r) => r.rows);

const escalationNotices = (taskId: string) =>
  sql<{ n: number }>`
    select count(*)::int as n from notifications
    where task_id = ${taskId} and user_id = ${manager.id} and kind = 'escalation'`
    .execute(database.db)
    .then((r) => r.rows[0]?.n ?? 0);

describe('SIGTERM', () => {
  it('closes an open inbox stream, stops the worker and exits within the time limit', async () => {
    const steward = await start('all');
    const cookie = await signIn(steward.url, csm.email);
    const stream = await fetch(`${steward.url}/api/v1/notifications/stream`, {
      headers: { cookie },
    });
    expect(stream.status).toBe(200);
    const reader = stream.body?.getReader();
    const first = await reader?.read();
    expect(new TextDecoder().decode(first?.value)).toContain('event: inbox');

    const asked = Date.now();
    steward.child.kill('SIGTERM');
    const exit = await Promise.race([
      steward.exited,
      new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 12_000)),
    ]);
    const tookMs = Date.now() - asked;
    expect(exit).toBe(0);
    expect(tookMs).toBeLessThan(8_000);
    // The client sees its stream end (and would reconnect to another process).
    await expect(
      (async () => {
        for (;;) if ((await reader?.read())?.done !== false) return 'ended';
      })().catch(() => 'ended'),
    ).resolves.toBe('ended');
  }, 60_000);
});

describe('two web processes and two workers on one database', () => {
  it('serves a person on either web process and fires each SLA step and its notification once, also when a worker dies midway', async () => {
    const [web1, web2, worker1, worker2] = await Promise.all([
      start('web'),
      start('web'),
      start('worker'),
      start('worker'),
    ]);
    await createSlaPolicy(
      deps,
      { workspaceId: workspace.id },
      {
        name: 'P0 untouched, quickly',
        match: { accountPriority: ['P0'], taskPriority: [], tags: [], tier: [], projectKind: [] },
        metric: 'untouchedFor',
        threshold: 'PT4S',
        warnAt: 0.5,
        chain: [{ notify: 'manager' }],
        businessHours: null,
        enabled: true,
      },
    );

    // Signed in on one web process, working on the other.
    const cookie = await signIn(web1.url, csm.email);
    const me = await fetch(`${web2.url}/api/v1/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    const createTask = async (title: string) => {
      const created = await fetch(`${web2.url}/api/v1/tasks`, {
        method: 'POST',
        headers: { cookie, origin: web2.url, 'content-type': 'application/json' },
        body: JSON.stringify({ title, accountId: account.id, assigneeId: csm.id }),
      });
      expect(created.status).toBe(201);
      return ((await created.json()) as { id: string }).id;
    };

    const first = await createTask('Configure SSO');
    const fired = await until(
      'the SLA steps of the first task',
      () => stepsOf(first),
      (steps) => steps.length >= 3,
    );
    // Both workers had the chance to run each step: none ran twice.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await stepsOf(first)).toEqual(fired);
    expect(fired).toEqual([
      { step: 0, kind: 'warning', copies: 1 },
      { step: 1, kind: 'breach', copies: 1 },
      { step: 2, kind: 'escalation', copies: 1 },
    ]);
    expect(await escalationNotices(first)).toBe(1);

    // Both workers die with SIGKILL, the second having taken the jobs queued meanwhile (here,
    // the second task's SLA work): a worker started later runs them, each once.
    worker1.child.kill('SIGKILL');
    worker2.child.kill('SIGKILL');
    await Promise.all([worker1.exited, worker2.exited]);
    const second = await createTask('Import the contacts');
    const { numAffectedRows: taken = 0n } = await sql`
      update graphile_worker._private_jobs
      set locked_by = ${`worker-${randomUUID()}`}, locked_at = now() - interval '1 minute'
      where locked_at is null`.execute(database.db);
    expect(taken).toBeGreaterThan(0n);
    const worker3 = await start('worker');
    const recovered = await until(
      'the SLA steps of the task whose worker died',
      () => stepsOf(second),
      (steps) => steps.length >= 3,
    );
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(recovered.map((s) => s.copies)).toEqual([1, 1, 1]);
    // Its notices may join the first task's (grouped per account), but none is sent twice.
    const { rows: twice } = await sql`
      select task_id, user_id, kind from notifications where workspace_id = ${workspace.id}
      group by task_id, user_id, kind having count(*) > 1`.execute(database.db);
    expect(twice).toEqual([]);
    expect(worker3.child.exitCode).toBeNull();
  }, 120_000);
});
