// Survey invitations: a CSM sends contacts a link to a one-question survey (NPS 0–10 or CSAT
// 1–5). Each link is signed for its contact and survey and works once; the e-mail goes out from
// a job, in the language the CSM chose, and the link is also given back to share another way.
import type { Deps } from '../../../context.ts';
import { renderMessage, type Locale } from '../../../i18n/index.ts';
import { enqueue, type JobHandler } from '../../../jobs/registry.ts';
import { fieldProblem, invalid } from '../../../lib/errors.ts';
import type { UserId } from '../../../lib/ids.ts';
import { daysAfter, isoDay } from '../../../lib/calendar.ts';
import type { AccountScope } from '../../accounts/index.ts';
import { recordAudit, type ChangeAuthor } from '../../auth/index.ts';
import { sendEmail } from '../../notify/index.ts';
import * as store from '../store/surveys.ts';
import { signSurveyToken } from './token.ts';

/** The path of the public survey page (outside the signed-in app). */
export const surveyPath = (token: string) => `/s/${token}`;

export function surveyLink(publicUrl: string | undefined, token: string) {
  return `${(publicUrl ?? '').replace(/\/$/, '')}${surveyPath(token)}`;
}

export async function inviteContacts(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  by: ChangeAuthor & { userId: UserId | null },
  scope: AccountScope,
  input: { contactIds: string[]; kind: 'nps' | 'csat'; locale: Locale; expiresInDays: number },
) {
  const at = deps.clock.now();
  const expiresAt = daysAfter(at, input.expiresInDays);
  return deps.db.transaction().execute(async (trx) => {
    const contacts = await store.contactsOfWorkspace(trx, scope, input.contactIds);
    const found = new Set(contacts.map((c) => c.id));
    const missing = input.contactIds.flatMap((id, i) =>
      found.has(id) ? [] : [fieldProblem(`contactIds.${i}`, 'voice.field.noContact')],
    );
    if (missing.length > 0) throw invalid(missing);
    const key = await store.surveyKey(trx, by.workspaceId);
    const rows = await store.insertInvitations(
      trx,
      contacts.map((c) => ({
        workspace_id: by.workspaceId,
        kind: input.kind,
        account_id: c.account_id,
        contact_id: c.id,
        locale: input.locale,
        expires_at: expiresAt,
        created_by: by.userId,
        created_at: at,
      })),
    );
    for (const row of rows) {
      await enqueue(trx, 'survey__send_invitation', { invitationId: row.id }, { runAt: at });
      await recordAudit(trx, by, {
        action: 'survey.invited',
        entityType: 'survey_invitation',
        entityId: row.id,
        changes: { contactId: row.contact_id, kind: row.kind },
      });
    }
    return rows.map((row) => ({
      id: row.id,
      contactId: row.contact_id,
      accountId: row.account_id,
      kind: row.kind,
      link: surveyLink(
        deps.config.publicUrl,
        signSurveyToken(key, { i: row.id, c: row.contact_id, k: row.kind }),
      ),
      expiresAt: row.expires_at.toISOString(),
    }));
  });
}

/** `survey__send_invitation`: the e-mail with the link, in the invitation's language. */
export const sendInvitation: JobHandler<'survey__send_invitation'> = async (deps, payload) => {
  const { db, clock, config, logger } = deps;
  const invitation = await store.invitationById(db, payload.invitationId);
  if (!invitation || invitation.sent_at || invitation.used_at || !invitation.survey_key) return;
  if (!invitation.contact_email) return;
  if (!config.smtpUrl) {
    // Without mail, the CSM shares the link the invitation answered with.
    logger.warn({ invitationId: invitation.id }, 'survey invitation not e-mailed: SMTP_URL unset');
    return;
  }
  const token = signSurveyToken(invitation.survey_key, {
    i: invitation.id,
    c: invitation.contact_id,
    k: invitation.kind,
  });
  const params = {
    company: invitation.workspace_name,
    contact: invitation.contact_name,
    link: surveyLink(config.publicUrl, token),
    expires: { date: isoDay(invitation.expires_at) },
  };
  const nps = invitation.kind === 'nps';
  const subject = renderMessage(
    { key: nps ? 'voice.survey.subjectNps' : 'voice.survey.subjectCsat', params },
    invitation.locale,
  );
  const text = renderMessage(
    { key: nps ? 'voice.survey.bodyNps' : 'voice.survey.bodyCsat', params },
    invitation.locale,
  );
  const html = text
    .split('\n\n')
    .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
    .join('');
  await sendEmail(config.smtpUrl, config.mailFrom, {
    to: invitation.contact_email,
    subject,
    text,
    html,
    messageId: { kind: 'survey', id: invitation.id },
  });
  await store.markInvitationSent(db, invitation.id, clock.now());
};
