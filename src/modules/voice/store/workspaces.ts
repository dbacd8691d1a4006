// SQL across workspaces, for the voice module's scheduled jobs.
import type { Db } from '../../../db/connect.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';

/** Workspaces that have any feedback: the nightly recomputation visits each. */
export async function workspacesWithFeedback(db: Db): Promise<WorkspaceId[]> {
  const rows = await db
    .selectFrom('workspaces as w')
    .select('w.id')
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('feedback_items as f').select('f.id').whereRef('f.workspace_id', '=', 'w.id'),
      ),
    )
    .orderBy('w.id')
    .execute();
  return rows.map((r) => r.id as WorkspaceId);
}
