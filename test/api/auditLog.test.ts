// Settings > Audit log through the API: each entry names the record it is about as it is called
// now — and says it was deleted when it is gone — reading the names in one query per kind of
// record on the page; it names the people and records a change points to by id (an owner),
// a person deactivated since still named; it filters by person, action and the reader's own
// days, and refuses a filter it cannot read with a problem naming the field.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KyselyPlugin } from 'kysely';
import type { UserId, WorkspaceId } from '../../src/lib/ids.ts';
import { auditLog } from '../../src/modules/audit/service.ts';
import { auditQuery } from '../../src/modules/audit/schema.ts';
import { signedIn, testApp, type ApiClient } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeAccount, makeUser, makeWorkspace, testPassword } from '../support/factories.ts';

const { deps } = await useTestDeps();
const app = testApp(deps);

let workspaceId: WorkspaceId;
let adminId: UserId;
let csmId: UserId;
let admin: ApiClient;
let csm: ApiClient;
let northwindId: string;
let globexId: string;
let contactId: string;
let taskId: string;

beforeAll(async () => {
  workspaceId = (await makeWorkspace(deps.db)).id;
  const adminUser = await makeUser(deps.db, workspaceId, {
    role: 'admin',
    timezone: 'Europe/Moscow',
  });
  const csmUser = await makeUser(deps.db, workspaceId, { role: 'csm', name: 'Casey CSM' });
  adminId = adminUser.id;
  csmId = csmUser.id;
  admin = await signedIn(app, adminUser.email, testPassword);
  csm = await signedIn(app, csmUser.email, testPassword);
  northwindId = (await makeAccount(deps.db, workspaceId, { name: 'Northwind', owner_id: csmId }))
    .id;
  globexId = (await makeAccount(deps.db, workspaceId, { name: 'Globex', owner_id: csmId })).id;

  await admin.PATCH('/api/v1/accounts/{id}', {
    params: { path: { id: northwindId } },
    body: { name: 'Northwind Traders', stage: 'adopting' },
  });
  await admin.DELETE('/api/v1/accounts/{id}', { params: { path: { id: globexId } } });
  const contact = await admin.POST('/api/v1/accounts/{id}/contacts', {
    params: { path: { id: northwindId } },
    body: { name: 'Dana Whitfield' },
  });
  contactId = contact.data?.id ?? '';
  await admin.DELETE('/api/v1/contacts/{id}', { params: { path: { id: contactId } } });
  const task = await csm.POST('/api/v1/tasks', {
    body: { title: 'Kickoff call with Northwind', accountId: northwindId },
  });
  taskId = task.data?.id ?? '';
  expect(task.response.status).toBe(201);
});

const entries = async (query: Record<string, string | number>) => {
  const { data, response } = await admin.GET('/api/v1/audit-log', {
    params: { query: { limit: 100, ...query } as never },
  });
  expect(response.status).toBe(200);
  return data?.items ?? [];
};

