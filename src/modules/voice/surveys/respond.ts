// A survey response, however it arrives (the API, the survey link, a CSV): kept, put on the
// account's timeline (where health reads NPS as an outcome), its comment made a feedback item,
// and a detractor's answer (NPS 0–6) announced to health's plays, which open the follow-up.
import type { Deps } from '../../../context.ts';
import type { Db } from '../../../db/connect.ts';
import type { SurveyKind } from '../../../db/schema.ts';
import { message, type Locale } from '../../../i18n/index.ts';
import { enqueue } from '../../../jobs/registry.ts';
import { fieldProblem, invalid } from '../../../lib/errors.ts';
import type { UserId, WorkspaceId } from '../../../lib/ids.ts';
import {
  addTimelineEvent,
  getAccount,
  recordActivity,
  type AccountScope,
} from '../../accounts/index.ts';
import { recordAudit, type ChangeAuthor } from '../../auth/index.ts';
import { writeFeedback } from '../feedback.ts';
import * as feedbackStore from '../store/feedback.ts';
import * as store from '../store/surveys.ts';
import type { SurveyResponseInput, SurveyResponseView } from '../surveySchema.ts';
import { guessFeedbackType } from '../text/classify.ts';
import { npsCategory } from './nps.ts';

export type NewResponse = {
  workspaceId: WorkspaceId;
  accountId: string;
  contactId: string | null;
  kind: SurveyKind;
  score: number;
  comment: string | null;
  source: 'api' | 'link' | 'csv';
  invitationId: string | null;
  respondedAt: Date;
  createdBy: UserId | null;
};

export function checkScore(kind: SurveyKind, score: number) {
  if (kind === 'csat' && (score < 1 || score > 5)) {
    throw invalid([fieldProblem('score', 'voice.field.csatScore')]);
  }
}

export function describeResponse(row: store.ResponseRow): SurveyResponseView {
  return {
    id: row.id,
    accountId: row.account_id,
    accountName: row.account_name,
    contact: row.contact_id ? { id: row.contact_id, name: row.contact_name ?? '' } : null,
    kind: row.kind,
    score: row.score,
    category: row.kind === 'nps' ? npsCategory(row.score) : null,
    comment: row.comment,
    source: row.source,
    feedbackItemId: row.feedback_item_id,
    respondedAt: row.responded_at.toISOString(),
  };
}

/**
 * Writes the response and what follows from it, in the caller's transaction. `followUp: false`
 * records an old answer (a seed, an import) whose follow-up happened long ago.
 */
export async function recordResponse(
  db: Db,
  at: Date,
  r: NewResponse,
  options: { followUp?: boolean } = {},
): Promise<string> {
  checkScore(r.kind, r.score);
  const { id } = await store.insertResponse(db, {
    workspace_id: r.workspaceId,
    account_id: r.accountId,
    contact_id: r.contactId,
    kind: r.kind,
    score: r.score,
    comment: r.comment,
    source: r.source,
    invitation_id: r.invitationId,
    responded_at: r.respondedAt,
    created_by: r.createdBy,
    created_at: at,
  });
  const contact = r.contactId
    ? (await feedbackStore.contactOfAccount(db, r.workspaceId, r.accountId, r.contactId))?.name
    : undefined;
  await addTimelineEvent(db, {
    workspaceId: r.workspaceId,
    accountId: r.accountId,
    kind: 'survey',
    title: message(
      r.kind === 'nps' ? 'voice.timeline.npsResponse' : 'voice.timeline.csatResponse',
      {
        score: r.score,
        contact: contact ?? { term: 'voice.timeline.aContact' },
      },
    ),
    body: r.comment,
    occurredAt: r.respondedAt,
    source: 'voice',
    sourceId: `survey:${id}`,
    data: { survey: r.kind, score: r.score, responseId: id, contactId: r.contactId },
  });
  const detractor = r.kind === 'nps' && npsCategory(r.score) === 'detractor';
  if (r.comment) {
    const category = r.kind === 'nps' ? npsCategory(r.score) : null;
    const item = await writeFeedback(db, at, {
      workspaceId: r.workspaceId,
      accountId: r.accountId,
      contactId: r.contactId,
      type:
        category === 'detractor' || (r.kind === 'csat' && r.score <= 2)
          ? 'complaint'
          : category === 'promoter' || (r.kind === 'csat' && r.score >= 4)
            ? 'praise'
            : guessFeedbackType(r.comment),
      priority: detractor ? 'high' : 'medium',
      text: r.comment.slice(0, 5000),
      source: 'survey',
      sourceRef: `survey:${id}`,
      givenAt: r.respondedAt,
      loggedBy: r.createdBy,
    });
    await store.linkResponseFeedback(db, id, item.id);
  }
  if (detractor && options.followUp !== false) {
    await enqueue(
      db,
      'survey__follow_up',
      { workspaceId: r.workspaceId, accountId: r.accountId, responseId: id },
      { runAt: at },
    );
    // Integrations hear of it too (webhooks' `survey.nps_detractor`); people hear of it through
    // the detractor play's task.
    await recordActivity(db, {
      workspaceId: r.workspaceId,
      kind: 'nps_detractor',
      actorId: r.createdBy ?? null,
      accountId: r.accountId,
      data: { responseId: id, contactId: r.contactId, score: r.score },
      at,
    });
  }
  return id;
}

/** A response recorded through the API (an integration, a CSM typing one in). */
export async function logResponse(
  deps: Pick<Deps, 'db' | 'clock'>,
  by: ChangeAuthor & { userId: UserId | null; locale: Locale },
  scope: AccountScope,
  input: SurveyResponseInput,
): Promise<SurveyResponseView> {
  const at = deps.clock.now();
  const id = await deps.db.transaction().execute(async (trx) => {
    await getAccount(trx, scope, input.accountId).catch(() => {
      throw invalid([fieldProblem('accountId', 'errors.field.noAccount')]);
    });
    if (
      input.contactId &&
      !(await feedbackStore.contactOfAccount(trx, by.workspaceId, input.accountId, input.contactId))
    ) {
      throw invalid([fieldProblem('contactId', 'voice.field.noContactOnAccount')]);
    }
    const id = await recordResponse(trx, at, {
      workspaceId: by.workspaceId,
      accountId: input.accountId,
      contactId: input.contactId ?? null,
      kind: input.kind,
      score: input.score,
      comment: input.comment ?? null,
      source: 'api',
      invitationId: null,
      respondedAt: input.respondedAt ? new Date(input.respondedAt) : at,
      createdBy: by.userId,
    });
    await recordAudit(trx, by, {
      action: 'survey.response_recorded',
      entityType: 'survey_response',
      entityId: id,
      changes: { accountId: input.accountId, kind: input.kind, score: input.score },
    });
    return id;
  });
  const [row] = await store.responseRows(deps.db, scope, { ids: [id], limit: 1 });
  if (!row) throw new Error('the response just written is gone');
  return describeResponse(row);
}

export async function listResponses(
  db: Db,
  scope: AccountScope,
  filter: { accountId?: string | undefined; kind?: SurveyKind | undefined; limit: number },
) {
  return (await store.responseRows(db, scope, filter)).map(describeResponse);
}
