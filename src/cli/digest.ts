// `steward digest --user <email> --now`: build that person's digest and send it at once,
// without waiting for their digest hour or for a worker.
import { composeDigestNow, sendDelivery } from '../modules/notify/index.ts';
import type { CommandContext } from './withDatabase.ts';

export async function digestCommand(
  { deps }: CommandContext,
  options: { user: string; now?: boolean },
): Promise<void> {
  if (!options.now) {
    process.stdout.write(
      'Digests go out at each person’s digest hour; add --now to send one now.\n',
    );
    return;
  }
  const digest = await composeDigestNow(deps, options.user);
  if (!digest) {
    process.stdout.write(`Nothing to send: ${options.user} has no undigested notifications.\n`);
    return;
  }
  for (const deliveryId of digest.deliveryIds) await sendDelivery(deps, { deliveryId });
  const sent = await deps.db
    .selectFrom('deliveries')
    .select(['channel', 'status', 'last_error'])
    .where('digest_id', '=', digest.digestId)
    .execute();
  const items = await deps.db
    .selectFrom('digests')
    .select('item_count')
    .where('id', '=', digest.digestId)
    .executeTakeFirstOrThrow();
  const channels = sent.map(
    (d) => `${d.channel}: ${d.status}${d.last_error ? ` (${d.last_error})` : ''}`,
  );
  process.stdout.write(
    `Digest of ${items.item_count} item(s) for ${options.user}${
      channels.length
        ? ` — ${channels.join(', ')}`
        : ' — in the in-app inbox (no e-mail channel configured)'
    }\n`,
  );
}
