// The real app on a real socket, for browser tests: its own database with the demo workspace
// (cloned from the run's demo template), and the built web app served from dist/web.
import { serve, type ServerType } from '@hono/node-server';
import { buildApp } from '../../src/app.ts';
import type { Deps } from '../../src/context.ts';
import { webRoot } from '../../src/start.ts';
import { createTestDatabase, testDeps } from './db.ts';

export type TestServer = { url: string; deps: Deps; stop(): Promise<void> };

export async function startTestServer(): Promise<TestServer> {
  const database = await createTestDatabase('demo');
  const deps = testDeps(database);
  const app = buildApp(deps, { webRoot });
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    deps,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}
