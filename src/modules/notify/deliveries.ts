// `delivery__send`: drains the outbox, one message per row. Failures retry with
// graphile-worker's exponential backoff; a webhook Slack refuses, or the last attempt, marks
// the row failed for admins to see (GET /deliveries?status=failed).
import type { JobHandler } from '../../jobs/registry.ts';
import { sendEmail } from './channels/email.ts';
import { PermanentDeliveryError, postToSlack, slackMessage } from './channels/slack.ts';
import { renderDigest } from './digests.ts';
import { maxDeliveryAttempts } from './notifyPeople.ts';
import { loadPreferences } from './preferences.ts';

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
      'n.title',
      'n.body',
    ])
    .where('d.id', '=', payload.deliveryId)
    .executeTakeFirst();
  if (!delivery || delivery.status !== 'pending') return;
  const now = clock.now();
  const link = config.publicUrl ? `${config.publicUrl.replace(/\/$/, '')}/inbox` : undefined;
  try {
    const digest = delivery.digest_id ? await renderDigest(db, delivery.digest_id, now) : null;
    const subject = digest?.subject ?? delivery.title ?? 'Steward';
    if (delivery.channel === 'email') {
      if (!config.smtpUrl) throw new PermanentDeliveryError('SMTP_URL is not configured');
      const text = digest?.text ?? [delivery.title, delivery.body].filter(Boolean).join('\n\n');
      const html =
        digest?.html ??
        `<p><strong>${(delivery.title ?? '').replace(/</g, '&lt;')}</strong></p>${
          delivery.body ? `<p>${delivery.body.replace(/</g, '&lt;')}</p>` : ''
        }`;
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
          body: digest ? null : delivery.body,
          ...(digest
            ? {
                lines: digest.groups.map((g) => ({
                  heading: g.accountName,
                  items: g.lines.map((l) => l.text),
                })),
              }
            : {}),
          ...(link ? { link } : {}),
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
