// Headers and outbound requests: a Content-Security-Policy on every page with no inline script
// allowed, no-store on data answers, long caching left to hashed assets, and Slack webhook
// URLs that can only name Slack (or a host the operator allowed).
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { inlineScriptHashes } from '../../src/http/securityHeaders.ts';
import { apiClient } from '../support/client.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeUser, makeWorkspace, testPassword } from '../support/factories.ts';

const { deps } = await useTestDeps();
const sourcePage = readFileSync(path.resolve(import.meta.dirname, '../../web/index.html'), 'utf8');

// The web app as the build lays it out: the shell, and one asset named by its hash.
const webRoot = mkdtempSync(path.join(tmpdir(), 'steward-web-'));
writeFileSync(path.join(webRoot, 'index.html'), sourcePage);
mkdirSync(path.join(webRoot, 'assets'));
writeFileSync(path.join(webRoot, 'assets', 'index-AbCd1234.js'), 'export {};\n');
afterAll(() => rmSync(webRoot, { recursive: true, force: true }));

const app = buildApp(
  { ...deps, config: { ...deps.config, slackWebhookHosts: ['chat.example.org'] } },
  { webRoot },
);

function policyOf(response: Response): Map<string, string[]> {
  const header = response.headers.get('content-security-policy') ?? '';
  return new Map(
    header
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name = '', ...sources]) => [name, sources]),
  );
}

describe('Content-Security-Policy', () => {
  it('puts a policy on the web app that runs no inline script, on every client-side route', async () => {
    expect(inlineScriptHashes(sourcePage)).toEqual([]);
    for (const url of ['/', '/accounts', '/settings/profile', '/reset-password']) {
      const response = await app.request(url);
      expect(response.headers.get('content-type'), url).toMatch(/text\/html/);
      const policy = policyOf(response);
      expect(policy.get('script-src'), url).toEqual(["'self'"]);
      expect(policy.get('default-src'), url).toEqual(["'self'"]);
      expect(policy.get('frame-ancestors'), url).toEqual(["'none'"]);
      expect(policy.get('object-src'), url).toEqual(["'none'"]);
    }
  });

  it("allows the API reference's one inline script by its hash, and nothing else inline", async () => {
    const response = await app.request('/api/docs');
    const html = await response.text();
    const hashes = inlineScriptHashes(html);
    expect(hashes).toHaveLength(1);
    const scripts = policyOf(response).get('script-src') ?? [];
    expect(scripts).toEqual(["'self'", `'sha256-${hashes[0]}'`]);
    expect(scripts).not.toContain("'unsafe-inline'");
  });
});

describe('caching', () => {
  it('tells browsers and proxies to keep no API answer, signed in or not', async () => {
    const workspace = await makeWorkspace(deps.db);
    const csm = await makeUser(deps.db, workspace.id);
    const anonymous = await app.request('/api/v1/me');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('cache-control')).toBe('no-store');

    const client = apiClient(app);
    const login = await client.POST('/api/v1/auth/login', {
      body: { email: csm.email, password: testPassword },
    });
    expect(login.response.headers.get('cache-control')).toBe('no-store');
    const accounts = await client.GET('/api/v1/accounts');
    expect(accounts.response.status).toBe(200);
    expect(accounts.response.headers.get('cache-control')).toBe('no-store');
    const intake = await app.request('/v1/track', { method: 'POST', body: '{}' });
    expect(intake.headers.get('cache-control')).toBe('no-store');
  });

  it('leaves hashed assets cached for long and the shell revalidated', async () => {
    const asset = await app.request('/assets/index-AbCd1234.js');
    expect(asset.headers.get('cache-control')).toMatch(/max-age=31536000/);
    const shell = await app.request('/');
    expect(shell.headers.get('cache-control')).not.toMatch(/max-age=31536000/);
  });
});

describe('Slack webhook URLs', () => {
  it("accepts Slack's own and an operator-allowed host, and refuses any other address", async () => {
    const workspace = await makeWorkspace(deps.db);
    const csm = await makeUser(deps.db, workspace.id);
    const client = apiClient(app);
    await client.POST('/api/v1/auth/login', { body: { email: csm.email, password: testPassword } });
    const save = (slackWebhookUrl: string) =>
      client.PUT('/api/v1/me/notification-preferences', { body: { slackWebhookUrl } });

    for (const refused of [
      'https://evil.example/services/T/B/X',
      'https://169.254.169.254/latest/meta-data/',
      'https://127.0.0.1:5432/',
      'https://hooks.slack.com.evil.example/services/T/B/X',
      'http://hooks.slack.com/services/T/B/X',
      'https://user:pass@hooks.slack.com/services/T/B/X',
    ]) {
      const { response, error } = await save(refused);
      expect(response.status, refused).toBe(422);
      expect(error?.errors?.map((e) => e.path)).toEqual(['slackWebhookUrl']);
    }
    for (const accepted of [
      'https://hooks.slack.com/services/T000/B000/XXXX',
      'https://chat.example.org/hooks/steward',
    ]) {
      const { response, data } = await save(accepted);
      expect(response.status, accepted).toBe(200);
      expect(data?.slackWebhookUrl).toBe(accepted);
    }
  });
});
