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
import { templateDatabase } from './databases.ts';

declare module 'vitest' {
  // Declaration merging is how Vitest types provide()/inject().
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export async function setup(project: TestProject) {
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
