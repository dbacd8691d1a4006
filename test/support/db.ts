// A database of this test file's own, cloned from the migrated template.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { connect, type Connection } from '../../src/db/connect.ts';

const templateDatabase = 'steward_template';

export type TestDatabase = Connection & { url: string; name: string };

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = new URL(inject('postgresUrl'));
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl.toString() });
  await admin.connect();
  try {
    // Two files cloning at once, or a backend still closing, briefly "uses" the template.
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.query(`create database ${name} template ${templateDatabase}`);
        break;
      } catch (error) {
        const busy = (error as { code?: string }).code === '55006';
        if (!busy || attempt === 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      }
    }
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { ...connect(url.toString(), { max: 5 }), url: url.toString(), name };
}

/** A database for the current test file, closed after its last test. */
export async function useTestDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase();
  afterAll(() => database.close());
  return database;
}
