// The portfolio Ask Steward's API tests ask about: a CSM (Jordan, New York) with two clients —
// Larkspur (enterprise, renewing in December, active users down from 20 to 4, a customer since
// early 2025 without a business review) and Acme (SMB, steady) — another CSM's client, Kestrel,
// and an admin; usage rolled up and health scored.
import { sql } from 'kysely';
import type { Deps } from '../../src/context.ts';
import type { UserId, WorkspaceId } from '../../src/lib/ids.ts';
import { rescore } from '../../src/modules/health/index.ts';
import { signedIn, type ApiClient, type testApp } from '../support/client.ts';
import { makeAccount, makeUser, makeWorkspace, testPassword } from '../support/factories.ts';
import { addActiveUsers, addUsageDays } from '../support/usage.ts';

const today = '2026-11-02';

export type Portfolio = {
  workspaceId: WorkspaceId;
  jordanId: UserId;
  jordan: ApiClient;
  admin: ApiClient;
  larkspurId: string;
  acmeId: string;
  kestrelId: string;
};

export async function makePortfolio(
  deps: Deps,
  app: ReturnType<typeof testApp>,
): Promise<Portfolio> {
  const { db } = deps;
  const workspaceId = (await makeWorkspace(db)).id;
  /** Distinct active users per day for an account: `users` on each of the days. */
  const activeUsers = async (
    accountId: string,
    days: { from: number; to: number },
    users: number,
  ) => {
    await addActiveUsers(
      db,
      sql`select ${workspaceId}::uuid, ${accountId}::uuid, ${today}::date - d, 'reports', 'u' || u
      from generate_series(${days.from}::int, ${days.to}::int) d, generate_series(1, ${users}::int) u`,
    );
    await addUsageDays(
      db,
      sql`select ${workspaceId}::uuid, ${accountId}::uuid, ${today}::date - d, 'reports',
        10 * ${users}::int, ${users}::int
      from generate_series(${days.from}::int, ${days.to}::int) d`,
    );
  };
  const adminUser = await makeUser(db, workspaceId, { role: 'admin', name: 'Avery Admin' });
  const jordanUser = await makeUser(db, workspaceId, {
    name: 'Jordan Taylor',
    timezone: 'America/New_York',
  });
  const morgan = await makeUser(db, workspaceId, { name: 'Morgan Lee' });
  const jordanId = jordanUser.id;
  await db
    .insertInto('usage_features')
    .values({ workspace_id: workspaceId, key: 'reports', label: 'Reports', events: ['Report Run'] })
    .execute();
  const larkspur = await makeAccount(db, workspaceId, {
    name: 'Larkspur Logistics',
    owner_id: jordanId,
    tier: 'enterprise',
    // A customer since early 2025 who never had a business review.
    created_at: '2025-01-15T00:00:00Z',
    seats: 20,
    arr_amount: 48_000_000,
    renewal_date: '2026-12-20',
  });
  const acme = await makeAccount(db, workspaceId, {
    name: 'Acme Corp',
    owner_id: jordanId,
    tier: 'smb',
    seats: 10,
    arr_amount: 1_200_000,
    renewal_date: '2027-06-01',
  });
  const kestrel = await makeAccount(db, workspaceId, {
    name: 'Kestrel Health',
    owner_id: morgan.id,
    tier: 'enterprise',
    seats: 10,
    arr_amount: 30_000_000,
  });
  // Acme: 9 of 10 seats active all along. Larkspur: 20 users the month before, 4 now.
  await activeUsers(acme.id, { from: 0, to: 59 }, 9);
  await activeUsers(kestrel.id, { from: 0, to: 59 }, 8);
  await activeUsers(larkspur.id, { from: 30, to: 59 }, 20);
  await activeUsers(larkspur.id, { from: 0, to: 29 }, 4);
  await rescore(deps, workspaceId);
  return {
    workspaceId,
    jordanId,
    jordan: await signedIn(app, jordanUser.email, testPassword),
    admin: await signedIn(app, adminUser.email, testPassword),
    larkspurId: larkspur.id,
    acmeId: acme.id,
    kestrelId: kestrel.id,
  };
}

/** Asks as a person; `context` carries the previous answer, for a follow-up. */
export async function ask(
  client: ApiClient,
  q: string,
  context?: { intent: never; params: never },
) {
  const { data, response, error } = await client.POST('/api/v1/assistant/query', {
    body: context ? { q, context } : { q },
  });
  return { data, status: response.status, error };
}
