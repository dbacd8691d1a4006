// Named statements: a hot query that opts in is parsed once per connection and, once its plan
// holds without the values, no longer planned; the names a query may take stay bounded.
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/support/db.ts';
import { connect, prepared } from './connect.ts';

const database = await useTestDatabase();
// One connection, so that the statements it keeps are the ones asked about.
const { db, close } = connect(database.url, { max: 1 });
afterAll(close);

const kept = async (prefix: string) =>
  (
    await sql<{ name: string; generic_plans: number }>`
      select name, generic_plans from pg_prepared_statements
      where name like ${`${prefix}%`} order by name`.execute(db)
  ).rows;

describe('hot statements kept by PostgreSQL', () => {
  it('runs an opted-in query as one named statement, planned without its values after five runs', async () => {
    const workspace = await db
      .insertInto('workspaces')
      .values({ name: 'Acme', slug: 'acme-named' })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (let run = 0; run < 8; run++) {
      const query = db.selectFrom('workspaces').select('name').where('id', '=', workspace.id);
      const { rows } = await db.executeQuery(prepared('hot_workspace', query));
      expect(rows).toEqual([{ name: 'Acme' }]);
    }
    const statements = await kept('hot_workspace');
    expect(statements.map((s) => s.name)).toEqual(['hot_workspace_0']);
    expect(statements[0]?.generic_plans).toBeGreaterThan(0);
  });

  it('names at most 24 texts of one query, and runs the rest unnamed with the same answers', async () => {
    for (let limit = 1; limit <= 30; limit++) {
      const query = db
        .selectFrom(sql<{ n: number }>`generate_series(1, 100)`.as('n'))
        .select('n.n')
        .limit(sql.lit(limit));
      const { rows } = await db.executeQuery(prepared('many_limits', query));
      expect(rows).toHaveLength(limit);
    }
    expect(await kept('many_limits')).toHaveLength(24);
  });
});
