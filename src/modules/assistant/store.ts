// Recent questions per person: SQL only, scoped to the workspace and the person.
import type { Db } from '../../db/connect.ts';
import type { UserId, WorkspaceId } from '../../lib/ids.ts';

type Person = { workspaceId: WorkspaceId; userId: UserId };

/** How many questions a person's history keeps; older ones are dropped as new ones come. */
export const keptQuestions = 20;

export async function rememberQuestion(
  db: Db,
  person: Person,
  question: { text: string; intent: string; at: Date },
) {
  await db.transaction().execute(async (trx) => {
    // The same question asked again moves to the top rather than appearing twice.
    await trx
      .deleteFrom('assistant_questions')
      .where('workspace_id', '=', person.workspaceId)
      .where('user_id', '=', person.userId)
      .where('question', '=', question.text)
      .execute();
    await trx
      .insertInto('assistant_questions')
      .values({
        workspace_id: person.workspaceId,
        user_id: person.userId,
        question: question.text,
        intent: question.intent,
        asked_at: question.at,
      })
      .execute();
    await trx
      .deleteFrom('assistant_questions')
      .where('workspace_id', '=', person.workspaceId)
      .where('user_id', '=', person.userId)
      .where(
        'id',
        'not in',
        trx
          .selectFrom('assistant_questions')
          .select('id')
          .where('workspace_id', '=', person.workspaceId)
          .where('user_id', '=', person.userId)
          .orderBy('asked_at', 'desc')
          .limit(keptQuestions),
      )
      .execute();
  });
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
