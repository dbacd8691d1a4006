// `steward template list` and `steward template instantiate`: the template library from a
// terminal, for one account or many (each its own transaction).
import { sql } from 'kysely';
import type { UserId } from '../lib/ids.ts';
import { renderMessage } from '../i18n/index.ts';
import { AppError } from '../lib/errors.ts';
import { instantiateTemplate, listTemplates } from '../modules/work/index.ts';
import type { CommandContext } from './withDatabase.ts';
import { pickWorkspace } from './workspace.ts';

export async function listTemplatesCommand(
  { deps }: CommandContext,
  options: { workspace?: string },
) {
  const workspace = await pickWorkspace(deps.db, options.workspace);
  for (const template of await listTemplates(deps.db, workspace.id)) {
    process.stdout.write(
      `${template.id}  ${template.name} (v${template.version}, ${template.taskCount} tasks, roles: ${template.roles.join(', ')})\n`,
    );
  }
}

type InstantiateOptions = {
  account: string[];
  start: string;
  assign?: string[];
  workspace?: string;
};

export async function instantiateCommand(
  { deps }: CommandContext,
  template: string,
  options: InstantiateOptions,
) {
  const { db, clock } = deps;
  const workspace = await pickWorkspace(db, options.workspace);
  const templates = await listTemplates(db, workspace.id);
  const chosen = templates.find(
    (t) => t.id === template || t.name.toLowerCase() === template.toLowerCase(),
  );
  if (!chosen)
    throw new Error(
      `No template "${template}". Try: ${templates.map((t) => `"${t.name}"`).join(', ')}`,
    );

  const assignees: Record<string, string> = {};
  for (const pair of options.assign ?? []) {
    const [role, email] = pair.split('=');
    const user = email
      ? await db
          .selectFrom('users')
          .select('id')
          .where('workspace_id', '=', workspace.id)
          .where(sql`lower(email)`, '=', email.toLowerCase())
          .executeTakeFirst()
      : undefined;
    if (!role || !user)
      throw new Error(`--assign ${pair}: expected role=e-mail of someone in the workspace`);
    assignees[role] = user.id;
  }

  const accounts = await db
    .selectFrom('accounts')
    .select(['id', 'name', 'external_id'])
    .where('workspace_id', '=', workspace.id)
    .where('deleted_at', 'is', null)
    .where((eb) =>
      eb.or([eb('external_id', 'in', options.account), eb(sql`id::text`, 'in', options.account)]),
    )
    .execute();
  const missing = options.account.filter(
    (a) => !accounts.some((row) => row.id === a || row.external_id === a),
  );
  if (missing.length > 0)
    throw new Error(`No account with the id or external id: ${missing.join(', ')}`);

  let failed = 0;
  for (const account of accounts) {
    try {
      const projectId = await instantiateTemplate(
        db,
        clock,
        { workspaceId: workspace.id, userId: null as UserId | null },
        { workspaceId: workspace.id, onlyOwner: null },
        chosen.id,
        { accountId: account.id, startDate: options.start, assignees },
      );
      process.stdout.write(`${account.name}: project ${projectId}\n`);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      failed++;
      const reasons =
        error.errors?.map((e) => `${e.path}: ${e.message}`).join('; ') ??
        renderMessage(error.detail, 'en');
      process.stderr.write(`${account.name}: ${reasons}\n`);
    }
  }
  if (failed > 0) process.exitCode = 1;
}
