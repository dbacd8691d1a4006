// Segment write keys: one workspace each, shown once, stored as a hash. Rotating makes a new
// key and leaves the old one working for a grace period, so senders switch without loss.
import type { Db } from '../../../db/connect.ts';
import { dayMs } from '../../../lib/calendar.ts';
import type { Clock } from '../../../lib/clock.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import type { ChangeAuthor } from '../../auth/index.ts';
import {
  makeCredential,
  describeCredential,
  listCredentials,
  revokeCredential,
  rotateCredential,
  workspaceOfCredential,
  type MadeCredentialKind,
} from '../credentials/index.ts';
import type { CreateWriteKey } from './schema.ts';

export const rotationGraceMs = dayMs;

const writeKeys: MadeCredentialKind = {
  table: 'intake_write_keys',
  valueColumn: 'key_hash',
  prefixColumn: 'key_prefix',
  expires: true,
  entity: 'write_key',
  createdAction: 'write_key.created',
  notFound: { code: 'write_key.not_found', detail: { key: 'intake.problem.noWriteKey' } },
  shownLength: 'swk_'.length + 6,
  made: { prefix: 'swk_', bytes: 24 },
};

type NewKey = Awaited<ReturnType<typeof makeCredential>>;

const describeWriteKey = ({ row }: Pick<NewKey, 'row'>) => ({
  ...describeCredential(row),
  expiresAt: row.expires_at?.toISOString() ?? null,
});

const shownOnce = (made: NewKey) => ({ ...describeWriteKey(made), key: made.value });

export async function createWriteKey(db: Db, by: ChangeAuthor, input: CreateWriteKey) {
  return shownOnce(await makeCredential(db, writeKeys, by, input));
}

export async function listWriteKeys(db: Db, clock: Clock, workspaceId: WorkspaceId) {
  const rows = await listCredentials(db, writeKeys, workspaceId, clock.now());
  return rows.map((row) => describeWriteKey({ row }));
}

export function revokeWriteKey(db: Db, clock: Clock, by: ChangeAuthor, id: string) {
  return revokeCredential(db, clock, writeKeys, by, id);
}

/** A new key under the same name; the old one keeps working for 24 hours. */
export async function rotateWriteKey(db: Db, clock: Clock, by: ChangeAuthor, id: string) {
  return shownOnce(
    await rotateCredential(db, clock, writeKeys, by, { id, graceMs: rotationGraceMs }),
  );
}

/** The workspace a write key sends to, if the key is live. */
export function workspaceOfWriteKey(
  db: Db,
  clock: Clock,
  key: string,
): Promise<WorkspaceId | undefined> {
  return workspaceOfCredential(db, writeKeys, key, clock.now());
}
