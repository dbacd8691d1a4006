// E-mail over SMTP (nodemailer): one pooled transport per SMTP_URL for the process.
import nodemailer, { type Transporter } from 'nodemailer';

const transports = new Map<string, Transporter>();

export type Email = {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** A calendar invitation (iTIP): sent as a text/calendar part with its METHOD. */
  icalEvent?: { method: 'REQUEST' | 'CANCEL'; content: string; filename: string };
};

export async function sendEmail(smtpUrl: string, from: string, email: Email): Promise<void> {
  let transport = transports.get(smtpUrl);
  if (!transport) {
    transport = nodemailer.createTransport(smtpUrl);
    transports.set(smtpUrl, transport);
  }
  await transport.sendMail({ from, ...email });
}

/** Closes pooled SMTP connections (tests, shutdown). */
export function closeEmailTransports(): void {
  for (const transport of transports.values()) transport.close();
  transports.clear();
}
