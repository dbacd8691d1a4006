// The OpenAPI document, built without a database: for type generation and the contract tests.
import { buildApp, openApiInfo } from './app.ts';
import { readConfig } from './config.ts';
import { connect } from './db/connect.ts';
import { systemClock } from './lib/clock.ts';
import { createLogger } from './lib/logger.ts';

export function openApiDocument() {
  // The pool never connects: routes are only declared, never called.
  const { db } = connect('postgres://unused@127.0.0.1:1/unused');
  const app = buildApp({
    db,
    clock: systemClock,
    config: readConfig({}),
    logger: createLogger('silent'),
  });
  return app.getOpenAPI31Document(openApiInfo);
}
