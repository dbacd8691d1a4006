// Small factories for test data: unique by default, overridable where a test cares.
import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/db/connect.ts';
import type { NewAccount, Role } from '../../src/db/schema.ts';
import type { AccountId, UserId, WorkspaceId } from '../../src/lib/ids.ts';
import { hashPassword } from '../../src/modules/auth/index.ts';

export const testPassword = 'correct horse battery';
let passwordHash: Promise<string> | undefined;

const unique = () => randomBytes(4).toString('hex');

export async function makeWorkspace(db: Db, overrides: { name?: string } = {}) {
  const name = overrides.name ?? `Workspace ${unique()}`;
  const row = await db
    .insertInto('workspaces')
    .values({ name, slug: `ws-${unique()}` })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
  return { id: row.id as WorkspaceId, name: row.name };
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

export async function makeAccount(
  db: Db,
  workspaceId: WorkspaceId,
  overrides: Partial<Omit<NewAccount, 'workspace_id' | 'custom_fields'>> & {
    custom_fields?: Record<string, unknown>;
  } = {},
) {
  const tag = unique();
  const { custom_fields, ...rest } = overrides;
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
  return { ...row, id: row.id as AccountId };
}
