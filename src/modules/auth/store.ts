// SQL for people, sessions, tokens and the audit log (sign-in throttles, ended sessions and
// password resets: store/signIn.ts).
import { sql, type Updateable } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { Slots, templates } from '../../db/templates.ts';
import type { Role, UsersTable } from '../../db/schema.ts';
import type { UserId, WorkspaceId } from '../../lib/ids.ts';

export function findUserByEmail(db: Db, email: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
}

export function findUser(db: Db, workspaceId: WorkspaceId, id: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function listUsers(db: Db, workspaceId: WorkspaceId) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('name')
    .execute();
}

export function insertUser(
  db: Db,
  user: {
    workspaceId: WorkspaceId;
    email: string;
    name: string;
    role: Role;
    managerId: string | null;
    passwordHash: string | null;
    timezone: string;
  },
) {
  return db
    .insertInto('users')
    .values({
      workspace_id: user.workspaceId,
      email: user.email,
      name: user.name,
      role: user.role,
      manager_id: user.managerId,
      password_hash: user.passwordHash,
      timezone: user.timezone,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findWorkspace(db: Db, workspaceId: WorkspaceId) {
  return db
    .selectFrom('workspaces')
    .select(['id', 'name', 'is_demo'])
    .where('id', '=', workspaceId)
    .executeTakeFirstOrThrow();
}

/** Changes a user's own columns, stamping `updated_at`; answers the row as it is now. */
export function updateUserRow(
  db: Db,
  workspaceId: WorkspaceId,
  id: string,
  changes: Omit<Updateable<UsersTable>, 'updated_at'>,
) {
  return db
    .updateTable('users')
    .set({ ...changes, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('workspace_id', '=', workspaceId)
    .returningAll()
    .executeTakeFirst();
}

/** The chain of managers above a user, nearest first (bounded: a chain never loops). */
export async function managerChain(
  db: Db,
  workspaceId: WorkspaceId,
  userId: string,
): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    with recursive chain(id, depth) as (
      select manager_id, 1 from users where id = ${userId} and workspace_id = ${workspaceId}
      union all
      select u.manager_id, chain.depth + 1 from users u join chain on u.id = chain.id
      where chain.depth < 50
    )
    select id from chain where id is not null order by depth`.execute(db);
  return rows.rows.map((r) => r.id);
}

export function insertSession(
  db: Db,
  session: {
    tokenHash: string;
    userId: UserId;
    workspaceId: WorkspaceId;
    createdAt: Date;
    expiresAt: Date;
  },
) {
  return db
    .insertInto('sessions')
    .values({
      token_hash: session.tokenHash,
      user_id: session.userId,
      workspace_id: session.workspaceId,
      created_at: session.createdAt,
      last_seen_at: session.createdAt,
      expires_at: session.expiresAt,
    })
    .execute();
}

function sessionUsers(db: Db) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'users.id',
      'users.workspace_id',
      'users.role',
      'users.locale',
      'users.timezone',
      'sessions.last_seen_at',
      'sessions.created_at',
    ])
    .where('users.deactivated_at', 'is', null);
}

type SessionRow = Awaited<ReturnType<ReturnType<typeof sessionUsers>['execute']>>[number];

// Every signed-in request asks: a named statement (planned once per connection), compiled once
// (../../db/templates.ts) rather than built and compiled by Kysely on each request.
const sessionStatements = templates<SessionRow>('session_user');

/** The person of a live session: neither idle past its expiry nor older than `createdAfter`. */
export async function findSessionUser(db: Db, tokenHash: string, now: Date, createdAfter: Date) {
  const slots = new Slots();
  const shape = {
    tokenHash: slots.put(tokenHash),
    now: slots.put(now),
    createdAfter: slots.put(createdAfter),
  };
  const statement = sessionStatements(shape, slots, () =>
    sessionUsers(db)
      .where('sessions.token_hash', '=', shape.tokenHash)
      .where('sessions.expires_at', '>', shape.now)
      .where('sessions.created_at', '>', shape.createdAfter),
  );
  const { rows } = await db.executeQuery(statement);
  return rows[0];
}

export function touchSession(db: Db, tokenHash: string, now: Date, expiresAt: Date) {
  return db
    .updateTable('sessions')
    .set({ last_seen_at: now, expires_at: expiresAt })
    .where('token_hash', '=', tokenHash)
    .execute();
}

export function deleteSession(db: Db, tokenHash: string) {
  return db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

/** Signs a person out everywhere (a deactivated user keeps no session). */
export function deleteUserSessions(db: Db, userId: string) {
  return db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export function insertApiToken(
  db: Db,
  token: {
    workspaceId: WorkspaceId;
    userId: UserId;
    name: string;
    tokenHash: string;
    tokenPrefix: string;
    scopes: string[];
    expiresAt: string | null;
  },
) {
  return db
    .insertInto('api_tokens')
    .values({
      workspace_id: token.workspaceId,
      user_id: token.userId,
      name: token.name,
      token_hash: token.tokenHash,
      token_prefix: token.tokenPrefix,
      scopes: token.scopes,
      expires_at: token.expiresAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listActiveApiTokens(db: Db, workspaceId: WorkspaceId, userId: UserId) {
  return db
    .selectFrom('api_tokens')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();
}

/** Revokes one of a person's live tokens; undefined when there is no such live token. */
export function revokeApiTokenRow(
  db: Db,
  owner: { workspaceId: WorkspaceId; userId: UserId },
  id: string,
  at: Date,
) {
  return db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('workspace_id', '=', owner.workspaceId)
    .where('user_id', '=', owner.userId)
    .where('revoked_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
}

export function findTokenUser(db: Db, tokenHash: string, now: Date) {
  return db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([
      'api_tokens.id as token_id',
      'api_tokens.scopes',
      'api_tokens.last_used_at',
      'users.id',
      'users.workspace_id',
      'users.role',
      'users.locale',
      'users.timezone',
    ])
    .where('api_tokens.token_hash', '=', tokenHash)
    .where('api_tokens.revoked_at', 'is', null)
    .where((eb) =>
      eb.or([eb('api_tokens.expires_at', 'is', null), eb('api_tokens.expires_at', '>', now)]),
    )
    .where('users.deactivated_at', 'is', null)
    .executeTakeFirst();
}

export function insertAuditEntry(
  db: Db,
  entry: {
    workspaceId: WorkspaceId;
    actorId: UserId | null;
    action: string;
    entityType: string;
    entityId: string;
    changes: string;
    requestId: string | null;
  },
) {
  return db
    .insertInto('audit_log')
    .values({
      workspace_id: entry.workspaceId,
      actor_id: entry.actorId,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      changes: entry.changes,
      request_id: entry.requestId,
    })
    .execute();
}
