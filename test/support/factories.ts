// Small factories for test data: unique by default, overridable where a test cares.
import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/db/connect.ts';
import type { ChurnRiskLevel, HealthCategory, NewAccount, Role } from '../../src/db/schema.ts';
import type { AccountId, UserId, WorkspaceId } from '../../src/lib/ids.ts';
import { isoDay } from '../../src/lib/calendar.ts';
import { hashPassword } from '../../src/modules/auth/index.ts';

export const testPassword = 'correct horse battery';
let passwordHash: Promise<string> | undefined;

const unique = () => randomBytes(4).toString('hex');

export async function makeWorkspace(db: Db, overrides: { name?: string } = {}) {
  const name = overrides.name ?? `Workspace ${unique()}`;
  const row = await db
    .insertInto('workspaces')
    .values({ name, slug: `ws-${unique()}` })
    .returning(['id', 'name', 'slug'])
    .executeTakeFirstOrThrow();
  return { id: row.id as WorkspaceId, name: row.name, slug: row.slug };
}

export async function makeUser(
  db: Db,
  workspaceId: WorkspaceId,
  overrides: {
    role?: Role;
    name?: string;
    email?: string;
    managerId?: string | null;
    timezone?: string;
    locale?: 'en' | 'ru';
  } = {},
) {
  passwordHash ??= hashPassword(testPassword);
  const tag = unique();
  const row = await db
    .insertInto('users')
    .values({
      workspace_id: workspaceId,
      email: overrides.email ?? `person-${tag}@example.test`,
      name: overrides.name ?? `Person ${tag}`,
      role: overrides.role ?? 'csm',
      manager_id: overrides.managerId ?? null,
      password_hash: await passwordHash,
      timezone: overrides.timezone ?? 'UTC',
      locale: overrides.locale ?? 'en',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { ...row, id: row.id as UserId };
}

/** A score as health keeps it (`health_scores`); measures and risk factors left empty. */
export type TestHealth = {
  score: number | null;
  category: HealthCategory | null;
  risk?: ChurnRiskLevel;
};

export async function makeAccount(
  db: Db,
  workspaceId: WorkspaceId,
  overrides: Partial<Omit<NewAccount, 'workspace_id' | 'custom_fields'>> & {
    custom_fields?: Record<string, unknown>;
    /** Scored, as if health had scored it today. */
    health?: TestHealth;
  } = {},
) {
  const tag = unique();
  const { custom_fields, health, ...rest } = overrides;
  const row = await db
    .insertInto('accounts')
    .values({
      workspace_id: workspaceId,
      name: `Account ${tag}`,
      external_id: `ext-${tag}`,
      ...rest,
      custom_fields: JSON.stringify(custom_fields ?? {}),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (health) await scoreAccount(db, workspaceId, row.id, health);
  return { ...row, id: row.id as AccountId };
}

/** Gives an account a current health score directly, without the scoring run. */
export async function scoreAccount(
  db: Db,
  workspaceId: WorkspaceId,
  accountId: string,
  health: TestHealth,
) {
  const now = new Date();
  await db
    .insertInto('health_scores')
    .values({
      account_id: accountId,
      workspace_id: workspaceId,
      day: isoDay(now),
      score: health.score,
      category: health.category,
      measures: '[]',
      churn_risk: JSON.stringify(health.risk ? { level: health.risk } : {}),
      computed_at: now,
    })
    .onConflict((oc) =>
      oc.column('account_id').doUpdateSet((eb) => ({
        score: eb.ref('excluded.score'),
        category: eb.ref('excluded.category'),
        churn_risk: eb.ref('excluded.churn_risk'),
      })),
    )
    .execute();
}
