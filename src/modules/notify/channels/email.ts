// E-mail over SMTP (nodemailer): one pooled transport per SMTP_URL for the process. Every
// message carries a Message-ID made from the outbox row it was sent for, so a send retried
// after a crash (the SMTP server took it, Steward died before marking it sent) is the same
// message to the recipient's mail system, which can recognise and drop the duplicate.
import nodemailer, { type Transporter } from 'nodemailer';

/** A pooled transport and the messages in flight on it; closed after a second of quiet. */
type Pooled = { transport: Transporter; sending: number; idle?: NodeJS.Timeout };
const transports = new Map<string, Pooled>();
const idleMs = 1000;

export type Email = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The outbox row this message is for: `<kind>.<id>@<the sender's domain>` names it. */
  messageId: { kind: string; id: string };
  /** A calendar invitation (iTIP): sent as a text/calendar part with its METHOD. */
  icalEvent?: { method: 'REQUEST' | 'CANCEL'; content: string; filename: string };
  /** Any other file a letter carries. */
  attachments?: { filename: string; contentType: string; content: string }[];
};

export async function sendEmail(smtpUrl: string, from: string, email: Email): Promise<void> {
  let pooled = transports.get(smtpUrl);
  if (!pooled) {
    // Pooled unless SMTP_URL says `pool=false`: a morning's digests reuse a few connections
    // instead of a handshake per message; a quiet second closes them.
    pooled = { transport: nodemailer.createTransport({ url: smtpUrl, pool: true }), sending: 0 };
    transports.set(smtpUrl, pooled);
  }
  const current = pooled;
  clearTimeout(current.idle);
  current.sending++;
  const { messageId, ...message } = email;
  try {
    await current.transport.sendMail({
      from,
      ...message,
      messageId: messageIdFor(messageId, from),
    });
  } finally {
    current.sending--;
    if (current.sending === 0) {
      current.idle = setTimeout(() => {
        if (transports.get(smtpUrl) === current) transports.delete(smtpUrl);
        current.transport.close();
      }, idleMs);
      current.idle.unref();
    }
  }
}

/** A Message-ID (RFC 5322) that stays the same for every attempt at one outbox row. */
export function messageIdFor(row: { kind: string; id: string }, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'steward.invalid';
  return `<${row.kind}.${row.id}@${domain}>`;
}

/** Closes pooled SMTP connections (tests, shutdown). */
export function closeEmailTransports(): void {
  for (const pooled of transports.values()) {
    clearTimeout(pooled.idle);
    pooled.transport.close();
  }
  transports.clear();
}
