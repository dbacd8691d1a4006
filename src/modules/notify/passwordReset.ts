// `password_reset__send`: the e-mail with a password reset link, in the person's language and
// time zone, through the e-mail channel. Its Message-ID is the reset's, so a retry after a
// crash is the same message. A link already used or expired by the time the job runs is not
// sent; without SMTP there is no way to send it, and retrying would not help.
import { renderMessage } from '../../i18n/index.ts';
import { topicPayloads, type TopicPayload } from '../../jobs/announce.ts';
import type { JobDefinition, JobHandler } from '../../jobs/registry.ts';
import { secretBox } from '../../lib/secrets.ts';
import { passwordResetLetter } from '../auth/index.ts';
import { sendEmail } from './channels/email.ts';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace GraphileWorker {
    // Declaration merging is the point here: graphile-worker types add_job by these payloads.
    // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
    interface Tasks {
      password_reset__send: TopicPayload<'password_reset__requested'>;
    }
  }
}

/** The reset page of the web app, with the link's token. */
export function resetLink(publicUrl: string | undefined, token: string): string {
  return `${(publicUrl ?? '').replace(/\/$/, '')}/reset-password?token=${encodeURIComponent(token)}`;
}

export const sendPasswordReset: JobHandler<'password_reset__send'> = async (deps, payload) => {
  const { db, clock, config, logger } = deps;
  const letter = await passwordResetLetter(db, secretBox(config), {
    resetId: payload.resetId,
    now: clock.now(),
  });
  if (!letter) return;
  if (!config.smtpUrl) {
    logger.warn(
      { resetId: letter.resetId },
      'a password reset was asked for, but SMTP_URL is not set',
    );
    return;
  }
  const params = {
    name: letter.name,
    link: resetLink(config.publicUrl, letter.token),
    expires: { dateTime: letter.expiresAt.toISOString() },
  };
  const text = renderMessage({ key: 'auth.reset.body', params }, letter.locale, letter.timeZone);
  await sendEmail(config.smtpUrl, config.mailFrom, {
    to: letter.email,
    subject: renderMessage({ key: 'auth.reset.subject' }, letter.locale),
    text,
    html: text
      .split('\n\n')
      .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
      .join(''),
    messageId: { kind: 'password-reset', id: letter.resetId },
  });
};

export const passwordResetJobs: { password_reset__send: JobDefinition<'password_reset__send'> } = {
  password_reset__send: {
    payload: topicPayloads.password_reset__requested,
    run: sendPasswordReset,
  },
};
