// The audit log's filters, kept in the address so a filtered view can be shared or reloaded: a
// link with a stale or mistyped value (an action renamed, a person's id cut short) opens the log
// without that filter, the others kept. A last day before the first is left for the server to
// refuse on its field, as when it is chosen on the screen. One record's history is its kind and id.
import { auditActions, auditEntityTypes } from '../../api/admin.ts';
import { oneOf, searchOf, text, uuid } from '../searchParams.ts';

const day = text({ pattern: /^\d{4}-\d{2}-\d{2}$/ });

export const auditSearch = searchOf({
  actorId: uuid,
  action: oneOf(auditActions),
  from: day,
  to: day,
  entityType: oneOf(auditEntityTypes),
  entityId: text({ maxLength: 200 }),
});

export type AuditSearch = ReturnType<typeof auditSearch>;
