// Slack incoming webhooks with Block Kit (api.slack.com/messaging/webhooks). A webhook URL is
// Slack's own (https://hooks.slack.com/…) or on a host the operator allowed
// (STEWARD_SLACK_WEBHOOK_HOSTS): a person saving a URL must not make the server call anything
// else, such as a service inside its network. Checked when saved and again before each post,
// which goes through the outbound guard (lib/outboundUrl.ts): no private address, no redirect.
import { message, renderMessage, type Message } from '../../../i18n/index.ts';
import { requestOutbound } from '../../../lib/outboundUrl.ts';

export const slackWebhookHost = 'hooks.slack.com';

export type SlackWebhookRules = {
  /** Tests and local development: http:// allowed too (STEWARD_ALLOW_INSECURE_WEBHOOKS). */
  allowInsecure: boolean;
  /** Hosts besides hooks.slack.com an operator allowed. */
  extraHosts: readonly string[];
};

/** Why a Slack webhook URL may not be used, or null when it may. */
export function slackWebhookUrlProblem(raw: string, rules: SlackWebhookRules): Message | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return message('notify.field.slackUrl');
  }
  const secure = url.protocol === 'https:' || (rules.allowInsecure && url.protocol === 'http:');
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const allowed = [slackWebhookHost, ...rules.extraHosts.map((h) => h.toLowerCase())];
  if (!secure || url.username || url.password || !allowed.includes(host)) {
    return rules.extraHosts.length > 0
      ? message('notify.field.slackWebhookOr', {
          host: slackWebhookHost,
          hosts: rules.extraHosts.join(', '),
        })
      : message('notify.field.slackWebhook', { host: slackWebhookHost });
  }
  return null;
}

export type SlackMessage = { text: string; blocks: Record<string, unknown>[] };

/** A webhook Slack refuses for good (revoked, wrong URL): retrying will not help. */
export class PermanentDeliveryError extends Error {}

export function slackMessage(input: {
  title: string;
  body: string | null;
  lines?: { heading: string | null; items: string[] }[];
  link?: string;
  /** The button's words, in the reader's language. */
  linkLabel?: string;
}): SlackMessage {
  const blocks: Record<string, unknown>[] = [
    { type: 'section', text: { type: 'mrkdwn', text: `*${input.title}*` } },
  ];
  if (input.body) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: input.body } });
  for (const group of input.lines ?? []) {
    blocks.push({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: [
          ...(group.heading ? [`*${group.heading}*`] : []),
          ...group.items.map((i) => `• ${i}`),
        ].join('\n'),
      },
    });
  }
  if (input.link) {
    blocks.push({
      type: 'actions',
      elements: [
        {
          type: 'button',
          text: { type: 'plain_text', text: input.linkLabel ?? 'Steward' },
          url: input.link,
        },
      ],
    });
  }
  // `text` is the fallback Slack shows in notifications and to screen readers.
  return { text: input.title, blocks };
}

export async function postToSlack(
  url: string,
  message: SlackMessage,
  rules: SlackWebhookRules,
): Promise<void> {
  // A URL saved before the rule (or written by hand) is not called.
  const problem = slackWebhookUrlProblem(url, rules);
  if (problem)
    throw new PermanentDeliveryError(`the Slack webhook URL ${renderMessage(problem, 'en')}`);
  const response = await requestOutbound(
    url,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message),
      timeoutMs: 10_000,
      maxBodyBytes: 200,
    },
    { allowHosts: rules.extraHosts },
  );
  if (response.status >= 200 && response.status < 300) return;
  const detail = `Slack answered ${response.status}: ${response.body}`;
  // 4xx other than rate limiting means the webhook is gone or the message is wrong.
  if (response.status >= 400 && response.status < 500 && response.status !== 429) {
    throw new PermanentDeliveryError(detail);
  }
  throw new Error(detail);
}
