// The person (or token) a signed-in route acts for, with the request's id for the audit log.
import type { Actor } from '../../../context.ts';

export function actorOf(c: { var: { actor: Actor | undefined; requestId: string } }) {
  const actor = c.var.actor;
  if (!actor) throw new Error('authorize() runs before every non-public handler');
  return { ...actor, requestId: c.var.requestId };
}
