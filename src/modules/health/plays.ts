// Plays: what Steward opens when something happens to an account's health — an outreach task for
// its CSM when it turns At Risk, the renewal project 90 days before a renewal. A run is claimed
// by its unique (play, account, occasion) row before anything is opened, so a play fires once
// per move into a category (or per renewal date) however often the account is rescored.
import type { Db } from '../../db/connect.ts';
import type { PlayTrigger } from '../../db/schema.ts';
import type { Deps } from '../../context.ts';
import { message } from '../../i18n/index.ts';
import { AppError, fieldProblem, invalid, type FieldError } from '../../lib/errors.ts';
import type { WorkspaceId } from '../../lib/ids.ts';
import { addDays, hourMs, isoDay } from '../../lib/calendar.ts';
import { addTimelineEvent, recordActivity } from '../accounts/index.ts';
import { recordAudit, type ChangeAuthor } from '../auth/index.ts';
import { createTask, instantiateTemplate } from '../work/index.ts';
import * as store from './store/plays.ts';
import type { PlayRow, Target } from './store/plays.ts';
import type { Move } from './store/scores.ts';

export type PlayInput = {
  name: string;
  trigger: PlayTrigger;
  daysBeforeRenewal: number | null;
  templateId: string | null;
  taskTitle: string | null;
  assigneeRole: 'owner' | 'manager';
  dueInHours: number;
  enabled: boolean;
};

export type Play = PlayInput & { id: string; createdAt: string; updatedAt: string };

