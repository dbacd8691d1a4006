// Stripe signing secrets: install-wide ones from STRIPE_WEBHOOK_SECRET, and each workspace's,
// pasted in from Stripe's dashboard. The secret that verifies an event names its workspace.
// During a rotation the old and new secrets are both live until the old one is revoked.
// A workspace's secrets are kept sealed with the install's key (lib/secrets.ts).
import type { Db } from '../../../db/connect.ts';
import type { Clock } from '../../../lib/clock.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import type { SecretBox } from '../../../lib/secrets.ts';
import type { ChangeAuthor } from '../../auth/index.ts';
import {
  addCredential,
  describeCredential,
  listCredentials,
  liveCredentials,
  revokeCredential,
  sealPlainSecrets,
  type CredentialKind,
} from '../credentials/index.ts';
import type { AddStripeSecret } from './schema.ts';
import { oldestRealWorkspace } from './store.ts';

const stripeSecrets: CredentialKind = {
  table: 'stripe_webhook_secrets',
  valueColumn: 'secret',
  prefixColumn: 'secret_prefix',
  expires: false,
  entity: 'stripe_secret',
  createdAction: 'stripe_secret.added',
  notFound: { code: 'webhook_secret.not_found', detail: { key: 'intake.problem.noWebhookSecret' } },
  shownLength: 12,
};

const sealedWith = (box: SecretBox): CredentialKind => ({ ...stripeSecrets, box });

export async function addStripeSecret(
  db: Db,
  box: SecretBox,
  by: ChangeAuthor,
  input: AddStripeSecret,
) {
  const { row } = await addCredential(db, sealedWith(box), by, {
    name: input.name,
    value: input.secret,
  });
  return describeCredential(row);
}

export async function listStripeSecrets(db: Db, clock: Clock, workspaceId: WorkspaceId) {
  return (await listCredentials(db, stripeSecrets, workspaceId, clock.now())).map(
    describeCredential,
  );
}

export function revokeStripeSecret(db: Db, clock: Clock, by: ChangeAuthor, id: string) {
  return revokeCredential(db, clock, stripeSecrets, by, id);
}

/** A secret to try, and the workspace it belongs to (null: the install's, from the config). */
export type SecretCandidate = { secret: string; workspaceId: WorkspaceId | null };

/**
 * Every live secret. Installs hold a handful of workspaces, so trying each is cheap; a
 * header naming the workspace would be needed only at far larger scale.
 */
export async function stripeSecretCandidates(
  db: Db,
  clock: Clock,
  options: { installSecrets: readonly string[]; box: SecretBox },
): Promise<SecretCandidate[]> {
  return [
    ...options.installSecrets.map((secret) => ({ secret, workspaceId: null })),
    ...(await liveCredentials(db, sealedWith(options.box), clock.now())),
  ];
}

/** Seals Stripe secrets kept in plain text before sealing began (run at start). */
export function sealPlainStripeSecrets(db: Db, box: SecretBox) {
  return sealPlainSecrets(db, sealedWith(box));
}

/**
 * The workspace events signed with STRIPE_WEBHOOK_SECRET belong to: a self-hosted install
 * has one real workspace (the oldest that is not the demo), else the demo itself.
 */
export async function installWorkspace(db: Db): Promise<WorkspaceId | undefined> {
  const row = await oldestRealWorkspace(db);
  return row?.id as WorkspaceId | undefined;
}
