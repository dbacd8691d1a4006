// Least privilege as a matrix: every operation of the OpenAPI document, called as each role
// (admin, manager, CSM, viewer), as an API token with one narrow scope, and signed out. What
// each may do comes from one table: the operation's `x-permission` and the role's permissions
// (a token: its scopes within its owner's role, and only reads of "signed in" routes), plus
// the explicit exceptions below. The operations are read from the document when the test
// runs, so a route added tomorrow is checked tomorrow.
//
// Allowed means authorization let the request through: whatever the handler then answers
// (200, 404 for the random ids used here, 422 for the empty bodies) — anything but 401 and 403.
// Refused means 403 for a signed-in person or token, 401 signed out.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import type { Permission } from '../../src/modules/auth/index.ts';
import { permissions, rolePermissions } from '../../src/modules/auth/index.ts';
import type { Role } from '../../src/lib/vocabulary.ts';
import { apiClient, origin, signedIn } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeAccount, makeUser, makeWorkspace, testPassword } from '../support/factories.ts';

const { deps } = await useTestDeps();
const app = buildApp(deps);

type Operation = {
  method: string;
  path: string;
  operationId: string;
  access: string;
  pathParams: { name: string; schema: { format?: string; enum?: string[]; type?: string } }[];
  stream: boolean;
};

/** A token of a CSM's with one narrow scope. */
const tokenScopes: Permission[] = ['view_accounts'];

/**
 * Routes whose outcome is not the plain x-permission rule, and why. Each names the actor kinds
 * it applies to and what they get instead.
 */
const exceptions: Record<string, { reason: string; skip?: boolean }> = {
  signOut: { reason: 'ends the very session the matrix signs in with', skip: true },
};

/** Access that no role grants: another credential entirely (intake write keys, signatures). */
const outsideRoles = new Set(['write_key', 'signature']);

type Actor = {
  name: string;
  kind: 'session' | 'token' | 'anonymous';
  permissions: ReadonlySet<Permission>;
  headers: Record<string, string>;
};

function expectation(actor: Actor, operation: Operation): 'allowed' | 'refused' {
  const { access } = operation;
  if (access === 'public') return 'allowed';
  if (outsideRoles.has(access)) return 'refused';
  if (actor.kind === 'anonymous') return 'refused';
  if (access === 'signed_in') {
    return actor.kind === 'token' && !['get', 'head'].includes(operation.method)
      ? 'refused'
      : 'allowed';
  }
  if (!(permissions as readonly string[]).includes(access)) {
    throw new Error(
      `${operation.operationId}: x-permission "${access}" is no permission; add it to the table`,
    );
  }
  return actor.permissions.has(access as Permission) ? 'allowed' : 'refused';
}

function fill(operation: Operation): string {
  let url = operation.path;
  for (const param of operation.pathParams) {
    const value = param.schema.enum?.[0] ?? (param.schema.format === 'uuid' ? randomUUID() : 'x');
    url = url.replace(`{${param.name}}`, encodeURIComponent(value));
  }
  return url;
}

async function call(actor: Actor, operation: Operation): Promise<number> {
  const method = operation.method.toUpperCase();
  const writes = !['GET', 'HEAD'].includes(method);
  const response = await app.request(`${origin}${fill(operation)}`, {
    method,
    headers: {
      ...actor.headers,
      ...(writes ? { 'content-type': 'application/json' } : {}),
    },
    ...(writes ? { body: '{}' } : {}),
  });
  // Never read a body: a stream (the inbox's) would not end.
  await response.body?.cancel();
  return response.status;
}

async function operationsOfTheDocument(): Promise<Operation[]> {
  const document = (await (await app.request('/api/v1/openapi.json')).json()) as {
    paths: Record<
      string,
      Record<
        string,
        {
          operationId?: string;
          'x-permission'?: string;
          parameters?: {
            in: string;
            name: string;
            schema: Operation['pathParams'][number]['schema'];
          }[];
          responses?: Record<string, { content?: Record<string, unknown> }>;
        }
      >
    >;
  };
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method,
      path,
      operationId: op.operationId ?? `${method} ${path}`,
      access: op['x-permission'] ?? '(none)',
      pathParams: (op.parameters ?? []).filter((p) => p.in === 'path'),
      stream: Object.values(op.responses ?? {}).some((r) =>
        Object.keys(r.content ?? {}).includes('text/event-stream'),
      ),
    })),
  );
}

