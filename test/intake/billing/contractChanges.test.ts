// Contracts move scores as live billing does: a contracts file (POST /contracts/import) and a
// CRM sync's contracts (POST /bulk-upsert) announce the accounts whose contracts they created
// or changed (accounts' changed set), and health's job rescores them, with the real worker.
// The same contracts again announce nothing. A file written beside other announcements (a
// ticket's transaction, the tracking intake's after its batch) commits beside them, and so
// does another file naming its contracts' accounts differently.
import { sql } from 'kysely';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { stewardTasks } from '../../../src/jobs/tasks.ts';
import type { AccountId, WorkspaceId } from '../../../src/lib/ids.ts';
import { addTimelineEvent, markAccountsChanged } from '../../../src/modules/accounts/index.ts';
import { origin, sessionCookieOf, testApp } from '../../support/client.ts';
import { useTestDeps } from '../../support/deps.ts';
import { makeAccount, makeUser, makeWorkspace, testPassword } from '../../support/factories.ts';
import {
  changedAccounts,
  changedAccountsJobWaiting,
  runTasksOnce,
  untilWaitingForLock,
} from '../../support/jobs.ts';

// The wake-up job is due a second after the database's "now": the test clock runs ahead of it.
const { deps, clock, database } = await useTestDeps(new Date(Date.now() + 60_000).toISOString());
const { db } = deps;
/** What the server logged as an unexpected error, read into a failed request's message. */
const logged: string[] = [];
const app = testApp({
  ...deps,
  logger: pino({ level: 'error' }, { write: (entry: string) => void logged.push(entry) }),
});

/** A request that failed: its status, and the server's errors meanwhile (a 500's cause). */
function failed(what: string, status: number, body: unknown): Error {
  const causes = logged
    .splice(0)
    .map((entry) => (JSON.parse(entry) as { err?: { message?: string } }).err?.message);
  return new Error(`${what} answered ${status}: ${JSON.stringify(body)} (${causes.join('; ')})`);
}

let workspaceId: WorkspaceId;
let cookie: string;

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  workspaceId = (await makeWorkspace(db)).id;
  const admin = await makeUser(db, workspaceId, { role: 'admin' });
  cookie = await sessionCookieOf(app, admin.email, testPassword);
});

afterAll(() => {
  vi.useRealTimers();
});

/** Every due job, as a worker runs them, at the test clock's "now". */
async function runWorker() {
  vi.setSystemTime(clock.now());
  await runTasksOnce(database.pool, stewardTasks(deps), { useNodeTime: true });
}

type Customer = { id: AccountId; external: string };

/** A contract line: its id, its account, $`mrr` a month from January to `end`. */
const line = (contract: string, account: Customer, mrr: number, end = '2027-12-31') =>
  `${contract},${account.external},Pro,${mrr},USD,2026-01-01,${end},active`;

const header = 'contract_id,account_external_id,plan,mrr,currency,start_date,end_date,status';

/** Uploads a contracts file, all or nothing, as an admin does; answers its summary. */
async function importFile(lines: string[]) {
  const response = await app.request(`${origin}/api/v1/contracts/import`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', origin, cookie },
    body: [header, ...lines].join('\n'),
  });
  const body: unknown = await response.json();
  if (response.status !== 200) throw failed('the import', response.status, body);
  return body as { created: number; updated: number; unchanged: number };
}

/** A CRM sync's page of contracts through the bulk upsert; answers its contract counts. */
async function syncContracts(contracts: { contract: string; account: Customer; mrr: number }[]) {
  const response = await app.request(`${origin}/api/v1/bulk-upsert`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin, cookie },
    body: JSON.stringify({
      contracts: contracts.map(({ contract, account, mrr }) => ({
        externalId: contract,
        accountExternalId: account.external,
        plan: 'Pro',
        mrr: { amount: mrr * 100, currency: 'USD' },
        startDate: '2026-01-01',
        endDate: '2027-12-31',
        status: 'active',
      })),
      allOrNothing: true,
    }),
  });
  const body: unknown = await response.json();
  if (response.status !== 200) throw failed('the sync', response.status, body);
  return (body as { contracts: { created: number; updated: number; unchanged: number } }).contracts;
}

const scoredAt = async (accountId: string) =>
  (
    await db
      .selectFrom('health_scores')
      .select('computed_at')
      .where('account_id', '=', accountId)
      .executeTakeFirst()
  )?.computed_at ?? null;

