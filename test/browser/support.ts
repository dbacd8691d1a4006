// Browser tests: Debian's Chromium driven by playwright-core, against the real app with the
// demo workspace. Sign-in goes through the API; a trace is kept when a test fails.
import { AxeBuilder } from '@axe-core/playwright';
import { runTaskListOnce } from 'graphile-worker';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import createClient, { type Client } from 'openapi-fetch';
import pg from 'pg';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { beforeAll, inject, vi } from 'vitest';
import { toTaskList } from '../../src/jobs/registry.ts';
import { importJobs } from '../../src/modules/intake/import/index.ts';
import type { paths } from '../../web/src/api/schema.d.ts';
import { ensureDemoTemplate } from '../support/databases.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

// Every browser test starts on the demo workspace. The first file of a run to get here seeds
// it once (a year of data through the real intake: it takes a while); the rest clone it.
beforeAll(() => ensureDemoTemplate(inject('postgresUrl')), 10 * 60_000);
// A browser test walks a whole flow in a real Chromium against a real server: on a busy
// two-core machine that takes longer than the 30 s a unit or API test gets.
vi.setConfig({ testTimeout: 120_000 });

export type Viewport = { width: number; height: number };
export const phone: Viewport = { width: 390, height: 844 };
export const laptop: Viewport = { width: 1280, height: 800 };
export const demoPassword = 'steward-demo';

export type BrowserSession = {
  server: TestServer;
  context: BrowserContext;
  page: Page;
  close(failed: boolean, name: string): Promise<void>;
};

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Signs in through the API and returns the session cookie, as the browser would hold it. */
async function sessionCookie(server: TestServer, email: string) {
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ email, password: demoPassword }),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((header) => /^([^=]+)=([^;]*)/.exec(header))
    .find((match) => match !== null);
  if (!login.ok || !cookie?.[1] || !cookie[2]) {
    throw new Error(`could not sign in as ${email}: ${login.status}`);
  }
  return { name: cookie[1], value: cookie[2] };
}

/**
 * A fresh browser profile and the real server with the demo workspace. With an e-mail, that
 * demo person is signed in (through the API); a phone-sized viewport gets touch input.
 */
export async function openSteward(
  email: string | null,
  viewport: Viewport = laptop,
  options: { colorScheme?: 'light' | 'dark' } = {},
): Promise<BrowserSession> {
  const server = await startTestServer();
  const profile = await mkdtemp(path.join(os.tmpdir(), 'steward-chromium-'));
  const onPhone = viewport.width < 640;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport,
    hasTouch: onPhone,
    isMobile: onPhone,
    colorScheme: options.colorScheme ?? 'light',
    locale: 'en-US',
    // The service worker would answer navigations from its cache between tests.
    serviceWorkers: 'block',
    args: chromiumArgs,
  });
  await context.tracing.start({ screenshots: true, snapshots: true });
  if (email) {
    const { name, value } = await sessionCookie(server, email);
    await context.addCookies([{ name, value, url: server.url, httpOnly: true, sameSite: 'Lax' }]);
  }
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    server,
    context,
    page,
    close: async (failed, name) => {
      if (failed) {
        await mkdir('test-results', { recursive: true });
        const trace = path.join('test-results', `${name.replace(/\W+/g, '-')}.zip`);
        await context.tracing.stop({ path: trace });
      } else {
        await context.tracing.stop();
      }
      await context.close();
      await rm(profile, { recursive: true, force: true });
      await server.stop();
    },
  };
}

/** Serious and critical axe violations on the page as it is now, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * Runs the background jobs queued so far (a CSV import, say) once, as the worker would: the
 * test server has no worker of its own, and tests never wait for time to pass.
 */
export async function runQueuedJobs(server: TestServer) {
  const pool = new pg.Pool({ connectionString: server.deps.config.databaseUrl, max: 1 });
  const client = await pool.connect();
  try {
    await runTaskListOnce({}, toTaskList(server.deps, importJobs), client).promise;
  } finally {
    client.release();
    await pool.end();
  }
}

/** The typed API client as the person signed in to the browser (same cookie, same origin). */
export async function apiAs(session: BrowserSession): Promise<Client<paths>> {
  const cookies = await session.context.cookies(session.server.url);
  return createClient<paths>({
    baseUrl: session.server.url,
    headers: {
      cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; '),
      origin: session.server.url,
    },
  });
}
