// Shared secrets for the support webhook, one workspace each, shown once. Rotating is adding
// a new secret and revoking the old one once the help desk sends with the new. Kept sealed
// with the install's key (lib/secrets.ts): signatures are checked with the secret itself.
import type { Db } from '../../../db/connect.ts';
import type { Clock } from '../../../lib/clock.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import type { SecretBox } from '../../../lib/secrets.ts';
import type { ChangeAuthor } from '../../auth/index.ts';
import {
  makeCredential,
  describeCredential,
  listCredentials,
  liveCredentials,
  revokeCredential,
  sealPlainSecrets,
  type MadeCredentialKind,
} from '../credentials/index.ts';

const supportSecrets: MadeCredentialKind = {
  table: 'support_webhook_secrets',
  valueColumn: 'secret',
  prefixColumn: 'secret_prefix',
  expires: false,
  entity: 'support_secret',
  createdAction: 'support_secret.created',
  notFound: { code: 'webhook_secret.not_found', detail: { key: 'intake.problem.noWebhookSecret' } },
  shownLength: 'ssh_'.length + 6,
  made: { prefix: 'ssh_', bytes: 32 },
};

const sealedWith = (box: SecretBox): MadeCredentialKind => ({ ...supportSecrets, box });

export async function createSupportSecret(db: Db, box: SecretBox, by: ChangeAuthor, name: string) {
  const { row, value } = await makeCredential(db, sealedWith(box), by, { name });
  return { ...describeCredential(row), secret: value };
}

export async function listSupportSecrets(db: Db, clock: Clock, workspaceId: WorkspaceId) {
  return (await listCredentials(db, supportSecrets, workspaceId, clock.now())).map(
    describeCredential,
  );
}

export function revokeSupportSecret(db: Db, clock: Clock, by: ChangeAuthor, id: string) {
  return revokeCredential(db, clock, supportSecrets, by, id);
}

/** Every live secret with its workspace; few enough per install to try each. */
export function supportSecretCandidates(db: Db, clock: Clock, box: SecretBox) {
  return liveCredentials(db, sealedWith(box), clock.now());
}

/** Seals help desk secrets kept in plain text before sealing began (run at start). */
export function sealPlainSupportSecrets(db: Db, box: SecretBox) {
  return sealPlainSecrets(db, sealedWith(box));
}
