// Revenue fixtures: a small team, health readings, MRR movements with their contract, usage —
// written straight into the tables those modules own, as the tests' given facts.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../src/db/connect.ts';
import type { ChurnRiskLevel, HealthCategory, MrrMovementKind } from '../../src/db/schema.ts';
import type { WorkspaceId } from '../../src/lib/ids.ts';
import { signedIn, type ApiClient } from '../support/client.ts';
import { makeUser, makeWorkspace, testPassword } from '../support/factories.ts';
import { addActiveUsers, addUsageDays } from '../support/usage.ts';
import type { buildApp } from '../../src/app.ts';

export type Team = Awaited<ReturnType<typeof makeTeam>>;

/** An admin, a manager, two CSMs reporting to her, a viewer; each signed in. */
export async function makeTeam(db: Db, app: ReturnType<typeof buildApp>) {
  const workspace = await makeWorkspace(db);
  const admin = await makeUser(db, workspace.id, { role: 'admin' });
  const manager = await makeUser(db, workspace.id, { role: 'manager', name: 'Morgan Manager' });
  const csm = await makeUser(db, workspace.id, {
    role: 'csm',
    managerId: manager.id,
    name: 'Jordan Taylor',
    timezone: 'America/New_York',
  });
  const otherCsm = await makeUser(db, workspace.id, { role: 'csm', managerId: manager.id });
  const viewer = await makeUser(db, workspace.id, { role: 'viewer' });
  const client = (user: { email: string }): Promise<ApiClient> =>
    signedIn(app, user.email, testPassword);
  return {
    workspaceId: workspace.id,
    admin,
    manager,
    csm,
    otherCsm,
    viewer,
    as: {
      admin: await client(admin),
      manager: await client(manager),
      csm: await client(csm),
      otherCsm: await client(otherCsm),
      viewer: await client(viewer),
    },
  };
}

/** Health as health would have written it: today's score and the usage measure a month ago. */
export async function scored(
  db: Db,
  workspaceId: WorkspaceId,
  accountId: string,
  reading: {
    day: string;
    score: number;
    category: HealthCategory;
    risk: ChurnRiskLevel;
    usageNow?: number;
    usageMonthAgo?: number;
  },
) {
  await db
    .insertInto('health_scores')
    .values({
      account_id: accountId,
      workspace_id: workspaceId,
      day: reading.day,
      score: reading.score,
      category: reading.category,
      measures: '[]',
      churn_risk: JSON.stringify({ level: reading.risk, score: 100 - reading.score }),
      computed_at: new Date(`${reading.day}T06:00:00Z`),
    })
    .execute();
  await sql`
    insert into health_history (workspace_id, account_id, day, score, category, usage)
    values
      (${workspaceId}, ${accountId}, ${reading.day}::date, ${reading.score}, ${reading.category}, ${reading.usageNow ?? null}),
      (${workspaceId}, ${accountId}, ${reading.day}::date - 30, ${reading.score}, ${reading.category}, ${reading.usageMonthAgo ?? null})`.execute(
    db,
  );
}

/** A contract for an account, so movements have one to belong to. */
export async function contractFor(
  db: Db,
  workspaceId: WorkspaceId,
  accountId: string,
  state: { status?: string; endedAt?: Date | null; currency?: string } = {},
) {
  const row = await db
    .insertInto('contracts')
    .values({
      workspace_id: workspaceId,
      account_id: accountId,
      source: 'csv',
      external_id: `c-${randomBytes(4).toString('hex')}`,
      mrr_amount: 0,
      currency: state.currency ?? 'USD',
      status: state.status ?? 'active',
      ended_at: state.endedAt ?? null,
      state_at: new Date('2020-01-01T00:00:00Z'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** MRR movements for an account, in order: `[kind, signed amount, when]`. */
export async function movements(
  db: Db,
  workspaceId: WorkspaceId,
  accountId: string,
  list: [MrrMovementKind, number, string][],
  currency = 'USD',
) {
  const contractId = await contractFor(db, workspaceId, accountId, { currency });
  await db
    .insertInto('mrr_movements')
    .values(
      list.map(([kind, amount, at], i) => ({
        workspace_id: workspaceId,
        account_id: accountId,
        contract_id: contractId,
        kind,
        amount,
        currency,
        occurred_at: new Date(at),
        source_event_id: `e${i}`,
      })),
    )
    .execute();
}

/** Events per day of one feature for an account, over days before `today` (inclusive range). */
export async function usage(
  db: Db,
  workspaceId: WorkspaceId,
  accountId: string,
  spec: { today: string; from: number; to: number; feature: string; events: number; users: number },
) {
  await addUsageDays(
    db,
    sql`select ${workspaceId}::uuid, ${accountId}::uuid, ${spec.today}::date - d, ${spec.feature}::text,
      ${spec.events}::int, 0
    from generate_series(${spec.from}::int, ${spec.to}::int) d`,
  );
  await addActiveUsers(
    db,
    sql`select ${workspaceId}::uuid, ${accountId}::uuid, ${spec.today}::date - d, ${spec.feature}::text, 'u' || u
    from generate_series(${spec.from}::int, ${spec.to}::int) d, generate_series(1, ${spec.users}::int) u`,
  );
}