/** A customer scored as it stands, with nothing waiting to be rescored. */
async function scoredAccount(): Promise<Customer> {
  const account = await makeAccount(db, workspaceId, { seats: 8 });
  await markAccountsChanged(db, workspaceId, account.id);
  await runWorker();
  expect(await scoredAt(account.id)).toEqual(clock.now());
  expect(await changedAccounts(db, workspaceId)).toEqual([]);
  clock.advance(600_000);
  return { id: account.id, external: account.external_id ?? '' };
}

/** Two customers, the first in account id order first. */
async function twoAccounts(): Promise<[Customer, Customer]> {
  const pair = [await scoredAccount(), await scoredAccount()];
  pair.sort((a, b) => a.id.localeCompare(b.id));
  return [pair[0] as Customer, pair[1] as Customer];
}

describe('contracts rescore their accounts', () => {
  it('rescores an account once the worker runs after a file gives it a contract', async () => {
    const account = await scoredAccount();
    expect(await importFile([line('rescore-1', account, 1000)])).toMatchObject({ created: 1 });
    expect(await changedAccounts(db, workspaceId)).toEqual([account.id]);
    await runWorker();
    expect(await scoredAt(account.id)).toEqual(clock.now());
    expect(await changedAccounts(db, workspaceId)).toEqual([]);
  });

  it('announces nothing when the same contracts come again, and only the account whose contract changed when one does', async () => {
    const [first, second] = await twoAccounts();
    const file = [line('again-1', first, 500), line('again-2', second, 700)];
    expect(await importFile(file)).toMatchObject({ created: 2 });
    expect(await changedAccounts(db, workspaceId)).toEqual([first.id, second.id]);
    await runWorker();
    expect(await changedAccounts(db, workspaceId)).toEqual([]);
    expect(await changedAccountsJobWaiting(db, workspaceId)).toBe(false);

    clock.advance(600_000);
    expect(await importFile(file)).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(await syncContracts([{ contract: 'again-1', account: first, mrr: 500 }])).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 1,
    });
    expect(await changedAccounts(db, workspaceId)).toEqual([]);
    expect(await changedAccountsJobWaiting(db, workspaceId)).toBe(false);

    // The second renews a year later at the same price: no MRR moves, but its renewal date
    // (which churn risk reads) does.
    const renewed = [line('again-1', first, 500), line('again-2', second, 700, '2028-12-31')];
    expect(await importFile(renewed)).toMatchObject({ updated: 1, unchanged: 1 });
    expect(await changedAccounts(db, workspaceId)).toEqual([second.id]);
    await runWorker();
    expect(await scoredAt(second.id)).toEqual(clock.now());

    // A CRM sync's price change rescores its account too.
    clock.advance(600_000);
    expect(await syncContracts([{ contract: 'again-1', account: first, mrr: 650 }])).toMatchObject({
      updated: 1,
    });
    expect(await changedAccounts(db, workspaceId)).toEqual([first.id]);
    await runWorker();
    expect(await scoredAt(first.id)).toEqual(clock.now());
  });
});