async function sessionHeaders(email: string): Promise<Record<string, string>> {
  const response = await app.request('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: testPassword }),
  });
  if (response.status !== 200) throw new Error(`sign-in as ${email}: ${response.status}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return { cookie, origin };
}

const actors: Actor[] = [];

beforeAll(async () => {
  const workspace = await makeWorkspace(deps.db);
  const roles: Role[] = ['admin', 'manager', 'csm', 'viewer'];
  for (const role of roles) {
    const user = await makeUser(deps.db, workspace.id, { role });
    actors.push({
      name: role,
      kind: 'session',
      permissions: new Set(rolePermissions[role]),
      headers: await sessionHeaders(user.email),
    });
  }
  const owner = await makeUser(deps.db, workspace.id, { role: 'csm' });
  const client = await signedIn(app, owner.email, testPassword);
  const { data } = await client.POST('/api/v1/api-tokens', {
    body: { name: 'narrow', scopes: tokenScopes },
  });
  if (!data) throw new Error('no token');
  actors.push({
    name: `token(${tokenScopes.join(',')})`,
    kind: 'token',
    permissions: new Set(tokenScopes.filter((s) => rolePermissions.csm.includes(s))),
    headers: { authorization: `Bearer ${data.token}` },
  });
  actors.push({ name: 'signed out', kind: 'anonymous', permissions: new Set(), headers: {} });
});

describe('least privilege', () => {
  it('allows and refuses every operation of the API exactly as the permission table says', async () => {
    const operations = await operationsOfTheDocument();
    expect(operations.length).toBeGreaterThan(100);
    const wrong: string[] = [];
    let checked = 0;
    for (const operation of operations) {
      if (exceptions[operation.operationId]?.skip) continue;
      for (const actor of actors) {
        // Public routes are called signed out only: as a person they would act for them.
        if (operation.access === 'public' && actor.kind !== 'anonymous') continue;
        const expected = expectation(actor, operation);
        const status = await call(actor, operation);
        const refused = outsideRoles.has(operation.access)
          ? [400, 401, 403].includes(status)
          : actor.kind === 'anonymous'
            ? status === 401
            : status === 403;
        const got = refused ? 'refused' : [401, 403].includes(status) ? 'wrong refusal' : 'allowed';
        checked += 1;
        if (got !== expected) {
          wrong.push(
            `${actor.name} ${operation.method.toUpperCase()} ${operation.path} (${operation.access}): expected ${expected}, got ${status}`,
          );
        }
      }
    }
    console.info(
      `roles matrix: ${actors.length} actors × ${operations.length} operations, ${checked} calls checked`,
    );
    expect(wrong).toEqual([]);
    // A thousand calls: more than the default half minute on a busy machine.
  }, 180_000);
});

describe('the holes the matrix was built to catch', () => {
  it("shows a CSM only the play runs on their own accounts; a manager sees everyone's", async () => {
    const workspace = await makeWorkspace(deps.db);
    const csm = await makeUser(deps.db, workspace.id, { role: 'csm' });
    const other = await makeUser(deps.db, workspace.id, { role: 'csm' });
    const manager = await makeUser(deps.db, workspace.id, { role: 'manager' });
    const mine = await makeAccount(deps.db, workspace.id, { owner_id: csm.id });
    const theirs = await makeAccount(deps.db, workspace.id, { owner_id: other.id });
    const play = await deps.db
      .insertInto('plays')
      .values({
        workspace_id: workspace.id,
        name: 'Rescue call',
        trigger: 'entered_critical',
        task_title: 'Call them',
        created_at: new Date(),
        updated_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await deps.db
      .insertInto('play_runs')
      .values(
        [mine, theirs].map((a) => ({
          workspace_id: workspace.id,
          play_id: play.id,
          account_id: a.id,
          occasion: `test-${a.id}`,
          ran_at: new Date(),
        })),
      )
      .execute();

    const runsOf = async (email: string) => {
      const client = await signedIn(app, email, testPassword);
      const { data } = await client.GET('/api/v1/health/play-runs');
      return (data?.items ?? []).map((r) => r.accountId).sort();
    };
    expect(await runsOf(csm.email)).toEqual([mine.id]);
    expect(await runsOf(manager.email)).toEqual([mine.id, theirs.id].sort());
  });

  it('lets a viewer keep a segment for themself but not share one, nor connect Slack', async () => {
    const workspace = await makeWorkspace(deps.db);
    const viewer = await makeUser(deps.db, workspace.id, { role: 'viewer' });
    const client = await signedIn(app, viewer.email, testPassword);
    const shared = await client.POST('/api/v1/segments', {
      body: { name: 'Everyone sees this', filters: {}, shared: true },
    });
    expect(shared.response.status).toBe(403);
    const own = await client.POST('/api/v1/segments', {
      body: { name: 'Mine only', filters: {}, shared: false },
    });
    expect(own.response.status).toBe(201);
    const slack = await client.PUT('/api/v1/me/notification-preferences', {
      body: { slackWebhookUrl: 'https://hooks.slack.com/services/T000/B000/XXXX' },
    });
    expect(slack.response.status).toBe(403);
    const digest = await client.PUT('/api/v1/me/notification-preferences', {
      body: { digestHour: 9 },
    });
    expect(digest.response.status).toBe(200);
  });

  it("keeps a view_accounts token from changing its owner's profile and channels, and records its use", async () => {
    const workspace = await makeWorkspace(deps.db);
    const csm = await makeUser(deps.db, workspace.id, { role: 'csm', name: 'Before' });
    const client = await signedIn(app, csm.email, testPassword);
    const { data: token } = await client.POST('/api/v1/api-tokens', {
      body: { name: 'reporting', scopes: ['view_accounts'] },
    });
    const bot = apiClient(app, { token: token?.token ?? '' });
    expect((await bot.PATCH('/api/v1/me', { body: { name: 'Taken over' } })).response.status).toBe(
      403,
    );
    const channels = await bot.PUT('/api/v1/me/notification-preferences', {
      body: { channels: { now: [], digest: [] } },
    });
    expect(channels.response.status).toBe(403);
    expect((await bot.GET('/api/v1/me')).data?.name).toBe('Before');

    const { data: listed } = await client.GET('/api/v1/api-tokens');
    expect(listed?.items.find((t) => t.id === token?.id)?.lastUsedAt).not.toBeNull();
  });
});
