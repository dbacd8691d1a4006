// People of a workspace: who they are, their role and who they report to.
import type { Db } from '../../db/connect.ts';
import type { UserRow } from '../../db/schema.ts';
import type { Actor } from '../../context.ts';
import { AppError, fieldProblem, invalid } from '../../lib/errors.ts';
import type { WorkspaceId } from '../../lib/ids.ts';
import { recordAudit, recordEdit, type ChangeAuthor } from './audit.ts';
import { hashPassword } from './passwords.ts';
import type { CreateUser, UpdateMe, UpdateUser } from './schema.ts';
import * as store from './store.ts';

export function describeUser(row: UserRow) {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    managerId: row.manager_id,
    timezone: row.timezone,
    deactivated: row.deactivated_at !== null,
  };
}

export async function describeMe(db: Db, actor: Actor) {
  const user = await store.findUser(db, actor.workspaceId, actor.userId);
  if (!user) throw new AppError('user.not_found', { key: 'auth.problem.youAreGone' });
  const workspace = await store.findWorkspace(db, actor.workspaceId);
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    permissions: [...actor.permissions],
    timezone: user.timezone,
    locale: user.locale,
    theme: user.theme,
    managerId: user.manager_id,
    workspace: { id: workspace.id, name: workspace.name, isDemo: workspace.is_demo },
  };
}

export async function updateMe(db: Db, actor: Actor, patch: UpdateMe) {
  await store.updateUserRow(db, actor.workspaceId, actor.userId, patch);
  return describeMe(db, actor);
}

async function checkManager(
  db: Db,
  workspaceId: WorkspaceId,
  userId: string | null,
  managerId: string | null,
) {
  if (managerId === null) return;
  const manager = await store.findUser(db, workspaceId, managerId);
  if (!manager) throw invalid([fieldProblem('managerId', 'errors.field.noUser')]);
  if (userId === null) return;
  if (managerId === userId) throw invalid([fieldProblem('managerId', 'auth.field.selfManager')]);
  const above = await store.managerChain(db, workspaceId, managerId);
  if (above.includes(userId)) {
    throw new AppError(
      'user.manager_cycle',
      { key: 'auth.problem.managerLoop' },
      {
        errors: [fieldProblem('managerId', 'auth.field.reportsAlready')],
      },
    );
  }
}

export async function createUser(db: Db, by: ChangeAuthor, input: CreateUser) {
  return db.transaction().execute(async (trx) => {
    if (await store.findUserByEmail(trx, input.email)) {
      throw new AppError(
        'user.email_taken',
        {
          key: 'auth.problem.emailTaken',
          params: { email: input.email },
        },
        {
          errors: [fieldProblem('email', 'errors.field.inUse')],
        },
      );
    }
    await checkManager(trx, by.workspaceId, null, input.managerId);
    const row = await store.insertUser(trx, {
      workspaceId: by.workspaceId,
      email: input.email,
      name: input.name,
      role: input.role,
      managerId: input.managerId,
      passwordHash: await hashPassword(input.password),
      timezone: input.timezone,
    });
    await recordAudit(trx, by, {
      action: 'user.created',
      entityType: 'user',
      entityId: row.id,
      changes: { email: row.email, role: row.role, managerId: row.manager_id },
    });
    return describeUser(row);
  });
}

export async function updateUser(db: Db, by: ChangeAuthor, id: string, patch: UpdateUser) {
  return db.transaction().execute(async (trx) => {
    const before = await store.findUser(trx, by.workspaceId, id);
    if (!before) throw new AppError('user.not_found', { key: 'auth.problem.noUser' });
    if (patch.managerId !== undefined) await checkManager(trx, by.workspaceId, id, patch.managerId);
    const row = await store.updateUserRow(trx, by.workspaceId, id, {
      name: patch.name,
      role: patch.role,
      manager_id: patch.managerId,
      timezone: patch.timezone,
      deactivated_at:
        patch.deactivated === undefined ? undefined : patch.deactivated ? new Date() : null,
    });
    if (!row) throw new AppError('user.not_found', { key: 'auth.problem.noUser' });
    await recordEdit(
      trx,
      by,
      { action: 'user.updated', entityType: 'user', entityId: id },
      { before: describeUser(before), after: describeUser(row) },
    );
    if (patch.deactivated) await store.deleteUserSessions(trx, id);
    return describeUser(row);
  });
}

export async function listUsers(db: Db, workspaceId: WorkspaceId) {
  return (await store.listUsers(db, workspaceId)).map(describeUser);
}
