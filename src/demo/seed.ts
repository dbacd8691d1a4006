// The demo workspace "Northwind Cloud (demo)": a CS team, 84 accounts with contacts, custom
// fields and a year of timeline, written in one transaction that first removes the old demo.
// Deterministic: a fixed seed and dates relative to the clock, so every reset looks the same.
import { daysAfter } from '../lib/calendar.ts';
import { sql } from 'kysely';
import type { Db } from '../db/connect.ts';
import { seedDemoHealth } from './health.ts';
import { seedDemoHolidays } from './holidays.ts';
import { seedDemoIntake } from './intake.ts';
import { seedDemoNotifications } from './notify.ts';
import { seedDemoVoice } from './voice.ts';
import { seedDemoWork } from './work.ts';
import type { Deps } from '../context.ts';
import type { UserId, WorkspaceId } from '../lib/ids.ts';
import { hashPassword } from '../modules/auth/index.ts';
import { industries, integrations, regions } from './names.ts';
import { planPortfolio, type PlannedAccount } from './portfolio.ts';
import { seededRandom } from './random.ts';
import { demoPassword, demoSignIns, demoTeam } from './team.ts';
import { planTimeline, type PlannedEvent } from './timeline.ts';
import { seedDemoRevenue } from './revenue.ts';

/** Rows per INSERT: ~10 columns each stays far below PostgreSQL's 65,535 parameters. */
const chunkSize = 1000;
const seed = 20_261_102;

export type DemoWorkspace = {
  id: WorkspaceId;
  adminId: UserId;
  managerId: UserId;
  demoCsmId: UserId;
  /** Fills the `solutions_engineer` role of onboarding templates. */
  solutionsEngineerId: UserId;
};

export async function hasAnyWorkspace(db: Db): Promise<boolean> {
  const row = await db
    .selectNoFrom((eb) => eb.exists(eb.selectFrom('workspaces').select('id')).as('found'))
    .executeTakeFirstOrThrow();
  return Boolean(row.found);
}

/** The demo sign-ins (demo CSM, manager, admin) while the demo workspace exists, else none. */
export async function demoLogins(db: Db): Promise<string[]> {
  const wanted: string[] = Object.values(demoSignIns);
  const rows = await db
    .selectFrom('users')
    .innerJoin('workspaces', 'workspaces.id', 'users.workspace_id')
    .select('users.email')
    .where('workspaces.is_demo', '=', true)
    .where('users.email', 'in', wanted)
    .where('users.deactivated_at', 'is', null)
    .execute();
  const found = new Set(rows.map((row) => row.email));
  return wanted.filter((email) => found.has(email));
}

export async function seedDemoWorkspace(deps: Deps): Promise<DemoWorkspace> {
  const started = performance.now();
  let mark = started;
  /** Milliseconds since the last lap, for the log line's steps. */
  const lap = (from = mark) => {
    mark = performance.now();
    return Math.round(mark - from);
  };
  const now = deps.clock.now();
  // scrypt is slow on purpose: hash once, share the hash among the demo team.
  const passwordHash = await hashPassword(demoPassword);
  const random = seededRandom(seed);
  const accounts = planPortfolio(now, random);
  const timezoneOf = new Map(demoTeam.map((person) => [person.key, person.timezone]));
  const timelines = accounts.map((account) =>
    planTimeline(now, random, account, timezoneOf.get(account.ownerKey ?? 'manager') ?? 'UTC'),
  );

  const workspace = await deps.db.transaction().execute(async (trx) => {
    await removeDemoWorkspaces(trx);
    const workspaceId = await insertWorkspace(trx, now);
    const people = await insertTeam(trx, workspaceId, passwordHash, now);
    const person = (key: string) => {
      const id = people.get(key);
      if (!id) throw new Error(`the demo team has no ${key}`);
      return id;
    };
    await defineCustomFields(trx, workspaceId, now);
    const accountIds = await insertAccounts(trx, workspaceId, accounts, timelines, people, now);
    await insertContacts(trx, workspaceId, accounts, accountIds);
    await insertTimeline(trx, workspaceId, accounts, accountIds, timelines, people);
    await trx
      .insertInto('audit_log')
      .values({
        workspace_id: workspaceId,
        actor_id: null,
        action: 'workspace.demo_seeded',
        entity_type: 'workspace',
        entity_id: workspaceId,
        changes: JSON.stringify({ accounts: accounts.length }),
        at: now,
      })
      .execute();
    return {
      id: workspaceId,
      adminId: person('admin'),
      managerId: person('manager'),
      demoCsmId: person('jordan'),
      solutionsEngineerId: person('sam'),
    };
  });
  const steps: Record<string, number> = { accounts: lap(started) };
  // Work goes through the work services, each in its own transaction, so after the commit;
  // the holidays first, as onboarding due dates counted in business days skip them.
  await seedDemoHolidays(deps, workspace);
  await seedDemoWork(deps, workspace);
  steps.work = lap();
  await seedDemoNotifications(deps, workspace, escalatedAccount(accounts));
  steps.notifications = lap();
  // Usage, tickets and billing come in through the intake's own paths, after the commit.
  const intake = await seedDemoIntake(deps, workspace, accounts);
  steps.intake = lap();
  // The intake just wrote a year of rows the planner has never seen: without statistics it
  // plans the health replay's day-by-day reads as if the tables were empty.
  await sql`analyze usage_months, usage_month_users, usage_users, support_tickets, contracts, invoices,
    mrr_movements, timeline_events, tasks, projects, contacts, accounts`.execute(deps.db);
  steps.analyze = lap();
  // Last: health is scored from everything above, a year of it replayed as it stood.
  await seedDemoHealth(deps, workspace);
  steps.health = lap();
  // Revenue reads what billing, the timeline and health left: plan prices, past renewals,
  // reviews as meetings, this week's calendar, expansion and forecast calls.
  const revenue = await seedDemoRevenue(deps, workspace, accounts);
  steps.revenue = lap();
  // Feedback, NPS and the roadmap, after health: survey answers lean on who is at risk.
  await seedDemoVoice(deps, workspace);
  steps.voice = lap();
  // Fresh planner statistics, so the first portfolio page does not wait for autovacuum.
  await sql`analyze accounts, contacts, timeline_events, tasks, projects`.execute(deps.db);
  deps.logger.info(
    {
      workspaceId: workspace.id,
      accounts: accounts.length,
      events: timelines.reduce((n, t) => n + t.events.length, 0),
      revenue,
      intake,
      steps,
      ms: Math.round(performance.now() - started),
    },
    'seeded the demo workspace',
  );
  return workspace;
}

