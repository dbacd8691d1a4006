// One embedded PostgreSQL server per test run, with a migrated template database that each
// test file clones (CREATE DATABASE … TEMPLATE: fast, and files never see each other's rows).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { connect } from '../../src/db/connect.ts';
import { startEmbeddedPostgres } from '../../src/db/embedded.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { createLogger } from '../../src/lib/logger.ts';
import { databaseUrl, demoTemplate, templateDatabase, withAdmin } from './databases.ts';

declare module 'vitest' {
  // Declaration merging is how Vitest types provide()/inject().
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

/**
 * With DATABASE_URL, the run uses that PostgreSQL server instead (the supported external set-up,
 * run once more by .ci/run): its templates are made afresh, and the files' databases dropped.
 */
async function useExternalServer(project: TestProject, serverUrl: string) {
  const drop = (names: string[]) =>
    withAdmin(serverUrl, async (admin) => {
      for (const name of names) await admin.query(`drop database if exists ${name} with (force)`);
    });
  const leftovers = () =>
    withAdmin(serverUrl, async (admin) => {
      const { rows } = await admin.query<{ datname: string }>(
        `select datname from pg_database where datname like 'test\\_%'`,
      );
      return rows.map((r) => r.datname);
    });
  await drop([templateDatabase, demoTemplate, `${demoTemplate}_building`, ...(await leftovers())]);
  await withAdmin(serverUrl, (admin) => admin.query(`create database ${templateDatabase}`));
  const url = databaseUrl(serverUrl, templateDatabase);
  const template = connect(url);
  await migrateToLatest(template.db, template.pool);
  await template.close();
  project.provide('postgresUrl', url);
  return async () => drop(await leftovers());
}

export async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) return useExternalServer(project, process.env.DATABASE_URL);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'steward-test-'));
  const server = await startEmbeddedPostgres({
    dataDir,
    database: templateDatabase,
    logger: createLogger('warn'),
    persistent: false,
  });
  const template = connect(server.connectionString);
  await migrateToLatest(template.db, template.pool);
  await template.close();
  project.provide('postgresUrl', server.connectionString);
  return async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
