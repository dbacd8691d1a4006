// Recent questions per person: SQL only, scoped to the workspace and the person.
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { UserId, WorkspaceId } from '../../lib/ids.ts';

type Person = { workspaceId: WorkspaceId; userId: UserId };

/** How many questions a person's history keeps; older ones are dropped as new ones come. */
export const keptQuestions = 20;

/**
 * One statement: the same question asked again moves to the top rather than appearing twice,
 * and only the newest `keptQuestions` stay. (The CTEs share one snapshot, so the trim counts
 * the rows before this insert and keeps one fewer.)
 */
export async function rememberQuestion(
  db: Db,
  person: Person,
  question: { text: string; intent: string; at: Date },
) {
  await sql`
    with repeated as (
      delete from assistant_questions
      where workspace_id = ${person.workspaceId} and user_id = ${person.userId}
        and question = ${question.text}
    ), added as (
      insert into assistant_questions (workspace_id, user_id, question, intent, asked_at)
      values (${person.workspaceId}, ${person.userId}, ${question.text}, ${question.intent},
        ${question.at})
    )
    delete from assistant_questions
    where workspace_id = ${person.workspaceId} and user_id = ${person.userId}
      and id not in (
        select id from assistant_questions
        where workspace_id = ${person.workspaceId} and user_id = ${person.userId}
          and question <> ${question.text}
        order by asked_at desc
        limit ${keptQuestions - 1}
      )`.execute(db);
}

export function recentQuestions(db: Db, person: Person, limit: number) {
  return db
    .selectFrom('assistant_questions')
    .select(['question', 'intent', 'asked_at'])
    .where('workspace_id', '=', person.workspaceId)
    .where('user_id', '=', person.userId)
    .orderBy('asked_at', 'desc')
    .limit(limit)
    .execute();
}
