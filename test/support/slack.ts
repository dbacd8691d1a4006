// Slack's slash commands in tests: the app set up to take them for one workspace, a command
// signed as Slack signs it (`v0=` + HMAC-SHA256 of `v0:<timestamp>:<body>`), and a person's
// Slack member linked the way people link it (a code from Steward typed as `/steward link`).
import { createHmac } from 'node:crypto';
import type { Deps } from '../../src/context.ts';
import type { Clock } from '../../src/lib/clock.ts';
import { signedIn, testApp, type ApiClient } from './client.ts';
import { testPassword } from './factories.ts';

export const slackTestSecret = 'slack-signing-secret-for-tests';

/** The Slack team commands come from unless a test names another. */
export const slackTestTeam = 'T0STEWARD1';

/**
 * The app answering Slack commands, signed with the test secret, for the workspace of `slug`
 * (SLACK_WORKSPACE) until a link records a team; without one, as Steward runs by default.
 */
export const slackApp = (deps: Deps, slug?: string) =>
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

/**
 * A slash command's form as Slack posts it (from `slackTestTeam` unless `team_id` says
 * otherwise), signed: pass to `app.request('/slack/commands', …)`.
 */
export function signedSlackCommand(form: Record<string, string>, signing: SlackSigning) {
  const body = new URLSearchParams({ team_id: slackTestTeam, ...form }).toString();
  return {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...slackSignature(body, signing),
    },
    body,
  };
}

type App = ReturnType<typeof slackApp>;

/** `/steward <text>` typed by a Slack member, signed; the reply's text. */
export async function slackCommand(
  app: App,
  text: string,
  from: { memberId: string; teamId?: string; clock: Clock },
): Promise<string> {
  const form = { command: '/steward', text, user_id: from.memberId };
  const response = await app.request(
    '/slack/commands',
    signedSlackCommand(from.teamId ? { ...form, team_id: from.teamId } : form, from),
  );
  if (response.status !== 200) throw new Error(`/steward answered ${response.status}`);
  return ((await response.json()) as { text: string }).text;
}

/**
 * Links a Slack member to a signed-in person as a person does: starts a link in Steward, then
 * types `/steward link <code>` in Slack as that member. The first link of a workspace also
 * records its Slack team. Returns Slack's reply.
 */
export async function linkSlack(
  app: App,
  person: ApiClient,
  from: { memberId: string; teamId?: string; clock: Clock },
): Promise<string> {
  const started = await person.POST('/api/v1/me/slack-link');
  if (!started.data) throw new Error(`starting a Slack link answered ${started.response.status}`);
  return slackCommand(app, `link ${started.data.code}`, from);
}

/** Connects the workspace of `slug` to a Slack team: one of its people links their member. */
export async function connectSlack(
  deps: Deps,
  slug: string,
  person: { email: string },
  from: { memberId: string; teamId?: string; clock: Clock },
) {
  const app = slackApp(deps, slug);
  return linkSlack(app, await signedIn(app, person.email, testPassword), from);
}
