// The body of every webhook: one envelope, the event's `data` inside. Written once per delivery
// and stored as sent, so the signature and a replay cover the very same bytes.
import type { WebhookEvent } from './events.ts';

export type Envelope = {
  /** The activity event's id: the same in a retry and a replay, so receivers can drop repeats. */
  id: string;
  type: WebhookEvent | 'ping';
  /** When it happened in Steward (ISO 8601, UTC). */
  createdAt: string;
  workspaceId: string;
  data: Record<string, unknown>;
};

export function webhookBody(envelope: Envelope): string {
  return JSON.stringify({
    id: envelope.id,
    type: envelope.type,
    createdAt: envelope.createdAt,
    workspaceId: envelope.workspaceId,
    data: envelope.data,
  });
}
