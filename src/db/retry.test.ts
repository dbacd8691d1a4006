// Two transactions that lock the same rows in opposite orders: PostgreSQL ends one of them to
// break the deadlock, and that one runs again and commits, so both writes are kept.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/support/db.ts';
import { untilWaitingForLock } from '../../test/support/jobs.ts';
import { connect, type Db } from './connect.ts';
import { retriedTransaction } from './retry.ts';

const database = await useTestDatabase();
const { db, close } = connect(database.url);
afterAll(close);

beforeAll(async () => {
  await sql`create table retry_counters (id int primary key, n int not null);
    insert into retry_counters values (1, 0), (2, 0)`.execute(db);
});

const add = (trx: Db, id: number) =>
  sql`update retry_counters set n = n + 1 where id = ${id}`.execute(trx);

describe('a transaction ended for a deadlock', () => {
  it('runs again and commits, beside the one PostgreSQL let through', async () => {
    const runs = { first: 0, second: 0 };
    let secondHolds!: () => void;
    const secondHolding = new Promise<void>((resolve) => (secondHolds = resolve));
    let firstWaits!: () => void;
    const firstWaiting = new Promise<void>((resolve) => (firstWaits = resolve));

    // The first locks row 1, then waits for row 2 (the second's, on the first run).
    const first = retriedTransaction(db, async (trx) => {
      runs.first += 1;
      await add(trx, 1);
      if (runs.first === 1) await secondHolding;
      const adding = add(trx, 2);
      if (runs.first === 1) firstWaits();
      await adding;
    });
    // The second locks row 2, then row 1: the cycle.
    const second = retriedTransaction(db, async (trx) => {
      runs.second += 1;
      await add(trx, 2);
      if (runs.second === 1) {
        secondHolds();
        await firstWaiting;
        await untilWaitingForLock(db, first);
      }
      await add(trx, 1);
    });

    const outcomes = await Promise.allSettled([first, second]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(runs.first + runs.second).toBe(3);
    const { rows } = await sql<{ id: number; n: number }>`
      select id, n from retry_counters order by id`.execute(db);
    expect(rows).toEqual([
      { id: 1, n: 2 },
      { id: 2, n: 2 },
    ]);
  });

  it('gives up on another failure at once, having written nothing', async () => {
    const count = async () =>
      (await sql<{ n: number }>`select n from retry_counters where id = 1`.execute(db)).rows[0]?.n;
    const before = await count();
    let runs = 0;
    const failing = retriedTransaction(db, async (trx) => {
      runs += 1;
      await add(trx, 1);
      await sql`insert into retry_counters values (2, 0)`.execute(trx);
    });
    await expect(failing).rejects.toMatchObject({ code: '23505' });
    expect(runs).toBe(1);
    expect(await count()).toBe(before);
  });
});
