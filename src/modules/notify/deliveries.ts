// `delivery__send`: drains the outbox, one message per row, written in the recipient's
// language and time zone. Failures retry with graphile-worker's exponential backoff; a webhook
// Slack refuses, or the last attempt, marks the row failed for admins to see
// (GET /deliveries?status=failed).
import type { JobHandler } from '../../jobs/registry.ts';
import { sendEmail } from './channels/email.ts';
import { PermanentDeliveryError, postToSlack, slackMessage } from './channels/slack.ts';
import { renderDigest } from './digests.ts';
import { maxDeliveryAttempts } from './notifyPeople.ts';
import { message, renderMessage } from '../../i18n/index.ts';
import { loadPreferences } from './preferences.ts';
import { readerOf, renderNotification } from './render.ts';

export const sendDelivery: JobHandler<'delivery__send'> = async (deps, payload) => {
  const { db, clock, config } = deps;
  const delivery = await db
    .selectFrom('deliveries as d')
    .innerJoin('users as u', 'u.id', 'd.user_id')
    .leftJoin('notifications as n', 'n.id', 'd.notification_id')
    .select([
      'd.id',
      'd.workspace_id',
      'd.user_id',
      'd.channel',
      'd.status',
      'd.attempts',
      'd.digest_id',
      'd.notification_id',
      'u.email',
      'u.locale',
      'u.timezone',
      'n.message',
      'n.detail',
      'n.items',
    ])
    .where('d.id', '=', payload.deliveryId)
    .executeTakeFirst();
  if (!delivery || delivery.status !== 'pending') return;
  const now = clock.now();
  const link = config.publicUrl ? `${config.publicUrl.replace(/\/$/, '')}/inbox` : undefined;
  const reader = readerOf(delivery);
  const say = (key: 'notify.channel.open' | 'notify.channel.subject') =>
    renderMessage(message(key), reader.locale, reader.timeZone);
  try {
    const digest = delivery.digest_id ? await renderDigest(db, delivery.digest_id, now) : null;
    const note = delivery.message
      ? renderNotification(
          { message: delivery.message, detail: delivery.detail, items: delivery.items ?? [] },
          reader,
        )
      : null;
    const subject = digest?.subject ?? note?.title ?? say('notify.channel.subject');
    if (delivery.channel === 'email') {
      if (!config.smtpUrl) throw new PermanentDeliveryError('SMTP_URL is not configured');
      const listed = note?.items.map((i) => `• ${i.title}`) ?? [];
      const text =
        digest?.text ?? [note?.title, note?.body, listed.join('\n')].filter(Boolean).join('\n\n');
      const html = digest?.html ?? notificationHtml(note);
      await sendEmail(config.smtpUrl, config.mailFrom, { to: delivery.email, subject, text, html });
    } else {
      const prefs = (await loadPreferences(db, delivery.workspace_id, [delivery.user_id])).get(
        delivery.user_id,
      );
      const url = prefs?.slackWebhookUrl;
      if (!url) throw new PermanentDeliveryError('no Slack webhook URL in the preferences');
      await postToSlack(
        url,
        slackMessage({
          title: subject,
          body: digest ? null : (note?.body ?? null),
          ...(digest
            ? {
                lines: digest.groups.map((g) => ({
                  heading: g.accountName,
                  items: g.lines.map((l) => l.text),
                })),
              }
            : note && note.items.length > 0
              ? { lines: [{ heading: null, items: note.items.map((i) => i.title) }] }
              : {}),
          ...(link ? { link, linkLabel: say('notify.channel.open') } : {}),
        }),
      );
    }
  } catch (error) {
    const attempts = delivery.attempts + 1;
    const failed = error instanceof PermanentDeliveryError || attempts >= maxDeliveryAttempts;
    await db
      .updateTable('deliveries')
      .set({
        attempts,
        last_error: error instanceof Error ? error.message : String(error),
        status: failed ? 'failed' : 'pending',
      })
      .where('id', '=', delivery.id)
      .execute();
    // Thrown, graphile-worker retries later; once failed for good, there is nothing to retry.
    if (!failed) throw error;
    return;
  }
  await db
    .updateTable('deliveries')
    .set({ status: 'sent', sent_at: now, attempts: delivery.attempts + 1 })
    .where('id', '=', delivery.id)
    .execute();
  if (delivery.notification_id) {
    await db
      .updateTable('notifications')
      .set({ delivered_at: now })
      .where('id', '=', delivery.notification_id)
      .where('delivered_at', 'is', null)
      .execute();
  }
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function notificationHtml(note: ReturnType<typeof renderNotification> | null): string {
  if (!note) return '';
  return [
    `<p><strong>${escapeHtml(note.title)}</strong></p>`,
    note.body ? `<p>${escapeHtml(note.body)}</p>` : '',
    note.items.length > 0
      ? `<ul>${note.items.map((i) => `<li>${escapeHtml(i.title)}</li>`).join('')}</ul>`
      : '',
  ].join('');
}
