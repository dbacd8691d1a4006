// Which workspace a command acts on: the one named, or the only one there is.
import type { Db } from '../db/connect.ts';
import type { WorkspaceId } from '../lib/ids.ts';

export async function pickWorkspace(
  db: Db,
  slug: string | undefined,
): Promise<{ id: WorkspaceId; name: string }> {
  const rows = await db
    .selectFrom('workspaces')
    .select(['id', 'name', 'slug'])
    .$if(slug !== undefined, (q) => q.where('slug', '=', slug ?? ''))
    .execute();
  const [only] = rows;
  if (slug !== undefined && !only) throw new Error(`No workspace "${slug}".`);
  if (!only)
    throw new Error('There is no workspace yet: name one with --workspace <slug> to create it.');
  if (rows.length > 1) {
    throw new Error(
      `There are several workspaces; pick one with --workspace (${rows.map((r) => r.slug).join(', ')}).`,
    );
  }
  return { id: only.id as WorkspaceId, name: only.name };
}
