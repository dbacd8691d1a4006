// When failures switch a subscription off, the workspace's admins are told through notify, as
// an activity naming them (the inbox, and e-mail or Slack as each prefers) — in their language.
import type { Db } from '../../db/connect.ts';
import { message } from '../../i18n/index.ts';
import type { WorkspaceId } from '../../lib/ids.ts';
import { recordActivity } from '../accounts/index.ts';
import { listUsers } from '../auth/index.ts';

export async function tellAdminsSubscriptionOff(
  db: Db,
  off: { workspaceId: string; subscriptionId: string; url: string; failures: number; at: Date },
): Promise<void> {
  const admins = (await listUsers(db, off.workspaceId as WorkspaceId))
    .filter((u) => u.role === 'admin' && !u.deactivated)
    .map((u) => u.id);
  if (admins.length === 0) return;
  await recordActivity(db, {
    workspaceId: off.workspaceId,
    kind: 'webhook_disabled',
    actorId: null,
    data: {
      recipientIds: admins,
      subscriptionId: off.subscriptionId,
      summary: message('webhooks.disabled', { count: off.failures, url: off.url }),
      detail: message('webhooks.disabledDetail'),
    },
    at: off.at,
  });
}
