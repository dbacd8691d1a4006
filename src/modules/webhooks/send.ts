// One signed POST of a webhook body to a subscriber's URL, through the outbound guard (no
// private addresses unless allowed, no redirects followed), and what came back.
import type { Deps } from '../../context.ts';
import { OutboundRefused, requestOutbound } from '../../lib/outboundUrl.ts';
import { signatureHeader, signBody } from './signature.ts';

/** How long a receiver has to answer; Stripe allows about as long. */
const timeoutMs = 10_000;
/** How much of an answer is kept for the admin reading an attempt. */
export const keptAnswerChars = 2000;

export type SendOutcome = {
  statusCode: number | null;
  error: string | null;
  responseBody: string | null;
  durationMs: number;
  /** A redirect's target (never followed), for the caller to judge. */
  location: string | null;
  /** The URL or its address was refused by the guard: retrying will not help. */
  refused: boolean;
};

export const succeeded = (outcome: SendOutcome) =>
  outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300;

export async function sendWebhook(
  deps: Pick<Deps, 'config' | 'clock'>,
  target: { url: string; secret: string; event: string; deliveryId: string; body: string },
): Promise<SendOutcome> {
  const started = performance.now();
  const duration = () => Math.round(performance.now() - started);
  try {
    const answer = await requestOutbound(
      target.url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Steward-Webhooks/1',
          [signatureHeader]: signBody(target.secret, deps.clock.now(), target.body),
          'Steward-Event': target.event,
          'Steward-Delivery': target.deliveryId,
        },
        body: target.body,
        timeoutMs,
        maxBodyBytes: keptAnswerChars,
      },
      { allowHosts: deps.config.outboundAllowHosts },
    );
    const redirected = answer.status >= 300 && answer.status < 400;
    return {
      statusCode: answer.status,
      error: redirected ? `Redirects are not followed (to ${answer.location ?? '?'}).` : null,
      responseBody: answer.body.slice(0, keptAnswerChars) || null,
      durationMs: duration(),
      location: answer.location,
      refused: false,
    };
  } catch (error) {
    return {
      statusCode: null,
      error: (error instanceof Error ? error.message : String(error)).slice(0, keptAnswerChars),
      responseBody: null,
      durationMs: duration(),
      location: null,
      refused: error instanceof OutboundRefused,
    };
  }
}
