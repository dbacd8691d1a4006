// SQL for raw usage events: one set-based statement per batch that inserts the events
// (dropping messages already seen), finds each one's account, and adds only the newly
// inserted ones to the daily rollups (rollups.ts).
import { sql } from 'kysely';
import type { Db } from '../../../../db/connect.ts';
import type { WorkspaceId } from '../../../../lib/ids.ts';
import { changedColumns, rollupSteps } from './rollups.ts';

/** A batch of events, column by column (`unnest` takes arrays). */
export type EventColumns = {
  messageIds: string[];
  occurredAt: string[];
  types: string[];
  names: string[];
  features: string[];
  userIds: (string | null)[];
  anonymousIds: (string | null)[];
  groupIds: (string | null)[];
  /** The group id where it is a UUID (a Steward account id), else null. */
  groupUuids: (string | null)[];
  /** As JSON. */
  properties: string[];
  /** The batch's distinct event names that are logins. */
  loginEvents: string[];
};

/** Each value once, without nulls: what a batch looks up. */
const distinct = (values: readonly (string | null)[]) =>
  [...new Set(values)].filter((v) => v !== null);

/** Stores the batch; answers how many events were new and the accounts they were for. */
export async function insertUsageEvents(
  db: Db,
  workspaceId: WorkspaceId,
  receivedAt: Date,
  columns: EventColumns,
): Promise<{ stored: number; accounts: string[] }> {
  const {
    messageIds,
    occurredAt,
    types,
    names,
    features,
    userIds,
    anonymousIds,
    groupIds,
    groupUuids,
    properties,
    loginEvents,
  } = columns;
  // The account: context.groupId (external id, else Steward id), else the user's group call.
  // Only the batch's own group ids and users are looked up, each once by its key: joining the
  // events to the workspace's whole account and user tables hashed all of them for every batch
  // (a 10,000-account workspace with 200,000 known users took 40% longer per event).
  const { rows } = await sql<{ stored: number; accounts: string[] }>`
    with input as (
      select * from unnest(
        ${messageIds}::text[], ${occurredAt}::timestamptz[], ${types}::text[], ${names}::text[],
        ${features}::text[], ${userIds}::text[], ${anonymousIds}::text[], ${groupIds}::text[],
        ${groupUuids}::uuid[], ${properties}::text[]
      ) as t(message_id, occurred_at, type, event, feature_key, user_id, anonymous_id, group_id,
        group_uuid, properties)
    ),
    by_external as (
      select external_id, id from accounts
      where workspace_id = ${workspaceId} and deleted_at is null
        and external_id = any(${distinct(groupIds)}::text[])
    ),
    by_id as (
      select id from accounts
      where workspace_id = ${workspaceId} and deleted_at is null
        and id = any(${distinct(groupUuids)}::uuid[])
    ),
    known as (
      select user_id, account_id from usage_users
      where workspace_id = ${workspaceId} and user_id = any(${distinct(userIds)}::text[])
    ),
    resolved as (
      select input.message_id, input.occurred_at, input.type, input.event, input.feature_key,
        input.user_id, input.anonymous_id, input.properties, coalesce(by_external.id, by_id.id, known.account_id) as account_id
      from input
      left join by_external on by_external.external_id = input.group_id
      left join by_id on by_id.id = input.group_uuid
      left join known on known.user_id = input.user_id
    ),
    changed as (
      insert into usage_events (workspace_id, message_id, occurred_at, received_at, type, event,
        feature_key, user_id, anonymous_id, account_id, properties)
      select ${workspaceId}, message_id, occurred_at, ${receivedAt}, type, event, feature_key,
        user_id, anonymous_id, account_id, properties::jsonb
      from resolved
      on conflict do nothing
      returning ${changedColumns(loginEvents)}
    ),
    ${rollupSteps(workspaceId)}
    select count(*)::int as stored,
      coalesce(array_agg(distinct account_id) filter (where account_id is not null), '{}') as accounts
    from changed`.execute(db);
  return { stored: rows[0]?.stored ?? 0, accounts: rows[0]?.accounts ?? [] };
}
