import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { Kysely, PostgresDialect } from 'kysely';
import { connect } from '../../src/db/connect.ts';
import type { Database } from '../../src/db/schema.ts';
import { useTestDeps } from '../support/deps.ts';

const { deps } = await useTestDeps();

describe('the service itself', () => {
  it('answers health and readiness probes', async () => {
    let ready = false;
    const app = buildApp(deps, { ready: () => ready });
    expect((await app.request('/healthz')).status).toBe(200);
    expect((await app.request('/readyz')).status).toBe(503);
    ready = true;
    expect((await app.request('/readyz')).status).toBe(200);
  });

  it('is not ready while its database does not answer, though the process is up', async () => {
    // Nothing listens on port 1: every connection is refused, as after the database stopped.
    const gone = connect('postgres://steward@127.0.0.1:1/steward');
    try {
      const app = buildApp({ ...deps, db: gone.db }, { ready: () => true });
      expect((await app.request('/healthz')).status).toBe(200);
      const probe = await app.request('/readyz');
      expect(probe.status).toBe(503);
      expect(await probe.json()).toEqual({ status: 'database unavailable' });
    } finally {
      await gone.close();
    }
  });

  it.each([
    {
      trouble: 'is not there',
      code: 'database.unavailable',
      russian: 'База данных не отвечает. Повторите попытку чуть позже.',
      // Nothing listens on port 1: every connection is refused, as after the database stopped.
      db: () => connect('postgres://steward@127.0.0.1:1/steward'),
    },
    {
      trouble: 'broke a deadlock by ending the request’s transaction',
      code: 'database.busy',
      russian: 'Помешало другое изменение тех же записей. Повторите попытку.',
      db: () => {
        const deadlock = Object.assign(new Error('deadlock detected'), { code: '40P01' });
        const db = new Kysely<Database>({
          dialect: new PostgresDialect({
            pool: { connect: () => Promise.reject(deadlock), end: () => Promise.resolve() },
          }),
        });
        return { db, close: () => db.destroy() };
      },
    },
  ])(
    'answers 503 with Retry-After, in the reader’s language, when the database $trouble',
    async ({ code, russian, db }) => {
      const troubled = db();
      try {
        const app = buildApp({ ...deps, db: troubled.db });
        const answer = await app.request('/api/v1/auth/login', {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            origin: 'http://localhost',
            'accept-language': 'ru',
          },
          body: JSON.stringify({ email: 'csm@example.com', password: 'a password' }),
        });
        expect(answer.status).toBe(503);
        expect(answer.headers.get('retry-after')).toBe('1');
        expect(await answer.json()).toMatchObject({ status: 503, code, detail: russian });
      } finally {
        await troubled.close();
      }
    },
  );

  it('serves the OpenAPI document and an API reference that loads nothing from elsewhere', async () => {
    const app = buildApp(deps);
    const document = (await (await app.request('/api/v1/openapi.json')).json()) as {
      openapi: string;
    };
    expect(document.openapi).toBe('3.1.0');
    const page = await (await app.request('/api/docs')).text();
    expect(page).toContain('/api/docs/scalar.js');
    expect(page).not.toMatch(/https?:\/\/(?!localhost)[^"']*\.js/);
    const script = await app.request('/api/docs/scalar.js');
    expect(script.status).toBe(200);
    expect((await script.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
  });

  it('tags every answer with a request id', async () => {
    const app = buildApp(deps);
    const response = await app.request('/api/v1/me');
    expect(response.status).toBe(401);
    expect(response.headers.get('x-request-id')).toMatch(/.+/);
  });
});
