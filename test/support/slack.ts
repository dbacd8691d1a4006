// Slack's slash commands in tests: the app set up to take them for one workspace, and a
// command signed as Slack signs it (`v0=` + HMAC-SHA256 of `v0:<timestamp>:<body>`).
import { createHmac } from 'node:crypto';
import type { Deps } from '../../src/context.ts';
import type { Clock } from '../../src/lib/clock.ts';
import { testApp } from './client.ts';

export const slackTestSecret = 'slack-signing-secret-for-tests';

/** The app answering Slack commands for the workspace of `slug`, signed with the test secret. */
export const slackApp = (deps: Deps, slug: string) =>
  testApp({
    ...deps,
    config: { ...deps.config, slackSigningSecret: slackTestSecret, slackWorkspace: slug },
  });

/** `at` (Unix seconds) defaults to the clock's now; `key` to the test secret. */
export type SlackSigning = { clock: Clock; at?: number; key?: string };

/** The two headers Slack signs a request body with. */
export function slackSignature(body: string, { clock, at, key }: SlackSigning) {
  const timestamp = String(at ?? Math.floor(clock.now().getTime() / 1000));
  const signature = `v0=${createHmac('sha256', key ?? slackTestSecret)
    .update(`v0:${timestamp}:${body}`)
    .digest('hex')}`;
  return { 'x-slack-request-timestamp': timestamp, 'x-slack-signature': signature };
}

/** A slash command's form as Slack posts it, signed: pass to `app.request('/slack/commands', …)`. */
export function signedSlackCommand(form: Record<string, string>, signing: SlackSigning) {
  const body = new URLSearchParams(form).toString();
  return {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...slackSignature(body, signing),
    },
    body,
  };
}
