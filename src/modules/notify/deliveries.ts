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
import * as store from './store/deliveries.ts';

export const sendDelivery: JobHandler<'delivery__send'> = async (deps, payload) => {
  const { db, clock, config } = deps;
  const delivery = await store.deliveryToSend(db, payload.deliveryId);
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
      await sendEmail(config.smtpUrl, config.mailFrom, {
        to: delivery.email,
        subject,
        text,
        html,
        messageId: { kind: 'delivery', id: delivery.id },
      });
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
        { allowInsecure: config.allowInsecureWebhooks, extraHosts: config.slackWebhookHosts },
      );
    }
  } catch (error) {
    const attempts = delivery.attempts + 1;
    const failed = error instanceof PermanentDeliveryError || attempts >= maxDeliveryAttempts;
    await store.recordFailedAttempt(db, delivery.workspace_id, delivery.id, {
      attempts,
      lastError: error instanceof Error ? error.message : String(error),
      status: failed ? 'failed' : 'pending',
    });
    // Thrown, graphile-worker retries later; once failed for good, there is nothing to retry.
    if (!failed) throw error;
    return;
  }
  await store.markDeliverySent(db, delivery.workspace_id, delivery.id, {
    at: now,
    attempts: delivery.attempts + 1,
  });
  if (delivery.notification_id) {
    await store.markNotificationDelivered(db, delivery.workspace_id, delivery.notification_id, now);
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
