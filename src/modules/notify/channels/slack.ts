// Slack incoming webhooks with Block Kit (api.slack.com/messaging/webhooks).

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

export async function postToSlack(url: string, message: SlackMessage): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(message),
    signal: AbortSignal.timeout(10_000),
  });
  if (response.ok) return;
  const detail = `Slack answered ${response.status}: ${(await response.text()).slice(0, 200)}`;
  // 4xx other than rate limiting means the webhook is gone or the message is wrong.
  if (response.status >= 400 && response.status < 500 && response.status !== 429) {
    throw new PermanentDeliveryError(detail);
  }
  throw new Error(detail);
}