describe('the audit log', () => {
  it('names each record as it is called now, and says so of one deleted', async () => {
    const log = await entries({});
    const about = (action: string, id: string) =>
      log.find((e) => e.action === action && e.entityId === id);
    expect(about('account.updated', northwindId)).toMatchObject({
      entityName: 'Northwind Traders',
      entityDeleted: false,
      changes: { name: { from: 'Northwind', to: 'Northwind Traders' } },
    });
    // Deleted softly: still named, and marked.
    expect(about('account.deleted', globexId)).toMatchObject({
      entityName: 'Globex',
      entityDeleted: true,
    });
    // Gone for good: no name to give, and no bare id in its place.
    expect(about('contact.added', contactId)).toMatchObject({
      entityName: null,
      entityDeleted: true,
    });
    expect(about('task.created', taskId)).toMatchObject({
      entityName: 'Kickoff call with Northwind',
      entityDeleted: false,
      actor: { id: csmId, name: 'Casey CSM' },
    });
  });

  it("names an account's old and new owner, the old one still named once deactivated", async () => {
    const robin = await makeUser(deps.db, workspaceId, { role: 'csm', name: 'Robin Leaving' });
    const sam = await makeUser(deps.db, workspaceId, { role: 'csm', name: 'Sam Staying' });
    const initech = await makeAccount(deps.db, workspaceId, {
      name: 'Initech',
      owner_id: robin.id,
    });
    const handedOver = await admin.PATCH('/api/v1/accounts/{id}', {
      params: { path: { id: initech.id } },
      body: { ownerId: sam.id, tier: 'mid_market' },
    });
    expect(handedOver.response.status).toBe(200);
    const gone = await admin.PATCH('/api/v1/users/{id}', {
      params: { path: { id: robin.id } },
      body: { deactivated: true },
    });
    expect(gone.response.status).toBe(200);

    const [entry] = await entries({ action: 'account.updated', entityId: initech.id });
    // The change stays as recorded: ids, and the tier's code; what follows from them (the
    // owner's name, health, churn risk) is not recorded as a change of its own.
    expect(entry?.changes).toEqual({
      ownerId: { from: robin.id, to: sam.id },
      tier: { from: 'smb', to: 'mid_market' },
    });
    expect(entry?.names).toEqual({
      [robin.id]: { kind: 'user', name: 'Robin Leaving', removed: true },
      [sam.id]: { kind: 'user', name: 'Sam Staying', removed: false },
    });
  });

  it("records a task handed to someone else as its assignee's id alone, not their name beside it", async () => {
    const handedOver = await admin.PATCH('/api/v1/tasks/{id}', {
      params: { path: { id: taskId } },
      body: { assigneeId: adminId },
    });
    expect(handedOver.response.status).toBe(200);
    const [entry] = await entries({ action: 'task.updated', entityId: taskId });
    expect(entry?.changes).toEqual({ assigneeId: { from: null, to: adminId } });
    expect(entry?.names?.[adminId]).toMatchObject({ kind: 'user', removed: false });
  });

  it('says of an id no record has that it is not found, never naming it by another', async () => {
    const strangerId = randomUUID();
    await deps.db
      .insertInto('audit_log')
      .values({
        workspace_id: workspaceId,
        actor_id: adminId,
        action: 'feedback.updated',
        entity_type: 'feedback',
        entity_id: randomUUID(),
        changes: JSON.stringify({
          accountId: { from: strangerId, to: northwindId },
          contactId: { from: contactId, to: null },
        }),
      })
      .execute();
    const [entry] = await entries({ action: 'feedback.updated' });
    expect(entry?.names).toEqual({
      [strangerId]: { kind: 'account', name: null, removed: false },
      [northwindId]: { kind: 'account', name: 'Northwind Traders', removed: false },
      // Removed for good: no row left to name it by.
      [contactId]: { kind: 'contact', name: null, removed: false },
    });
  });

  it('reads the names in one query per kind of record on the page, not one per entry', async () => {
    let queries = 0;
    const counting: KyselyPlugin = {
      transformQuery: (args) => ((queries += 1), args.node),
      transformResult: (args) => Promise.resolve(args.result),
    };
    const page = await auditLog(
      deps.db.withPlugin(counting),
      { workspaceId, locale: 'en', timeZone: 'UTC' },
      auditQuery.parse({ limit: 100 }),
    );
    // The kinds named: each entry's own, and those its changes point to (owners, accounts).
    const kinds = new Set(
      page.items.flatMap((e) => [e.entityType, ...Object.values(e.names).map((n) => n.kind)]),
    );
    expect(kinds).toContain('user');
    expect(page.items.length).toBeGreaterThan(kinds.size);
    expect(queries).toBe(1 + kinds.size);
  });

  it('filters by the person who made the change and by action', async () => {
    const byCsm = await entries({ actorId: csmId });
    expect(byCsm.map((e) => e.action)).toEqual(['task.created']);
    const deletions = await entries({ action: 'account.deleted' });
    expect(deletions.map((e) => e.entityId)).toEqual([globexId]);
    expect(await entries({ actorId: adminId, action: 'task.created' })).toEqual([]);
  });

  it("filters by the reader's own days: late evening in UTC is the next day in Moscow", async () => {
    const segmentId = randomUUID();
    const entry = (at: string) => ({
      workspace_id: workspaceId,
      actor_id: adminId,
      action: 'segment.saved',
      entity_type: 'segment',
      entity_id: segmentId,
      changes: '{}',
      at: new Date(at),
    });
    await deps.db
      .insertInto('audit_log')
      .values([entry('2026-10-20T20:00:00Z'), entry('2026-10-20T22:30:00Z')])
      .execute();
    const onThe21st = await entries({ from: '2026-10-21', to: '2026-10-21' });
    expect(onThe21st.map((e) => e.at)).toEqual(['2026-10-20T22:30:00.000Z']);
    // The segment was never kept: deleted, not an id.
    expect(onThe21st[0]).toMatchObject({ entityName: null, entityDeleted: true });
    const october = await entries({ from: '2026-10-01', to: '2026-10-31' });
    expect(october).toHaveLength(2);
  });

  it.each([
    ['an action the server never records', { action: 'account.renamed' }, 'query.action'],
    ['a person who is not an id', { actorId: 'casey' }, 'query.actorId'],
    ['a day no calendar has', { from: '2026-02-30' }, 'query.from'],
    ['a last day before the first', { from: '2026-10-21', to: '2026-10-20' }, 'query.to'],
  ])('refuses %s, naming the field', async (_, query, field) => {
    const { response, error } = await admin.GET('/api/v1/audit-log', {
      params: { query: query as never },
    });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(error?.errors?.map((e) => e.path)).toContain(field);
  });

  it('stays closed to a CSM, as before', async () => {
    const { response } = await csm.GET('/api/v1/audit-log', { params: { query: {} } });
    expect(response.status).toBe(403);
  });
});
