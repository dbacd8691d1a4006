// Browser tests: Debian's Chromium driven by playwright-core, against the real app with the
// demo workspace. Sign-in goes through the API; a trace is kept when a test fails.
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/server.ts';

export const phone = { width: 390, height: 844 };
export const laptop = { width: 1280, height: 800 };

export type BrowserSession = {
  server: TestServer;
  context: BrowserContext;
  page: Page;
  close(failed: boolean, name: string): Promise<void>;
};

/** A fresh browser profile and the real server; sign in as a demo person. */
export async function openSteward(
  email: string,
  viewport: { width: number; height: number } = laptop,
  options: { colorScheme?: 'light' | 'dark' } = {},
): Promise<BrowserSession> {
  const server = await startTestServer();
  const profile = await mkdtemp(path.join(os.tmpdir(), 'steward-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport,
    colorScheme: options.colorScheme ?? 'light',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  await context.tracing.start({ screenshots: true, snapshots: true });
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'steward-demo' }),
  });
  const token = /steward_session=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1];
  if (!token) throw new Error(`could not sign in as ${email}: ${login.status}`);
  await context.addCookies([{ name: 'steward_session', value: token, url: server.url, httpOnly: true, sameSite: 'Lax' }]);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    server,
    context,
    page,
    close: async (failed, name) => {
      if (failed) {
        await mkdir('test-results', { recursive: true });
        await context.tracing.stop({ path: path.join('test-results', `${name.replace(/\W+/g, '-')}.zip`) });
      } else {
        await context.tracing.stop();
      }
      await context.close();
      await rm(profile, { recursive: true, force: true });
      await server.stop();
    },
  };
}
