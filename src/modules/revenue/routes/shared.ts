// What every revenue route does alike: name whose accounts, and put server sentences into
// the asking person's language.
import type { Actor } from '../../../context.ts';
import { renderMessage, type Message } from '../../../i18n/index.ts';
import type { UserId } from '../../../lib/ids.ts';

/** `me`, a user id, or nothing (everyone the caller may see). */
export function ownerOf(actor: Actor, owner: string | undefined): UserId | null {
  if (owner === undefined) return null;
  return (owner === 'me' ? actor.userId : owner) as UserId;
}

/** A message as the API answers it: its key, and its text for the reader. */
export function renderFor(actor: Pick<Actor, 'locale' | 'timeZone'>) {
  return (m: Message) => ({ key: m.key, text: renderMessage(m, actor.locale, actor.timeZone) });
}
