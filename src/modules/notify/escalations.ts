// What the SLA timers and unanswered mentions raised, newest first.
import { z } from '@hono/zod-openapi';
import type { Db } from '../../db/connect.ts';
import type { WorkspaceId } from '../../lib/ids.ts';
import type { AccountScope } from '../accounts/index.ts';
import { timeKeyset } from '../../lib/pagination.ts';
import { escalationRows } from './sla/store.ts';
import { deliveryRows } from './store/deliveries.ts';

export const escalationSchema = z
  .object({
    id: z.uuid(),
    taskId: z.uuid(),
    taskTitle: z.string(),
    accountId: z.uuid(),
    accountName: z.string(),
    policyId: z.uuid().nullable(),
    policyName: z.string().nullable(),
    mentionId: z.uuid().nullable(),
    step: z.number().int(),
    kind: z.enum(['warning', 'breach', 'escalation']),
    notifiedUserIds: z.array(z.uuid()),
    raisedAt: z.string(),
  })
  .openapi('Escalation');

/**
 * Escalations of the workspace; a CSM (scope.onlyOwner) sees those about their own clients,
 * tasks assigned to them, and those they were told about — not other CSMs' clients.
 */
export async function listEscalations(
  db: Db,
  scope: AccountScope,
  page: { limit: number; cursor?: string },
) {
  const keyset = timeKeyset('escalations', page.cursor);
  const rows = await escalationRows(db, scope, { keyset, limit: page.limit });
  return keyset.page(
    rows,
    page.limit,
    (r) => ({
      id: r.id,
      taskId: r.task_id,
      taskTitle: r.task_title,
      accountId: r.account_id,
      accountName: r.account_name,
      policyId: r.policy_id,
      policyName: r.policy_name,
      mentionId: r.mention_id,
      step: r.step,
      kind: r.kind,
      notifiedUserIds: r.notified_user_ids,
      raisedAt: r.raised_at.toISOString(),
    }),
    (r) => r.raised_at,
  );
}

export const deliverySchema = z
  .object({
    id: z.uuid(),
    /** Null for a letter to someone who is no Steward user (a customer's contact). */
    userId: z.uuid().nullable(),
    /** The address a letter went to; null when it is the user's own. */
    email: z.string().nullable(),
    channel: z.enum(['email', 'slack']),
    status: z.enum(['pending', 'sent', 'failed']),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    notificationId: z.uuid().nullable(),
    digestId: z.uuid().nullable(),
    createdAt: z.string(),
  })
  .openapi('Delivery');

export async function listDeliveries(
  db: Db,
  workspaceId: WorkspaceId,
  status: 'pending' | 'sent' | 'failed',
  limit: number,
) {
  const rows = await deliveryRows(db, workspaceId, status, limit);
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    email: r.email,
    channel: r.channel,
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    notificationId: r.notification_id,
    digestId: r.digest_id,
    createdAt: r.created_at.toISOString(),
  }));
}
