// `steward user create`: add a person; the first one can also create the workspace.
// `steward user set-password`: a new password for a person locked out or leaving no reset path.
import { createInterface } from 'node:readline/promises';
import { sql } from 'kysely';
import type { WorkspaceId } from '../lib/ids.ts';
import { issueErrors } from '../lib/issues.ts';
import type { Role } from '../lib/vocabulary.ts';
import { createUser, createUserBody, newPassword, setPassword } from '../modules/auth/index.ts';
import type { CommandContext } from './withDatabase.ts';
import { pickWorkspace } from './workspace.ts';

type Options = {
  email: string;
  name: string;
  role: Role;
  manager?: string;
  timezone: string;
  workspace?: string;
};

async function readPassword(): Promise<string> {
  if (process.env.STEWARD_PASSWORD) return process.env.STEWARD_PASSWORD;
  const prompt = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  try {
    return await prompt.question('Password (at least 10 characters): ');
  } finally {
    prompt.close();
  }
}

export async function createUserCommand({ deps }: CommandContext, options: Options): Promise<void> {
  const { db } = deps;
  const existing = options.workspace
    ? await db
        .selectFrom('workspaces')
        .select('id')
        .where('slug', '=', options.workspace)
        .executeTakeFirst()
    : undefined;
  const workspaceId = (
    existing ??
    (options.workspace
      ? await db
          .insertInto('workspaces')
          .values({ name: options.workspace, slug: options.workspace })
          .returning('id')
          .executeTakeFirstOrThrow()
      : await pickWorkspace(db, undefined))
  ).id as WorkspaceId;
  const manager = options.manager
    ? await db
        .selectFrom('users')
        .select('id')
        .where(sql`lower(email)`, '=', options.manager.toLowerCase())
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirst()
    : undefined;
  if (options.manager && !manager) throw new Error(`No user ${options.manager} in that workspace.`);
  const input = createUserBody.safeParse({
    email: options.email,
    name: options.name,
    role: options.role,
    managerId: manager?.id ?? null,
    password: await readPassword(),
    timezone: options.timezone,
  });
  if (!input.success) {
    // In English: a schema's rule may be a message key (the time zone's).
    throw new Error(
      issueErrors(input.error)
        .map((e) => `${e.path}: ${e.message}`)
        .join('\n'),
    );
  }
  const user = await createUser(db, { workspaceId, userId: null }, input.data);
  process.stdout.write(`Created ${user.role} ${user.name} <${user.email}> (${user.id})\n`);
}

export async function setPasswordCommand(
  { deps }: CommandContext,
  options: { email: string },
): Promise<void> {
  const password = newPassword.safeParse(await readPassword());
  if (!password.success) {
    throw new Error(`password: ${password.error.issues.map((i) => i.message).join(', ')}`);
  }
  const user = await setPassword(deps.db, deps.clock, {
    email: options.email,
    password: password.data,
  });
  process.stdout.write(`Set the password of ${user.email}; their sessions have ended.\n`);
}
