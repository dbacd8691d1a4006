// An account's usage rollups go with the account: deleting the account, or its whole
// workspace, leaves none of its month rows behind (migration 0035: a statement trigger on
// accounts, since the rollups hold no foreign key to them).
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { WorkspaceId } from '../../../src/lib/ids.ts';
import { ingestMessages, type SegmentMessage } from '../../../src/modules/intake/segment/index.ts';
import { useTestDeps } from '../../support/deps.ts';
import { makeAccount, makeWorkspace } from '../../support/factories.ts';

const { deps } = await useTestDeps();
const { db } = deps;

function usage(externalId: string, userId: string): SegmentMessage {
  return {
    type: 'track',
    messageId: randomUUID(),
    userId,
    anonymousId: null,
    occurredAt: deps.clock.now(),
    contextGroupId: externalId,
    event: 'Report Viewed',
    properties: {},
  };
}

async function rollupRows(workspaceId: WorkspaceId, accountId?: string) {
  const count = async (table: 'usage_months' | 'usage_month_users') => {
    let query = db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', workspaceId);
    if (accountId) query = query.where('account_id', '=', accountId);
    return Number((await query.executeTakeFirstOrThrow()).n);
  };
  return { months: await count('usage_months'), users: await count('usage_month_users') };
}

describe('usage rollups of deleted accounts', () => {
  it('deleting an account removes its month rows of usage and active users, and keeps the other accounts’', async () => {
    const workspace = await makeWorkspace(db);
    const gone = await makeAccount(db, workspace.id);
    const kept = await makeAccount(db, workspace.id);
    await ingestMessages(deps, workspace.id, [
      usage(gone.external_id ?? '', 'ana'),
      usage(gone.external_id ?? '', 'bo'),
      usage(kept.external_id ?? '', 'cy'),
    ]);
    expect(await rollupRows(workspace.id, gone.id)).toEqual({ months: 1, users: 2 });

    await db.deleteFrom('accounts').where('id', '=', gone.id).execute();

    expect(await rollupRows(workspace.id, gone.id)).toEqual({ months: 0, users: 0 });
    expect(await rollupRows(workspace.id, kept.id)).toEqual({ months: 1, users: 1 });
  });

  it('deleting a workspace removes the usage rollups of every account in it', async () => {
    const workspace = await makeWorkspace(db);
    const other = await makeWorkspace(db);
    const accounts = [await makeAccount(db, workspace.id), await makeAccount(db, workspace.id)];
    const elsewhere = await makeAccount(db, other.id);
    await ingestMessages(
      deps,
      workspace.id,
      accounts.map((a) => usage(a.external_id ?? '', 'dee')),
    );
    await ingestMessages(deps, other.id, [usage(elsewhere.external_id ?? '', 'eve')]);
    expect(await rollupRows(workspace.id)).toEqual({ months: 2, users: 2 });

    await db.deleteFrom('workspaces').where('id', '=', workspace.id).execute();

    expect(await rollupRows(workspace.id)).toEqual({ months: 0, users: 0 });
    expect(await rollupRows(other.id)).toEqual({ months: 1, users: 1 });
  });
});
