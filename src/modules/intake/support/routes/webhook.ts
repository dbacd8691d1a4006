// POST /webhooks/support: tickets from Zendesk or any help desk, signed with a workspace's
// shared secret and a timestamp (signature.ts), so a request replayed later is refused.
// Outside /api/v1; src/http/outsideApi.ts describes it in the OpenAPI document.
import { Hono } from 'hono';
import type { Deps } from '../../../../context.ts';
import type { AppEnv } from '../../../../http/env.ts';
import { AppError } from '../../../../lib/errors.ts';
import { secretBox } from '../../../../lib/secrets.ts';
import { readJsonBody, signatureToleranceSeconds, webhookLimit } from '../../billing/index.ts';
import { readTicket } from '../payload.ts';
import { supportSecretCandidates } from '../secrets.ts';
import { matchingSecret, signatureHeader } from '../signature.ts';
import { receiveTicket } from '../tickets.ts';

export function supportWebhookRoutes({ db, clock, config }: Deps) {
  return new Hono<AppEnv>().post('/webhooks/support', webhookLimit(), async (c) => {
    const rawBody = Buffer.from(await c.req.arrayBuffer());
    const candidates = await supportSecretCandidates(db, clock, secretBox(config));
    const check = matchingSecret({
      header: c.req.header(signatureHeader),
      rawBody,
      secrets: candidates.map((s) => s.secret),
      now: clock.now(),
    });
    const workspaceId = check.ok ? candidates[check.secretIndex]?.workspaceId : undefined;
    if (!workspaceId) {
      throw new AppError(
        'webhook.invalid_signature',
        check.ok || check.reason !== 'stale'
          ? { key: 'intake.problem.supportSignature' }
          : {
              key: 'intake.problem.staleSignature',
              params: { count: signatureToleranceSeconds },
            },
      );
    }
    const read = readTicket(readJsonBody(rawBody));
    if (!read.ok) {
      throw new AppError(
        'webhook.invalid_payload',
        { key: 'intake.problem.notTicket' },
        { errors: read.errors },
      );
    }
    const outcome = await receiveTicket(db, clock, {
      workspaceId,
      ticket: read.ticket,
      rawBody: rawBody.toString('utf8'),
    });
    return c.json({ received: true, outcome }, 200);
  });
}
