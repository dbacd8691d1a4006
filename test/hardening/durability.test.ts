// Durability: Steward killed with SIGKILL while Segment's own Node SDK is sending batches, then
// started again on the same address. Every event the SDK was told was delivered is stored
// exactly once: a 200 is answered only after the batch committed, and a batch the SDK sends
// again (its answer lost in the kill) is recognised by messageId.
import { randomUUID } from 'node:crypto';
import { Analytics } from '@segment/analytics-node';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createWriteKey } from '../../src/modules/intake/segment/index.ts';
import { useTestDatabase } from '../support/db.ts';
import { makeAccount, makeWorkspace } from '../support/factories.ts';
import { startStewardProcess, type StewardProcess } from './stewardProcess.ts';

const database = await useTestDatabase();
const running: StewardProcess[] = [];
afterAll(() => {
  for (const steward of running) steward.child.kill('SIGKILL');
});

describe('Steward killed while a Segment SDK sends', () => {
  it('stores every acknowledged event exactly once after a SIGKILL and a restart', async () => {
    const workspace = await makeWorkspace(database.db);
    const groupId = `kill-${randomUUID()}`;
    await makeAccount(database.db, workspace.id, { external_id: groupId });
    const { key } = await createWriteKey(
      database.db,
      { workspaceId: workspace.id, userId: null },
      { name: 'Kill test' },
    );

    const first = await startStewardProcess({ databaseUrl: database.url, role: 'all' });
    running.push(first);
    const analytics = new Analytics({
      writeKey: key,
      host: first.url,
      flushAt: 15,
      flushInterval: 20,
      // The restart takes a few seconds: the SDK keeps retrying the batches in flight.
      maxRetries: 60,
    });
    let retried = 0;
    analytics.on('http_request', (request) => {
      if ('X-Retry-Count' in request.headers) retried++;
    });
    const acknowledged: string[] = [];
    const dropped: string[] = [];
    const userId = `user-${randomUUID()}`;
    const total = 900;
    let killedAt = -1;
    for (let i = 0; i < total; i++) {
      const messageId = randomUUID();
      analytics.track(
        { userId, event: `Report ${i % 9} Opened`, messageId, context: { groupId } },
        (error) => (error ? dropped.push(messageId) : acknowledged.push(messageId)),
      );
      if (i % 15 === 14) await new Promise((resolve) => setTimeout(resolve, 15));
      // Kill it a third of the way, once some batches were acknowledged and others are on
      // their way.
      if (i === total / 3) {
        while (acknowledged.length < 100) await new Promise((resolve) => setTimeout(resolve, 5));
        killedAt = i;
        first.child.kill('SIGKILL');
        await first.exited;
        const second = await startStewardProcess({
          databaseUrl: database.url,
          role: 'all',
          port: first.port,
        });
        running.push(second);
      }
    }
    await analytics.closeAndFlush({ timeout: 60_000 });
    expect(killedAt, 'the kill happened while sending').toBeGreaterThan(0);
    expect(killedAt).toBeLessThan(total - 1);

    const { rows } = await sql<{ message_id: string; copies: number }>`
      select message_id, count(*)::int as copies from usage_events
      where workspace_id = ${workspace.id} group by message_id`.execute(database.db);
    const stored = new Map(rows.map((r) => [r.message_id, r.copies]));
    const lost = acknowledged.filter((id) => !stored.has(id));
    const duplicated = rows.filter((r) => r.copies > 1);
    process.stdout.write(
      `kill test: ${total} sent, ${acknowledged.length} acknowledged, ${dropped.length} dropped by the SDK, ` +
        `${lost.length} acknowledged but lost, ${duplicated.length} duplicated, ${retried} batch sends retried ` +
        `(killed after message ${killedAt})\n`,
    );
    expect(lost).toEqual([]);
    expect(duplicated).toEqual([]);
    expect(acknowledged.length + dropped.length).toBe(total);
    expect(acknowledged.length).toBe(total);
  }, 120_000);
});