describe('contracts written beside other announcements', () => {
  it("commits a contracts file beside a ticket's transaction on one of its accounts", async () => {
    const [early, late] = await twoAccounts();
    const outcome = await besideTicket(late, () =>
      importFile([line('ticket-1', early, 300), line('ticket-2', late, 400)]),
    );
    expect(outcome).toMatchObject({ created: 2 });
    expect(await changedAccounts(db, workspaceId)).toEqual([early.id, late.id]);
    await runWorker();
    expect(await changedAccounts(db, workspaceId)).toEqual([]);
  });

  it("commits a CRM sync's contracts beside a ticket's transaction on one of its accounts", async () => {
    const [early, late] = await twoAccounts();
    const outcome = await besideTicket(late, () =>
      syncContracts([
        { contract: 'sync-1', account: early, mrr: 300 },
        { contract: 'sync-2', account: late, mrr: 400 },
      ]),
    );
    expect(outcome).toMatchObject({ created: 2 });
    expect(await changedAccounts(db, workspaceId)).toEqual([early.id, late.id]);
    await runWorker();
    expect(await changedAccounts(db, workspaceId)).toEqual([]);
  });

  it("commits a contracts file beside the tracking intake's announcement of its accounts after a batch", async () => {
    // The file's first contract is the account later in id order; the intake announces both
    // in id order, in one statement outside any transaction, as it does after each batch.
    const [low, high] = await twoAccounts();
    const release = await holdAccount(low);
    // The file waits for the held account (its second contract's)...
    const importing = importFile([line('intake-1', high, 300), line('intake-2', low, 400)]);
    await untilWaitingForLock(db, importing);
    // ...while a batch of usage for both has committed and announces them.
    const intake = markAccountsChanged(db, workspaceId, [high.id, low.id]);
    await untilWaitingForLock(db, intake, 2);
    await release();
    const [imported, announced] = await Promise.allSettled([importing, intake]);
    if (imported.status === 'rejected') throw imported.reason;
    if (announced.status === 'rejected') throw announced.reason;
    expect(imported.value).toMatchObject({ created: 2 });
    expect(await changedAccounts(db, workspaceId)).toEqual([low.id, high.id]);
    await runWorker();
    expect(await changedAccounts(db, workspaceId)).toEqual([]);
  });

  it("commits two overlapping contracts files that name a contract's account differently", async () => {
    const [first, second, third] = [
      await scoredAccount(),
      await scoredAccount(),
      await scoredAccount(),
    ].sort((a, b) => a.id.localeCompare(b.id)) as [Customer, Customer, Customer];
    // Two contracts, each staying with the account it was first matched to...
    await importFile([line('kept-1', first, 100), line('kept-2', second, 200)]);
    // ...which the second file gets right and the first does not: named by the file, the first
    // file's contracts came in the order kept-2, kept-1 and the second file's kept-1, kept-2.
    clock.advance(60_000);
    const release = await holdAccount(second, 'share');
    const firstFile = importFile([line('kept-1', third, 500), line('kept-2', second, 600)]);
    await untilWaitingForLock(db, firstFile);
    clock.advance(60_000);
    const secondFile = importFile([line('kept-1', first, 700), line('kept-2', first, 800)]);
    await untilWaitingForLock(db, secondFile, 2);
    await release();
    const outcomes = await Promise.allSettled([firstFile, secondFile]);
    for (const outcome of outcomes) if (outcome.status === 'rejected') throw outcome.reason;
    expect(outcomes).toMatchObject([{ value: { updated: 2 } }, { value: { updated: 2 } }]);
    const contracts = await db
      .selectFrom('contracts')
      .select(['external_id', 'account_id', 'mrr_amount'])
      .where('workspace_id', '=', workspaceId)
      .where('external_id', 'in', ['kept-1', 'kept-2'])
      .orderBy('external_id')
      .execute();
    expect(contracts).toEqual([
      { external_id: 'kept-1', account_id: first.id, mrr_amount: 70_000 },
      { external_id: 'kept-2', account_id: second.id, mrr_amount: 80_000 },
    ]);
  });
});

/**
 * Runs `write` (whose second contract is `account`'s) while a ticket for `account` is being
 * recorded in its own transaction, as the support webhook records one: its ticket row, which
 * references the account, holds the account's row (key share) first, and the event on the
 * account's timeline announces the account last, once `write` waits for that row.
 */
async function besideTicket<T>(account: Customer, write: () => Promise<T>): Promise<T> {
  let writing: Promise<T> | undefined;
  const ticket = db.transaction().execute(async (trx) => {
    await sql`select id from accounts where id = ${account.id} for key share`.execute(trx);
    writing = write();
    await untilWaitingForLock(db, writing);
    return addTimelineEvent(trx, {
      workspaceId,
      accountId: account.id,
      kind: 'ticket',
      title: 'Exports time out',
      occurredAt: clock.now(),
    });
  });
  // Both outcomes, so a deadlock fails the test whichever side PostgreSQL chose to end.
  const [recorded] = await Promise.allSettled([ticket]);
  const [written] = await Promise.allSettled([writing]);
  if (recorded.status === 'rejected') throw recorded.reason;
  if (written.status === 'rejected') throw written.reason;
  expect(recorded.value).toEqual(expect.any(String));
  if (written.value === undefined) throw new Error('the write never started');
  return written.value;
}

/**
 * Holds the account's row until released: key share, as a row referencing it does, or share,
 * which keeps out a change to its billing too.
 */
async function holdAccount(
  account: Customer,
  strength: 'key share' | 'share' = 'key share',
): Promise<() => Promise<void>> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held!: () => void;
  const holding = new Promise<void>((resolve) => (held = resolve));
  const transaction = db.transaction().execute(async (trx) => {
    await sql`select id from accounts where id = ${account.id} for ${sql.raw(strength)}`.execute(
      trx,
    );
    held();
    await released;
  });
  await Promise.race([holding, transaction]);
  return async () => {
    release();
    await transaction;
  };
}
