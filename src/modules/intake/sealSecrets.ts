// Intake's signing secrets stored before they were sealed (or written by hand) are sealed at
// every start, right after the migrations: the key lives outside the database (STEWARD_SECRET_KEY
// or the data directory), where a migration cannot reach it. Until then they are read as they are.
import type { Deps } from '../../context.ts';
import { secretBox } from '../../lib/secrets.ts';
import { sealPlainStripeSecrets } from './billing/index.ts';
import { sealPlainSupportSecrets } from './support/index.ts';

export async function sealStoredSecrets({ db, config, logger }: Deps): Promise<number> {
  const box = secretBox(config);
  const sealed = (await sealPlainStripeSecrets(db, box)) + (await sealPlainSupportSecrets(db, box));
  if (sealed > 0) logger.info({ sealed }, 'sealed signing secrets kept in plain text');
  return sealed;
}
