// E-mail over SMTP (nodemailer): one pooled transport per SMTP_URL for the process. Every
// message carries a Message-ID made from the outbox row it was sent for, so a send retried
// after a crash (the SMTP server took it, Steward died before marking it sent) is the same
// message to the recipient's mail system, which can recognise and drop the duplicate.
import nodemailer, { type Transporter } from 'nodemailer';

const transports = new Map<string, Transporter>();

export type Email = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The outbox row this message is for: `<kind>.<id>@<the sender's domain>` names it. */
  messageId: { kind: string; id: string };
  /** A calendar invitation (iTIP): sent as a text/calendar part with its METHOD. */
  icalEvent?: { method: 'REQUEST' | 'CANCEL'; content: string; filename: string };
};

export async function sendEmail(smtpUrl: string, from: string, email: Email): Promise<void> {
  let transport = transports.get(smtpUrl);
  if (!transport) {
    transport = nodemailer.createTransport(smtpUrl);
    transports.set(smtpUrl, transport);
  }
  const { messageId, ...message } = email;
  await transport.sendMail({ from, ...message, messageId: messageIdFor(messageId, from) });
}

/** A Message-ID (RFC 5322) that stays the same for every attempt at one outbox row. */
export function messageIdFor(row: { kind: string; id: string }, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'steward.invalid';
  return `<${row.kind}.${row.id}@${domain}>`;
}

/** Closes pooled SMTP connections (tests, shutdown). */
export function closeEmailTransports(): void {
  for (const transport of transports.values()) transport.close();
  transports.clear();
}
