// Letters other modules compose (a meeting's invitation): queued in notify's one outbox,
// sent by `delivery__send` with the same retries and Message-ID as notifications and digests.
// The letter names its recipient by address, language and time zone (they may be no Steward
// user: a customer's contact), its subject and paragraphs as message keys with parameters —
// rendered when it is sent, in the recipient's language and zone — and at most one attachment.
import type { Db } from '../../db/connect.ts';
import type { Locale, Message } from '../../i18n/index.ts';
import type { WorkspaceId } from '../../lib/ids.ts';
import { queueSends } from './notifyPeople.ts';
import * as store from './store/deliveries.ts';

export type Letter = {
  /** The recipient's user, when they have one. */
  userId: string | null;
  email: string;
  name: string | null;
  locale: Locale;
  timeZone: string;
  subject: Message;
  paragraphs: Message[];
  attachment: { name: string; type: string; content: string } | null;
  /** What the letter is about, in the sender's words (`meeting:<id>`), and which version. */
  about: string;
  aboutVersion: number | null;
  /** The same key again (a writer retried) queues nothing. */
  dedupeKey: string;
};

/**
 * Queues the letters not queued yet, in the caller's transaction, with their send jobs due at
 * `at`; answers how many were added.
 */
export async function queueLetters(
  db: Db,
  workspaceId: WorkspaceId,
  letters: readonly Letter[],
  at: Date,
): Promise<number> {
  const added = await store.insertLetters(
    db,
    letters.map((l) => ({
      workspaceId,
      userId: l.userId,
      email: l.email,
      name: l.name,
      locale: l.locale,
      timeZone: l.timeZone,
      subject: l.subject,
      body: l.paragraphs,
      attachment: l.attachment,
      about: l.about,
      aboutVersion: l.aboutVersion,
      dedupeKey: l.dedupeKey,
    })),
    at,
  );
  await queueSends(
    db,
    added.map((r) => ({ id: r.id, run_at: at })),
  );
  return added.length;
}

/** The letters about one thing (a meeting's invitations) and how each went, oldest first. */
export async function lettersAbout(db: Db, workspaceId: WorkspaceId, about: string) {
  const rows = await store.deliveriesAbout(db, workspaceId, about);
  return rows.map((r) => ({
    id: r.id,
    email: r.email ?? '',
    version: r.about_version,
    attachmentType: r.attachment_type,
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    sentAt: r.sent_at,
  }));
}
