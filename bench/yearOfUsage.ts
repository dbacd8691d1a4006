// A workspace with a year of raw usage written straight into usage_events (one event per
// account and day, by one of five users), and the rollup of all of it by the statement steps
// live intake runs: shared by the benchmarks that roll usage up (rollups.ts, featureHistory.ts).
import { randomUUID } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../src/db/connect.ts';
import type { WorkspaceId } from '../src/lib/ids.ts';
import { ensurePartitions } from '../src/modules/intake/segment/index.ts';
import {
  changedColumns,
  isLoginEvent,
  rollupSteps,
} from '../src/modules/intake/segment/store/rollups.ts';
import { timed } from './support.ts';

export const usageDays = 365;
const dayMs = 86_400_000;

/**
 * `accounts` accounts and a year of their events, up to today. `event` and `featureKey` are
 * SQL over `d` (the day's number, 0…364) and `a.n` (the account's number, 1…).
 */
export async function yearOfUsage(
  db: Db,
  input: {
    name: string;
    accounts: number;
    event: RawBuilder<string>;
    featureKey: RawBuilder<string>;
  },
): Promise<{ workspaceId: WorkspaceId; events: number; loadMs: number }> {
  const workspace = await db
    .insertInto('workspaces')
    .values({ name: input.name, slug: `bench-${randomUUID().slice(0, 8)}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  const workspaceId = workspace.id as WorkspaceId;
  await sql`insert into accounts (workspace_id, name, external_id)
    select ${workspaceId}::uuid, 'Account ' || g, 'acct-' || g
    from generate_series(1, ${input.accounts}) g`.execute(db);
  const today = new Date(new Date().toISOString().slice(0, 10));
  const first = new Date(today.getTime() - (usageDays - 1) * dayMs);
  await ensurePartitions(
    db,
    Array.from({ length: 14 }, (_, m) => new Date(first.getTime() + m * 31 * dayMs)),
  );
  const loaded = await timed(() =>
    sql`insert into usage_events (workspace_id, message_id, occurred_at, received_at, type,
        event, feature_key, user_id, account_id)
      select ${workspaceId}::uuid, a.external_id || '-' || d,
        ${first}::timestamptz + d * interval '1 day' + interval '9 hours', now(), 'track',
        ${input.event}, ${input.featureKey}, 'user-' || (d % 5), a.id
      from (select id, external_id, row_number() over () as n from accounts
        where workspace_id = ${workspaceId}) a, generate_series(0, ${usageDays - 1}) d`.execute(db),
  );
  return { workspaceId, events: input.accounts * usageDays, loadMs: loaded.ms };
}

/**
 * Rolls up every raw event of the workspace as intake's batches would, in one statement: its
 * distinct event names matched once for logins, as a batch matches its own.
 */
export async function rollUpEverything(db: Db, workspaceId: WorkspaceId) {
  const { rows } = await sql<{ event: string }>`
    select distinct event from usage_events where workspace_id = ${workspaceId}`.execute(db);
  const logins = rows.map((r) => r.event).filter(isLoginEvent);
  await sql`with changed as (
      select ${changedColumns(logins)} from usage_events where workspace_id = ${workspaceId}
    ),
    ${rollupSteps(workspaceId)}
    -- Nothing to read back: the rollup steps write all the same.
    select`.execute(db);
}
