// Helpers for Segment intake tests: raw Tracking API calls, as a sender makes them.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../../src/db/connect.ts';
import type { WorkspaceId } from '../../../src/lib/ids.ts';

type App = { request(input: string, init?: RequestInit): Response | Promise<Response> };

export const basicAuth = (writeKey: string) =>
  `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}`;

/** POSTs a body to a Tracking API path with the write key as the Basic username. */
export function segmentPost(
  app: App,
  path: string,
  body: unknown,
  writeKey: string | undefined,
): Promise<Response> {
  return Promise.resolve(
    app.request(`http://steward.test${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(writeKey ? { authorization: basicAuth(writeKey) } : {}),
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

export function track(
  userId: string,
  event: string,
  timestamp: string,
  extra: Record<string, unknown> = {},
) {
  return { type: 'track', userId, event, timestamp, messageId: randomUUID(), ...extra };
}

/** A track call by an account's user (the account's group in its context), at noon UTC of `day`. */
export function trackOn(groupId: string, userId: string, event: string, day: string) {
  return track(userId, event, `${day}T12:00:00Z`, { context: { groupId } });
}

export async function countRows(
  db: Db,
  table: 'usage_events' | 'usage_day_users' | 'contacts' | 'accounts',
  workspaceId: WorkspaceId,
): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function eventsRolledUp(db: Db, workspaceId: WorkspaceId): Promise<number> {
  const row = await db
    .selectFrom('usage_days')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('events'), eb.lit(0)).as('n'))
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