function describePlay(row: PlayRow): Play {
  return {
    id: row.id,
    name: row.name,
    trigger: row.trigger,
    daysBeforeRenewal: row.days_before_renewal,
    templateId: row.template_id,
    taskTitle: row.task_title,
    assigneeRole: row.assignee_role === 'manager' ? 'manager' : 'owner',
    dueInHours: row.due_in_hours,
    enabled: row.enabled,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function listPlays(db: Db, workspaceId: string): Promise<Play[]> {
  return (await store.playRows(db, workspaceId)).map(describePlay);
}

async function findPlay(db: Db, workspaceId: string, id: string): Promise<PlayRow> {
  const row = await store.findPlayRow(db, workspaceId, id);
  if (!row) throw new AppError('request.not_found', { key: 'health.problem.noPlay' });
  return row;
}

async function checkPlay(db: Db, workspaceId: string, play: PlayInput) {
  const errors: FieldError[] = [];
  if (play.trigger === 'renewal_approaching' && play.daysBeforeRenewal === null) {
    errors.push(fieldProblem('daysBeforeRenewal', 'health.field.daysNeeded'));
  }
  if (play.trigger !== 'renewal_approaching' && play.daysBeforeRenewal !== null) {
    errors.push(fieldProblem('daysBeforeRenewal', 'health.field.daysOnlyRenewal'));
  }
  if (play.templateId === null && !play.taskTitle) {
    errors.push(fieldProblem('taskTitle', 'health.field.taskOrTemplate'));
  }
  if (play.templateId !== null) {
    const template = await store.liveTemplateExists(db, workspaceId, play.templateId);
    if (!template) errors.push(fieldProblem('templateId', 'health.field.noTemplate'));
  }
  if (errors.length > 0) throw invalid(errors, { key: 'health.problem.play' });
}

const columns = (play: PlayInput): store.PlayColumns => ({
  name: play.name,
  trigger: play.trigger,
  days_before_renewal: play.daysBeforeRenewal,
  template_id: play.templateId,
  task_title: play.taskTitle,
  assignee_role: play.assigneeRole,
  due_in_hours: play.dueInHours,
  enabled: play.enabled,
});

export async function createPlay(db: Db, by: ChangeAuthor, play: PlayInput, at: Date) {
  await checkPlay(db, by.workspaceId, play);
  return db.transaction().execute(async (trx) => {
    const row = await store.insertPlay(trx, by.workspaceId, columns(play), at);
    await recordAudit(trx, by, {
      action: 'play.created',
      entityType: 'play',
      entityId: row.id,
      changes: { ...play },
    });
    return describePlay(row);
  });
}

export async function updatePlay(
  db: Db,
  by: ChangeAuthor,
  id: string,
  changes: Partial<PlayInput>,
  at: Date,
) {
  const before = describePlay(await findPlay(db, by.workspaceId, id));
  const play: PlayInput = { ...before, ...changes };
  await checkPlay(db, by.workspaceId, play);
  return db.transaction().execute(async (trx) => {
    const row = await store.updatePlayRow(trx, by.workspaceId, id, {
      ...columns(play),
      updated_at: at,
    });
    await recordAudit(trx, by, {
      action: 'play.updated',
      entityType: 'play',
      entityId: id,
      changes: { ...changes },
    });
    return describePlay(row);
  });
}

export async function deletePlay(db: Db, by: ChangeAuthor, id: string) {
  await findPlay(db, by.workspaceId, id);
  await db.transaction().execute(async (trx) => {
    await store.deletePlayRow(trx, by.workspaceId, id);
    await recordAudit(trx, by, { action: 'play.deleted', entityType: 'play', entityId: id });
  });
}

/** The runs of plays on an account (or the workspace), newest first. */
/** Recent play runs a person may see: with `onlyOwner` (a CSM), those of their accounts. */
export async function playRuns(
  db: Db,
  scope: { workspaceId: string; onlyOwner: string | null },
  accountId?: string,
  limit = 50,
) {
  const rows = await store.playRunRows(db, scope, accountId, limit);
  return rows.map((r) => ({
    id: r.id,
    playId: r.play_id,
    playName: r.play_name,
    trigger: r.trigger,
    accountId: r.account_id,
    occasion: r.occasion,
    taskId: r.task_id,
    projectId: r.project_id,
    ranAt: r.ran_at.toISOString(),
  }));
}

/** Opens what the play opens, once for this occasion; false when it had already run. */
async function runPlay(
  deps: Pick<Deps, 'db' | 'clock'>,
  workspaceId: WorkspaceId,
  play: PlayRow,
  account: Target,
  occasion: string,
): Promise<boolean> {
  const { db, clock } = deps;
  const now = clock.now();
  const claim = await store.claimRun(db, {
    workspaceId,
    playId: play.id,
    accountId: account.id,
    occasion,
    at: now,
  });
  if (!claim) return false;
  try {
    const steward = { workspaceId, userId: null, automation: true };
    const everyone = { workspaceId, onlyOwner: null };
    const assigneeId =
      play.assignee_role === 'manager' && account.owner_id
        ? ((await store.managerOf(db, workspaceId, account.owner_id))?.manager_id ?? null)
        : account.owner_id;
    const today = isoDay(now);
    let opened: { taskId: string | null; projectId: string | null; what: 'task' | 'project' };
    if (play.template_id) {
      const projectId = await instantiateTemplate(db, clock, steward, everyone, play.template_id, {
        accountId: account.id,
        startDate: today,
        assignees: assigneeId && play.assignee_role === 'manager' ? { manager: assigneeId } : {},
      });
      opened = { taskId: null, projectId, what: 'project' };
    } else {
      // The task's title is made of what people wrote — the play's task title (or its name) and
      // the account's name — so it reads in the language its author chose; it is the assignee's
      // to edit from then on. Steward adds no words of its own to it.
      const task = await createTask(db, clock, steward, everyone, {
        title: `${play.task_title ?? play.name} — ${account.name}`,
        accountId: account.id,
        assigneeId,
        priority: 'P1',
        tags: ['play'],
        dueAt: new Date(now.getTime() + play.due_in_hours * hourMs).toISOString(),
      });
      opened = { taskId: task.id, projectId: null, what: 'task' };
    }
    await db.transaction().execute(async (trx) => {
      await store.recordRunOpened(trx, workspaceId, claim.id, opened);
      const summary = message('health.timeline.playRan', {
        play: play.name,
        account: account.name,
        trigger: { term: `health.play.trigger.${play.trigger}` },
        opened: { term: `health.play.opened.${opened.what}` },
      });
      await addTimelineEvent(trx, {
        workspaceId,
        accountId: account.id,
        kind: 'system',
        title: summary,
        occurredAt: now,
        source: 'health',
        sourceId: `play:${claim.id}`,
        data: { playId: play.id, occasion, taskId: opened.taskId, projectId: opened.projectId },
        // Telling that a play ran is no news about the account; the task it opened is.
        announce: false,
      });
      await recordActivity(trx, {
        workspaceId,
        kind: 'play_opened',
        actorId: null,
        accountId: account.id,
        projectId: opened.projectId,
        taskId: opened.taskId,
        data: {
          summary,
          playId: play.id,
          ...(assigneeId ? { recipientIds: [assigneeId] } : {}),
        },
        at: now,
      });
    });
    return true;
  } catch (error) {
    // Nothing was opened: free the occasion so the job's retry runs the play.
    await store.releaseRun(db, workspaceId, claim.id);
    throw error;
  }
}

async function targets(db: Db, workspaceId: string, ids: string[]): Promise<Map<string, Target>> {
  if (ids.length === 0) return new Map();
  const rows = await store.targetRows(db, workspaceId, ids);
  return new Map(rows.map((r) => [r.id, r]));
}

/** Plays for accounts that just moved into At Risk or Critical: once per move. */
export async function runPlaysForMoves(
  deps: Pick<Deps, 'db' | 'clock'>,
  workspaceId: WorkspaceId,
  moves: readonly Move[],
): Promise<number> {
  const entering = moves.filter((m) => m.to !== 'healthy');
  if (entering.length === 0) return 0;
  const plays = await store.enabledPlayRows(deps.db, workspaceId, [
    'entered_at_risk',
    'entered_critical',
  ]);
  const accounts = await targets(
    deps.db,
    workspaceId,
    entering.map((m) => m.accountId),
  );
  let ran = 0;
  for (const move of entering) {
    const account = accounts.get(move.accountId);
    if (!account) continue;
    const trigger: PlayTrigger = move.to === 'at_risk' ? 'entered_at_risk' : 'entered_critical';
    for (const play of plays.filter((p) => p.trigger === trigger)) {
      if (await runPlay(deps, workspaceId, play, account, `move:${move.id}`)) ran++;
    }
  }
  return ran;
}

/** Renewal plays for accounts whose renewal falls within the play's days: once per renewal date. */
export async function runRenewalPlays(
  deps: Pick<Deps, 'db' | 'clock'>,
  workspaceId: WorkspaceId,
  accountIds?: readonly string[],
): Promise<number> {
  const plays = await store.enabledPlayRows(deps.db, workspaceId, ['renewal_approaching']);
  if (plays.length === 0) return 0;
  const today = isoDay(deps.clock.now());
  let ran = 0;
  for (const play of plays) {
    const horizon = addDays(today, play.days_before_renewal ?? 90);
    const due = await store.renewingWithoutRun(
      deps.db,
      workspaceId,
      { playId: play.id, today, horizon },
      accountIds,
    );
    for (const account of due) {
      if (await runPlay(deps, workspaceId, play, account, `renewal:${account.renewal_date}`)) ran++;
    }
  }
  return ran;
}

/**
 * Plays for a detractor's NPS response (0–6), announced by the voice module: once per response.
 * `configured` is false when the workspace has no detractor play at all (enabled or not), so
 * the caller can add one rather than let the follow-up be skipped.
 */
export async function runDetractorPlays(
  deps: Pick<Deps, 'db' | 'clock'>,
  workspaceId: WorkspaceId,
  response: { accountId: string; responseId: string },
): Promise<{ configured: boolean; ran: number }> {
  if (!(await store.hasPlayFor(deps.db, workspaceId, 'nps_detractor')))
    return { configured: false, ran: 0 };
  const plays = await store.enabledPlayRows(deps.db, workspaceId, ['nps_detractor']);
  const account = (await targets(deps.db, workspaceId, [response.accountId])).get(
    response.accountId,
  );
  let ran = 0;
  if (!account) return { configured: true, ran };
  for (const play of plays) {
    if (await runPlay(deps, workspaceId, play, account, `nps:${response.responseId}`)) ran++;
  }
  return { configured: true, ran };
}
