// Migration 0034 on projects the old rule left: a stage done ahead of its turn had started the
// stage after it while an earlier one still ran, and a current stage could be left unstarted.
// Each comes out as stages that start in order would have it; a project already in order, and
// every completed stage, stay as they were.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useMigratingDatabase } from '../../../test/support/db.ts';

const database = await useMigratingDatabase();

/** A stage as [name, started, completed]: times on 2–5 November 2026, or null. */
type Stage = [string, string | null, string | null];

let made = 0;
const at = (time: string | null) => (time ? `2026-11-0${time}:00Z` : null);

async function project(stages: Stage[]): Promise<string> {
  const { rows } = await sql<{ id: string }>`
    with w as (insert into workspaces (name, slug) values ('Old', ${`old-${++made}`})
        returning id),
      a as (insert into accounts (workspace_id, name) select id, 'Acme' from w returning id)
    insert into projects (workspace_id, account_id, name, kind, start_date)
    select w.id, a.id, 'Onboarding', 'onboarding', '2026-11-02' from w, a
    returning id`.execute(database.db);
  const id = rows[0]?.id ?? '';
  for (const [position, [name, started, completed]] of stages.entries()) {
    await sql`insert into project_stages (workspace_id, project_id, key, name, position,
        started_at, completed_at)
      select workspace_id, id, ${name.toLowerCase()}, ${name}, ${position}, ${at(started)},
        ${at(completed)}
      from projects where id = ${id}`.execute(database.db);
  }
  return id;
}

const stagesOf = async (projectId: string): Promise<Stage[]> => {
  const { rows } = await sql<{ name: string; started: Date | null; completed: Date | null }>`
    select name, started_at as started, completed_at as completed from project_stages
    where project_id = ${projectId} order by position`.execute(database.db);
  const time = (d: Date | null) => (d ? d.toISOString().slice(9, 16) : null);
  return rows.map((s) => [s.name, time(s.started), time(s.completed)]);
};

let ahead: string;
let skipped: string;
let inOrder: string;
const inOrderStages: Stage[] = [
  ['Kickoff', '2T00:00', '3T10:00'],
  ['Setup', '3T10:00', null],
  ['Training', null, null],
];

beforeAll(async () => {
  await database.migrateTo('0033_holiday_list_versions');
  // The training done while the kickoff ran started the go-live.
  ahead = await project([
    ['Kickoff', '2T00:00', null],
    ['Setup', null, null],
    ['Training', null, '3T10:00'],
    ['Go-live', '3T10:00', null],
  ]);
  // The setup done first, then the kickoff: the setup "started" again, the training never.
  skipped = await project([
    ['Kickoff', '2T00:00', '4T12:00'],
    ['Setup', '3T09:00', '3T10:00'],
    ['Training', null, null],
  ]);
  inOrder = await project(inOrderStages);
  await database.migrateTo('0034_stage_starts_in_order');
});

describe('migration 0034: stages start in order', () => {
  it('takes the start from a stage past the current one', async () => {
    expect(await stagesOf(ahead)).toEqual([
      ['Kickoff', '2T00:00', null],
      ['Setup', null, null],
      ['Training', null, '3T10:00'],
      ['Go-live', null, null],
    ]);
  });

  it('starts a current stage left unstarted when the last stage before it completed', async () => {
    expect(await stagesOf(skipped)).toEqual([
      ['Kickoff', '2T00:00', '4T12:00'],
      ['Setup', '3T09:00', '3T10:00'],
      ['Training', '4T12:00', null],
    ]);
  });

  it('leaves a project already in order as it was', async () => {
    expect(await stagesOf(inOrder)).toEqual(inOrderStages);
  });
});
