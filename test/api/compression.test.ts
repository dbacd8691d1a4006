import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { origin, testApp } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeAccount, makeUser, makeWorkspace, testPassword } from '../support/factories.ts';

const { deps } = await useTestDeps('2026-11-02T09:00:00Z');
const app = testApp(deps);
let cookie = '';

beforeAll(async () => {
  const workspace = await makeWorkspace(deps.db);
  const csm = await makeUser(deps.db, workspace.id, { role: 'csm' });
  for (let i = 0; i < 30; i++) {
    await makeAccount(deps.db, workspace.id, { name: `Account ${i}`, owner_id: csm.id });
  }
  const login = await app.request('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ email: csm.email, password: testPassword }),
  });
  cookie = login.headers.getSetCookie()[0]?.split(';')[0] ?? '';
});

describe('the portfolio on a slow phone network', () => {
  it('comes gzipped to a browser that accepts it, a fraction of its size', async () => {
    const plain = await app.request('/api/v1/accounts?limit=30', { headers: { cookie } });
    const text = await plain.text();
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(text.length).toBeGreaterThan(5000);

    const zipped = await app.request('/api/v1/accounts?limit=30', {
      headers: { cookie, 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(zipped.status).toBe(200);
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    // The answer's other headers come with the smaller body.
    expect(zipped.headers.get('content-type')).toMatch(/^application\/json/);
    expect(zipped.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(zipped.headers.get('cache-control')).toBe('no-store');
    expect(zipped.headers.get('x-content-type-options')).toBe('nosniff');
    const body = Buffer.from(await zipped.arrayBuffer());
    expect(body.length).toBeLessThan(text.length / 3);
    expect(JSON.parse(gunzipSync(body).toString('utf8'))).toEqual(JSON.parse(text));
  });

  it('leaves small answers as they are', async () => {
    const response = await app.request('/api/v1/me', {
      headers: { cookie, 'accept-encoding': 'gzip' },
    });
    expect(response.headers.get('content-encoding')).toBeNull();
  });
});