/**
 * Deletes every demo workspace; its rows go with it (ON DELETE CASCADE). The audit log
 * refuses deletes by trigger, so that one trigger is switched off for this transaction only:
 * ALTER TABLE is transactional, and a failed seed rolls the switch back with everything else.
 * Not `session_replication_role = replica`: it needs a superuser, and it also silences the
 * foreign-key triggers that carry out the cascade, which would leave orphaned rows behind.
 * The ALTER locks audit_log until commit: other writers wait the fraction of a second the
 * seed takes, and see the trigger on again when they proceed.
 */
async function removeDemoWorkspaces(db: Db) {
  const demos = await db
    .selectFrom('workspaces')
    .select('id')
    .where('is_demo', '=', true)
    .execute();
  if (demos.length === 0) return;
  await sql`alter table audit_log disable trigger audit_log_append_only`.execute(db);
  await db.deleteFrom('workspaces').where('is_demo', '=', true).execute();
  await sql`alter table audit_log enable trigger audit_log_append_only`.execute(db);
}

async function insertWorkspace(db: Db, now: Date): Promise<WorkspaceId> {
  const row = await db
    .insertInto('workspaces')
    .values({
      name: 'Northwind Cloud (demo)',
      slug: 'northwind-demo',
      timezone: 'America/New_York',
      is_demo: true,
      created_at: daysAfter(now, -4 * 365),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id as WorkspaceId;
}

/** The team, keyed as in team.ts. The manager goes first: the others report to her. */
async function insertTeam(db: Db, workspaceId: WorkspaceId, passwordHash: string, now: Date) {
  const joined = daysAfter(now, -3 * 365);
  const values = (managerId: string | null) => (person: (typeof demoTeam)[number]) => ({
    workspace_id: workspaceId,
    email: person.email,
    name: person.name,
    role: person.role,
    manager_id: person.reportsToManager ? managerId : null,
    password_hash: passwordHash,
    timezone: person.timezone,
    locale: person.locale,
    created_at: joined,
    updated_at: joined,
  });
  const leads = demoTeam.filter((person) => !person.reportsToManager);
  const reports = demoTeam.filter((person) => person.reportsToManager);
  const ids = new Map<string, UserId>();
  const byEmail = new Map(demoTeam.map((person) => [person.email, person.key]));
  const remember = (rows: { id: string; email: string }[]) => {
    for (const row of rows) ids.set(byEmail.get(row.email) ?? row.email, row.id as UserId);
  };
  remember(
    await db
      .insertInto('users')
      .values(leads.map(values(null)))
      .returning(['id', 'email'])
      .execute(),
  );
  const managerId = ids.get('manager') ?? null;
  remember(
    await db
      .insertInto('users')
      .values(reports.map(values(managerId)))
      .returning(['id', 'email'])
      .execute(),
  );
  return ids;
}

async function defineCustomFields(db: Db, workspaceId: WorkspaceId, now: Date) {
  const fields = [
    { key: 'region', label: 'Region', type: 'select', options: regions },
    { key: 'industry', label: 'Industry', type: 'select', options: industries },
    { key: 'integrations', label: 'Integrations', type: 'multi_select', options: integrations },
    { key: 'expansion_potential', label: 'Expansion potential', type: 'currency', options: null },
    { key: 'last_business_review', label: 'Last business review', type: 'date', options: null },
  ] as const;
  const defined = daysAfter(now, -3 * 365);
  await db
    .insertInto('custom_field_definitions')
    .values(
      fields.map((field, i) => ({
        workspace_id: workspaceId,
        entity: 'account' as const,
        key: field.key,
        label: field.label,
        type: field.type,
        options: field.options ? [...field.options] : null,
        // Definitions are listed by created_at: one second apart keeps the order above.
        created_at: new Date(defined.getTime() + i * 1000),
      })),
    )
    .execute();
}

async function insertAccounts(
  db: Db,
  workspaceId: WorkspaceId,
  accounts: PlannedAccount[],
  timelines: { events: PlannedEvent[]; lastBusinessReview: string | null }[],
  people: Map<string, UserId>,
  now: Date,
): Promise<Map<string, string>> {
  const rows = accounts.map((account, i) => {
    const lastReview = timelines[i]?.lastBusinessReview;
    const lastEvent = timelines[i]?.events.at(-1)?.occurredAt ?? now;
    return {
      workspace_id: workspaceId,
      external_id: account.externalId,
      name: account.name,
      domain: account.domain,
      tier: account.tier,
      plan: account.plan,
      arr_amount: account.arrAmount,
      currency: 'USD',
      seats: account.seats,
      stage: account.stage,
      renewal_date: account.renewalDate,
      owner_id: account.ownerKey ? (people.get(account.ownerKey) ?? null) : null,
      priority: account.priority,
      custom_fields: JSON.stringify(
        lastReview
          ? { ...account.customFields, last_business_review: lastReview }
          : account.customFields,
      ),
      created_at: account.customerSince,
      updated_at: lastEvent,
    };
  });
  const ids = new Map<string, string>();
  for (const chunk of chunks(rows)) {
    const inserted = await db
      .insertInto('accounts')
      .values(chunk)
      .returning(['id', 'external_id'])
      .execute();
    for (const row of inserted) if (row.external_id) ids.set(row.external_id, row.id);
  }
  return ids;
}

async function insertContacts(
  db: Db,
  workspaceId: WorkspaceId,
  accounts: PlannedAccount[],
  accountIds: Map<string, string>,
) {
  const rows = accounts.flatMap((account) =>
    account.contacts.map((contact) => ({
      workspace_id: workspaceId,
      account_id: accountIdOf(accountIds, account),
      name: contact.name,
      email: contact.email,
      title: contact.title,
      phone: contact.phone,
      role: contact.role,
      created_at: account.customerSince,
      updated_at: account.customerSince,
    })),
  );
  for (const chunk of chunks(rows)) await db.insertInto('contacts').values(chunk).execute();
}

async function insertTimeline(
  db: Db,
  workspaceId: WorkspaceId,
  accounts: PlannedAccount[],
  accountIds: Map<string, string>,
  timelines: { events: PlannedEvent[] }[],
  people: Map<string, UserId>,
) {
  const rows = accounts.flatMap((account, i) => {
    // Nobody owns an unassigned account yet: the manager triages it and logs what happens.
    const actorId = people.get(account.ownerKey ?? 'manager') ?? null;
    return (timelines[i]?.events ?? []).map((event) => ({
      workspace_id: workspaceId,
      account_id: accountIdOf(accountIds, account),
      kind: event.kind,
      title: event.title,
      body: event.body,
      actor_id: actorId,
      occurred_at: event.occurredAt,
      created_at: event.occurredAt,
    }));
  });
  for (const chunk of chunks(rows)) await db.insertInto('timeline_events').values(chunk).execute();
}

/** The demo CSM's client whose escalations nobody answered: the manager's urgent task is on it. */
function escalatedAccount(accounts: PlannedAccount[]): string {
  const account = accounts.find(
    (a) => a.ownerKey === 'jordan' && a.story === 'unanswered_escalations',
  );
  if (!account) throw new Error('the demo CSM has no account with unanswered escalations');
  return account.externalId;
}

function accountIdOf(ids: Map<string, string>, account: PlannedAccount): string {
  const id = ids.get(account.externalId);
  if (!id) throw new Error(`demo account ${account.externalId} was not written`);
  return id;
}

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += chunkSize) out.push(rows.slice(i, i + chunkSize));
  return out;
}
