// Ask Steward remembers each person's recent questions, so the command bar can offer them
// again. Only the question and the intent it was understood as: the answer is always live.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table assistant_questions (
      id uuid primary key default gen_random_uuid(),
      workspace_id uuid not null references workspaces on delete cascade,
      user_id uuid not null references users on delete cascade,
      question text not null check (length(question) between 1 and 500),
      intent text not null,
      asked_at timestamptz not null
    );
    -- A person's recent questions, newest first (store.ts, recentQuestions).
    create index assistant_questions_user_idx on assistant_questions (user_id, asked_at desc);
  `.execute(db);
}
