// API tokens: shown once, stored as a hash, scoped to some of their owner's permissions.
import type { Db } from '../../db/connect.ts';
import type { Actor } from '../../context.ts';
import { AppError, fieldProblem, invalid } from '../../lib/errors.ts';
import { recordAudit } from './audit.ts';
import type { Permission } from './permissions.ts';
import type { CreateApiToken } from './schema.ts';
import { hashToken, newSecret } from './sessions.ts';
import * as store from './store.ts';

const tokenPrefix = 'stw_';

type TokenRow = Awaited<ReturnType<typeof store.listActiveApiTokens>>[number];

function describeToken(row: TokenRow) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.token_prefix,
    scopes: row.scopes as Permission[],
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    expiresAt: row.expires_at?.toISOString() ?? null,
  };
}

export async function createApiToken(db: Db, actor: Actor, input: CreateApiToken) {
  const beyond = input.scopes
    .map((scope, index) => ({ scope, index }))
    .filter(({ scope }) => !actor.permissions.has(scope));
  if (beyond.length > 0) {
    throw invalid(
      beyond.map(({ scope, index }) =>
        fieldProblem(`scopes.${index}`, 'auth.field.scopeBeyond', { scope }),
      ),
    );
  }
  const token = newSecret(tokenPrefix);
  return db.transaction().execute(async (trx) => {
    const row = await store.insertApiToken(trx, {
      workspaceId: actor.workspaceId,
      userId: actor.userId,
      name: input.name,
      tokenHash: hashToken(token),
      tokenPrefix: token.slice(0, tokenPrefix.length + 6),
      scopes: [...new Set(input.scopes)],
      expiresAt: input.expiresAt,
    });
    await recordAudit(trx, actor, {
      action: 'api_token.created',
      entityType: 'api_token',
      entityId: row.id,
      changes: { name: row.name, scopes: row.scopes },
    });
    return { ...describeToken(row), token };
  });
}

export async function listApiTokens(db: Db, actor: Actor) {
  const rows = await store.listActiveApiTokens(db, actor.workspaceId, actor.userId);
  return rows.map(describeToken);
}

export async function revokeApiToken(db: Db, actor: Actor, id: string) {
  await db.transaction().execute(async (trx) => {
    const row = await store.revokeApiTokenRow(trx, actor, id, new Date());
    if (!row) throw new AppError('api_token.not_found', { key: 'auth.problem.noToken' });
    await recordAudit(trx, actor, {
      action: 'api_token.revoked',
      entityType: 'api_token',
      entityId: id,
    });
  });
}
