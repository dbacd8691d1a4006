// The public survey page's two calls, made without signing in: read what the link is for, and
// answer once. Every call is counted per address (30 in 10 minutes), so tokens cannot be tried
// by the thousand. A token that does not verify — altered, forged, another workspace's, another
// contact's — is "no such link"; a used one or an expired one says so, naming the token.
import type { Deps } from '../../../context.ts';
import { AppError, fieldProblem } from '../../../lib/errors.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import * as store from '../store/surveys.ts';
import { recordResponse } from './respond.ts';
import { readSurveyToken, surveyTokenValid } from './token.ts';

const windowMs = 10 * 60_000;
const allowedPerWindow = 30;

async function throttle(deps: Pick<Deps, 'db' | 'clock'>, ip: string) {
  const now = deps.clock.now();
  const hits = await store.hitSurveyLink(deps.db, ip, now, new Date(now.getTime() - windowMs));
  if (hits > allowedPerWindow) {
    throw new AppError(
      'survey.throttled',
      { key: 'voice.problem.surveyThrottled' },
      {
        headers: { 'retry-after': String(windowMs / 1000) },
      },
    );
  }
}

const noSuchLink = () =>
  new AppError(
    'survey.link_not_found',
    { key: 'voice.problem.surveyLinkInvalid' },
    {
      errors: [fieldProblem('token', 'voice.field.surveyLink')],
    },
  );

/** The invitation a token stands for, verified: signature, contact and survey all match. */
async function invitationOf(deps: Pick<Deps, 'db' | 'clock'>, token: string) {
  const claims = readSurveyToken(token);
  if (!claims) throw noSuchLink();
  const invitation = await store.invitationById(deps.db, claims.i);
  if (
    !invitation?.survey_key ||
    !surveyTokenValid(invitation.survey_key, token) ||
    invitation.contact_id !== claims.c ||
    invitation.kind !== claims.k
  ) {
    throw noSuchLink();
  }
  if (invitation.used_at) {
    throw new AppError(
      'survey.link_used',
      { key: 'voice.problem.surveyAnswered' },
      {
        errors: [fieldProblem('token', 'voice.field.linkUsed')],
      },
    );
  }
  if (invitation.expires_at.getTime() <= deps.clock.now().getTime()) {
    throw new AppError(
      'survey.link_expired',
      { key: 'voice.problem.surveyExpired' },
      {
        errors: [fieldProblem('token', 'voice.field.linkExpired')],
      },
    );
  }
  return invitation;
}

export async function viewSurvey(deps: Pick<Deps, 'db' | 'clock'>, token: string, ip: string) {
  await throttle(deps, ip);
  const invitation = await invitationOf(deps, token);
  return {
    kind: invitation.kind,
    company: invitation.workspace_name,
    contactName: invitation.contact_name,
    locale: invitation.locale,
    expiresAt: invitation.expires_at.toISOString(),
  };
}

export async function answerSurvey(
  deps: Pick<Deps, 'db' | 'clock'>,
  token: string,
  ip: string,
  answer: { score: number; comment?: string | null | undefined },
): Promise<void> {
  await throttle(deps, ip);
  const invitation = await invitationOf(deps, token);
  const at = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    // The link's one use: whoever gets here second finds it used.
    if (!(await store.useInvitation(trx, invitation.id, at))) {
      throw new AppError(
        'survey.link_used',
        { key: 'voice.problem.surveyAnswered' },
        {
          errors: [fieldProblem('token', 'voice.field.linkUsed')],
        },
      );
    }
    await recordResponse(trx, at, {
      workspaceId: invitation.workspace_id as WorkspaceId,
      accountId: invitation.account_id,
      contactId: invitation.contact_id,
      kind: invitation.kind,
      score: answer.score,
      comment: answer.comment?.trim() || null,
      source: 'link',
      invitationId: invitation.id,
      respondedAt: at,
      createdBy: null,
    });
  });
}
