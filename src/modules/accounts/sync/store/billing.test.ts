import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestDeps } from '../../../../../test/support/deps.ts';
import { makeAccount, makeWorkspace } from '../../../../../test/support/factories.ts';
import type { WorkspaceId } from '../../../../lib/ids.ts';
import { lockAccountsForBilling } from './billing.ts';

const { deps } = await useTestDeps();
const { db } = deps;

describe("an account's rows taken for a billing change", () => {
  it('hold up a second billing change, but not a contact added to the account meanwhile', async () => {
    const workspace = await makeWorkspace(db);
    const workspaceId = workspace.id as WorkspaceId;
    const account = await makeAccount(db, workspaceId, { name: 'Initech' });
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked = () => {};
    const taken = new Promise<void>((resolve) => (locked = resolve));
    const billing = db.transaction().execute(async (trx) => {
      await lockAccountsForBilling(trx, workspaceId, [account.id]);
      locked();
      await held;
    });
    await taken;
    try {
      await db.transaction().execute(async (trx) => {
        await sql`set local lock_timeout = '2s'`.execute(trx);
        await trx
          .insertInto('contacts')
          .values({
            workspace_id: workspaceId,
            account_id: account.id,
            name: 'Ada',
            email: 'ada@initech.test',
          })
          .execute();
      });
      const second = db.transaction().execute(async (trx) => {
        await sql`set local lock_timeout = '200ms'`.execute(trx);
        await lockAccountsForBilling(trx, workspaceId, [account.id]);
      });
      await expect(second).rejects.toThrow(/lock timeout/);
    } finally {
      release();
      await billing;
    }
  });
});
