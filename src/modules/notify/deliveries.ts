// `delivery__send`: drains the outbox a batch of rows at a time, each message written in its
// recipient's language and time zone. A batch's e-mails go out together over the pooled SMTP
// connections and the rows sent are marked in one statement; a row that failed keeps its own
// count of attempts and the job is retried with graphile-worker's exponential backoff, taking
// only the rows still pending, so one bad address holds up nothing else. A webhook Slack
// refuses, or the last attempt, marks the row failed for admins to see
// (GET /deliveries?status=failed).
//
// If the process dies after the SMTP server took a batch and before the rows are marked, the
// rows are still pending and the job still theirs: it runs again once the worker is back and
// sends them again. Delivery is at least once, never lost; every attempt at a row carries the
// same Message-ID (channels/email.ts), by which the receiving mail system can drop the
// duplicate.
import type { Deps } from '../../context.ts';
import type { JobHandler } from '../../jobs/registry.ts';
import { sendEmail, type Email } from './channels/email.ts';
import { PermanentDeliveryError, postToSlack, slackMessage } from './channels/slack.ts';
import type { Digest } from './digestFor.ts';
import { renderDigests } from './digests.ts';
import { maxDeliveryAttempts } from './notifyPeople.ts';
import { message, renderMessage } from '../../i18n/index.ts';
import { loadPreferences } from './preferences.ts';
import { render, renderNotification, type Reader } from './render.ts';
import * as store from './store/deliveries.ts';

export const sendDelivery: JobHandler<'delivery__send'> = async (deps, payload) => {
  await sendDeliveries(deps, 'deliveryIds' in payload ? payload.deliveryIds : [payload.deliveryId]);
};

/**
 * Sends the rows of a batch still pending, marks those sent in one statement and records each
 * failure on its row; throws (for the job to be retried) when a row may succeed later.
 */
export async function sendDeliveries(deps: Deps, deliveryIds: readonly string[]): Promise<void> {
  const { db, clock } = deps;
  const rows = await store.deliveriesToSend(db, deliveryIds);
  if (rows.length === 0) return;
  const now = clock.now();
  const digestIds = rows.flatMap((r) => (r.digest_id ? [r.digest_id] : []));
  const digests = await renderDigests(db, digestIds, now);
  const outcomes = await Promise.allSettled(rows.map((row) => sendOne(deps, row, digests)));
  await store.markDeliveriesSent(
    db,
    rows.filter((_, i) => outcomes[i]?.status === 'fulfilled').map((r) => r.id),
    now,
  );
  let retry: unknown = null;
  for (const [i, outcome] of outcomes.entries()) {
    const row = rows[i];
    if (outcome.status === 'fulfilled' || !row) continue;
    const error: unknown = outcome.reason;
    const attempts = row.attempts + 1;
    const failed = error instanceof PermanentDeliveryError || attempts >= maxDeliveryAttempts;
    await store.recordFailedAttempt(db, row.workspace_id, row.id, {
      attempts,
      lastError: error instanceof Error ? error.message : String(error),
      status: failed ? 'failed' : 'pending',
    });
    if (!failed) retry = error;
  }
  // Thrown, graphile-worker retries later; once failed for good, there is nothing to retry.
  if (retry !== null) throw retry;
}

async function sendOne(deps: Deps, delivery: store.DeliveryToSend, digests: Map<string, Digest>) {
  const { db, config } = deps;
  if (delivery.locale === null || delivery.timezone === null || delivery.email === null) {
    throw new PermanentDeliveryError('the recipient is gone');
  }
  const reader: Reader = { locale: delivery.locale, timeZone: delivery.timezone };
  const say = (key: 'notify.channel.open' | 'notify.channel.subject') =>
    renderMessage(message(key), reader.locale, reader.timeZone);
  const link = config.publicUrl ? `${config.publicUrl.replace(/\/$/, '')}/inbox` : undefined;
  let digest: Digest | null = null;
  if (delivery.digest_id) {
    digest = digests.get(delivery.digest_id) ?? null;
    if (!digest) throw new PermanentDeliveryError('the digest is gone');
  }
  const note = delivery.message
    ? renderNotification(
        { message: delivery.message, detail: delivery.detail, items: delivery.items ?? [] },
        reader,
      )
    : null;
  if (delivery.channel === 'email') {
    if (!config.smtpUrl) throw new PermanentDeliveryError('SMTP_URL is not configured');
    await sendEmail(config.smtpUrl, config.mailFrom, {
      to: delivery.recipient_name
        ? `"${delivery.recipient_name.replace(/"/g, '')}" <${delivery.email}>`
        : delivery.email,
      ...(delivery.subject && delivery.body
        ? letter(delivery, reader)
        : {
            subject: digest?.subject ?? note?.title ?? say('notify.channel.subject'),
            text:
              digest?.text ??
              [note?.title, note?.body, note?.items.map((i) => `• ${i.title}`).join('\n')]
                .filter(Boolean)
                .join('\n\n'),
            html: digest?.html ?? notificationHtml(note),
          }),
      messageId: { kind: 'delivery', id: delivery.id },
    });
    return;
  }
  if (delivery.user_id === null) throw new PermanentDeliveryError('Slack needs a Steward user');
  const prefs = (await loadPreferences(db, delivery.workspace_id, [delivery.user_id])).get(
    delivery.user_id,
  );
  const url = prefs?.slackWebhookUrl;
  if (!url) throw new PermanentDeliveryError('no Slack webhook URL in the preferences');
  await postToSlack(
    url,
    slackMessage({
      title: digest?.subject ?? note?.title ?? say('notify.channel.subject'),
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

/** A letter another module composed: its subject and paragraphs, and its attachment. */
function letter(
  delivery: store.DeliveryToSend,
  reader: Reader,
): Pick<Email, 'subject' | 'text' | 'html' | 'icalEvent' | 'attachments'> {
  const paragraphs = (delivery.body ?? []).map((p) => render(p, reader));
  const attached = attachmentOf(delivery);
  return {
    subject: delivery.subject ? render(delivery.subject, reader) : '',
    text: paragraphs.join('\n\n'),
    html: paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join(''),
    ...attached,
  };
}

/** An invitation (text/calendar with its iTIP method) goes as the calendar part mail apps read. */
function attachmentOf(delivery: store.DeliveryToSend): Pick<Email, 'icalEvent' | 'attachments'> {
  const { attachment: content, attachment_type: type, attachment_name: filename } = delivery;
  if (content === null || type === null || filename === null) return {};
  const method = /^text\/calendar;\s*method=(REQUEST|CANCEL)\b/i.exec(type)?.[1]?.toUpperCase();
  if (method === 'REQUEST' || method === 'CANCEL') {
    return { icalEvent: { method, content, filename } };
  }
  return { attachments: [{ filename, contentType: type, content }] };
}

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
