// Stored notification sentences, rendered for whoever reads them: the asker's language and
// time zone in the API, the recipient's in an e-mail or a Slack message.
import type { NotificationItem, StoredMessage } from '../../db/schema.ts';
import {
  message,
  knownMessage,
  renderMessage,
  type Locale,
  type Message,
} from '../../i18n/index.ts';

/** The person a sentence is written for. */
export type Reader = { locale: Locale; timeZone: string };

/** A stored message as the catalog knows it; one it no longer knows shows its key. */
export function storedMessage(stored: StoredMessage): Message {
  return knownMessage(stored, message('notify.text', { text: stored.key }));
}

export function render(stored: StoredMessage, reader: Reader): string {
  return renderMessage(storedMessage(stored), reader.locale, reader.timeZone);
}

export type RenderedNotification = {
  title: string;
  body: string | null;
  /** The tasks a grouped notification lists (their titles are the customer's words). */
  items: { taskId: string; title: string }[];
};

export function renderNotification(
  row: { message: StoredMessage; detail: StoredMessage | null; items: NotificationItem[] },
  reader: Reader,
): RenderedNotification {
  return {
    title: render(row.message, reader),
    body: row.detail ? render(row.detail, reader) : null,
    items: row.items.length > 1 ? row.items.map((i) => ({ taskId: i.taskId, title: i.title })) : [],
  };
}

/** Someone's language and zone from their user row (e-mail, Slack). */
export function readerOf(user: { locale: Locale; timezone: string }): Reader {
  return { locale: user.locale, timeZone: user.timezone };
}
