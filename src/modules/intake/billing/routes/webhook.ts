// POST /webhooks/stripe: Stripe's own format, outside /api/v1 (described in the OpenAPI
// document by src/http/outsideApi.ts).
// The signature is checked before anything is read or written; a bad one answers 400.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Deps } from '../../../../context.ts';
import type { AppEnv } from '../../../../http/env.ts';
import { AppError } from '../../../../lib/errors.ts';
import { secretBox } from '../../../../lib/secrets.ts';
import { receiveStripeEvent } from '../events.ts';
import { readStripeEvent } from '../payload.ts';
import { installWorkspace, stripeSecretCandidates } from '../secrets.ts';
import { verifyStripeSignature } from '../signature.ts';

/** Stripe events are a few kilobytes; a subscription with many items stays far below this. */
export const webhookBodyLimit = 1024 * 1024;

export function readJsonBody(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new AppError('webhook.invalid_payload', { key: 'intake.problem.notJson' });
  }
}

export function webhookLimit() {
  return bodyLimit({
    maxSize: webhookBodyLimit,
    onError: () => {
      throw new AppError('request.too_large', {
        key: 'errors.http.bodyTooLarge',
        params: { bytes: String(webhookBodyLimit) },
      });
    },
  });
}

export function stripeWebhookRoutes({ db, clock, config }: Deps) {
  return new Hono<AppEnv>().post('/webhooks/stripe', webhookLimit(), async (c) => {
    const rawBody = Buffer.from(await c.req.arrayBuffer());
    const candidates = await stripeSecretCandidates(db, clock, {
      installSecrets: config.stripeWebhookSecrets,
      box: secretBox(config),
    });
    const check = verifyStripeSignature({
      header: c.req.header('stripe-signature'),
      rawBody,
      secrets: candidates.map((s) => s.secret),
      now: clock.now(),
    });
    if (!check.ok) throw new AppError('webhook.invalid_signature', check.reason);
    const workspaceId = candidates[check.secretIndex]?.workspaceId ?? (await installWorkspace(db));
    if (!workspaceId) {
      throw new AppError('webhook.invalid_payload', { key: 'intake.problem.noWorkspace' });
    }
    const read = readStripeEvent(readJsonBody(rawBody));
    if (!read.ok) {
      throw new AppError(
        'webhook.invalid_payload',
        { key: 'intake.problem.notStripeEvent' },
        {
          errors: read.errors,
        },
      );
    }
    const outcome = await receiveStripeEvent(db, clock, {
      workspaceId,
      read: read.read,
      rawBody: rawBody.toString('utf8'),
    });
    c.var.log.info({ stripeEvent: read.read.event.id, outcome }, 'stripe event');
    return c.json({ received: true, outcome }, 200);
  });
}
