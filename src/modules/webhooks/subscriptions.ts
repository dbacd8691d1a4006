// An admin's webhook subscriptions: a URL that must be safe to call and answer without a
// redirect (checked, then pinged, before anything is written), the events it wants, and a
// signing secret shown once and kept sealed (lib/secrets.ts: HMAC needs the secret itself, so
// it cannot be stored as a hash the way API tokens are).
import { randomUUID } from 'node:crypto';
import type { Actor, Deps } from '../../context.ts';
import { message, type Message } from '../../i18n/index.ts';
import { AppError, codeDetail, fieldProblem, invalid } from '../../lib/errors.ts';
import { checkOutboundUrl, type OutboundRefusal } from '../../lib/outboundUrl.ts';
import { secretBox } from '../../lib/secrets.ts';
import { recordAudit } from '../auth/index.ts';
import { pingEvent } from './events.ts';
import { webhookBody } from './payload.ts';
import type { SubscriptionInput, SubscriptionPatch } from './schema.ts';
import { sendWebhook } from './send.ts';
import { newSigningSecret } from './signature.ts';
import { cancelPendingDeliveries } from './store/deliveries.ts';
import * as store from './store/subscriptions.ts';

export function describeSubscription(row: store.SubscriptionRow) {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events as SubscriptionInput['events'],
    enabled: row.enabled,
    disabledReason: row.disabled_reason,
    consecutiveFailures: row.consecutive_failures,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Why a URL may not be called, for the reader (`describeRefusal` is the log's English). */
function refusal(
  refused: OutboundRefusal,
  at: 'webhooks.field.' | 'webhooks.field.redirectTo.',
): Message {
  switch (refused.reason) {
    case 'not_http':
      return message(`${at}notHttp`);
    case 'credentials':
      return message(`${at}credentials`);
    case 'unresolvable':
      return message(`${at}unresolvable`, { host: refused.host });
    case 'private_address':
      return message(`${at}privateAddress`, { host: refused.host });
  }
}

const urlProblem = (why: Message) => fieldProblem('url', why.key, why.params);

const authorOf = (actor: Actor) => ({ workspaceId: actor.workspaceId, userId: actor.userId });

/** The URL as it will be called, or a 422 naming `url` with why not. */
async function acceptableUrl(deps: Pick<Deps, 'config'>, raw: string): Promise<string> {
  const checked = await checkOutboundUrl(raw, { allowHosts: deps.config.outboundAllowHosts });
  if (!checked.ok) throw invalid([urlProblem(refusal(checked, 'webhooks.field.'))]);
  return checked.url.toString();
}

/**
 * Sends the `ping` event to a URL about to be saved. A URL that redirects is refused (Steward
 * does not follow redirects, so nothing would arrive) — naming a private target as such; any
 * other answer, or none, is reported and the URL kept (the receiver may not be up yet).
 */
async function pingUrl(
  deps: Pick<Deps, 'config' | 'clock'>,
  target: { workspaceId: string; subscriptionId: string; url: string; secret: string },
): Promise<{ status: number | null; error: string | null }> {
  const pingId = randomUUID();
  const outcome = await sendWebhook(deps, {
    url: target.url,
    secret: target.secret,
    event: pingEvent,
    deliveryId: pingId,
    body: webhookBody({
      id: pingId,
      type: pingEvent,
      createdAt: deps.clock.now().toISOString(),
      workspaceId: target.workspaceId,
      data: { subscriptionId: target.subscriptionId },
    }),
  });
  // The sender's own words for a refusal it found later (its log's English).
  if (outcome.refused)
    throw invalid([
      fieldProblem('url', 'webhooks.field.refused', { reason: outcome.error ?? 'refused' }),
    ]);
  if (outcome.location !== null && outcome.statusCode !== null && outcome.statusCode < 400) {
    const next = await checkOutboundUrl(outcome.location, {
      allowHosts: deps.config.outboundAllowHosts,
    });
    throw invalid([
      next.ok
        ? fieldProblem('url', 'webhooks.field.redirect', { location: outcome.location })
        : urlProblem(refusal(next, 'webhooks.field.redirectTo.')),
    ]);
  }
  return { status: outcome.statusCode, error: outcome.error };
}

export async function listSubscriptions(deps: Pick<Deps, 'db'>, actor: Actor) {
  return (await store.subscriptionRows(deps.db, actor.workspaceId)).map(describeSubscription);
}

export async function findSubscription(deps: Pick<Deps, 'db'>, actor: Actor, id: string) {
  const row = await store.subscriptionById(deps.db, actor.workspaceId, id);
  if (!row)
    throw new AppError(
      'webhook_subscription.not_found',
      codeDetail('webhook_subscription.not_found'),
    );
  return row;
}

export async function getSubscription(deps: Pick<Deps, 'db'>, actor: Actor, id: string) {
  return describeSubscription(await findSubscription(deps, actor, id));
}

export async function createSubscription(deps: Deps, actor: Actor, input: SubscriptionInput) {
  const url = await acceptableUrl(deps, input.url);
  const id = randomUUID();
  const secret = newSigningSecret();
  const ping = await pingUrl(deps, {
    workspaceId: actor.workspaceId,
    subscriptionId: id,
    url,
    secret,
  });
  const now = deps.clock.now();
  const row = await deps.db.transaction().execute(async (trx) => {
    const row = await store.insertSubscription(trx, {
      id,
      workspace_id: actor.workspaceId,
      url,
      description: input.description ?? null,
      events: input.events,
      secret: secretBox(deps.config).seal(secret),
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(trx, authorOf(actor), {
      action: 'webhook_subscription.created',
      entityType: 'webhook_subscription',
      entityId: id,
      changes: { url, events: input.events },
    });
    return row;
  });
  return { subscription: describeSubscription(row), secret, ping };
}

/**
 * Changes a subscription. A new URL is checked and pinged like a first one. Switching it off
 * cancels what waits to be sent; switching it on forgets the failures that switched it off.
 */
export async function updateSubscription(
  deps: Deps,
  actor: Actor,
  id: string,
  patch: SubscriptionPatch,
) {
  const current = await findSubscription(deps, actor, id);
  let url = current.url;
  if (patch.url !== undefined && patch.url !== current.url) {
    url = await acceptableUrl(deps, patch.url);
    const sealed = await store.sealedSecretOf(deps.db, actor.workspaceId, id);
    const secret = sealed === undefined ? undefined : secretBox(deps.config).open(sealed);
    if (secret === undefined) {
      throw new AppError('webhook_subscription.not_found', {
        key: 'webhooks.problem.secretUnreadable',
      });
    }
    await pingUrl(deps, { workspaceId: actor.workspaceId, subscriptionId: id, url, secret });
  }
  const now = deps.clock.now();
  const switchedOff = patch.enabled === false && current.enabled;
  const switchedOn = patch.enabled === true && !current.enabled;
  const row = await deps.db.transaction().execute(async (trx) => {
    const row = await store.updateSubscriptionRow(trx, actor.workspaceId, id, {
      url,
      ...(patch.events !== undefined ? { events: patch.events } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(switchedOff ? { enabled: false, disabled_reason: 'admin' as const } : {}),
      ...(switchedOn ? { enabled: true, disabled_reason: null, consecutive_failures: 0 } : {}),
      updated_at: now,
    });
    if (switchedOff) await cancelPendingDeliveries(trx, actor.workspaceId, id, now);
    await recordAudit(trx, authorOf(actor), {
      action: 'webhook_subscription.updated',
      entityType: 'webhook_subscription',
      entityId: id,
      changes: { ...patch, ...(patch.url !== undefined ? { url } : {}) },
    });
    return row;
  });
  if (!row)
    throw new AppError(
      'webhook_subscription.not_found',
      codeDetail('webhook_subscription.not_found'),
    );
  return describeSubscription(row);
}
