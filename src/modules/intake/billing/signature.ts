// Stripe's webhook signature (https://docs.stripe.com/webhooks#verify-manually): the
// `Stripe-Signature` header holds a timestamp `t` and one or more `v1` signatures, each an
// HMAC-SHA256 of `${t}.${rawBody}`. Checked here with node:crypto; the stripe package is only
// used by tests, to sign the way Stripe does.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Message } from '../../../i18n/index.ts';

/** Stripe's own libraries refuse an event signed more than five minutes away from now. */
export const signatureToleranceSeconds = 300;

export type SignatureCheck = { ok: true; secretIndex: number } | { ok: false; reason: Message };

/** Equal hex strings, compared in constant time so a guess learns nothing from timing. */
export function sameHex(a: string, b: string): boolean {
  if (!/^[0-9a-f]+$/i.test(a) || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a.toLowerCase(), 'hex'), Buffer.from(b.toLowerCase(), 'hex'));
}

export function parseSignatureHeader(header: string): { timestamp: number | null; v1: string[] } {
  let timestamp: number | null = null;
  const v1: string[] = [];
  for (const part of header.split(',')) {
    const at = part.indexOf('=');
    if (at < 0) continue;
    const key = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (key === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    // Several v1 signatures come while a secret is being rolled in Stripe's dashboard.
    if (key === 'v1' && value) v1.push(value);
  }
  return { timestamp, v1 };
}

/** Which of the secrets signed this body, if any, and only if it was signed recently. */
export function verifyStripeSignature(options: {
  header: string | undefined;
  rawBody: Buffer;
  secrets: readonly string[];
  now: Date;
  toleranceSeconds?: number;
}): SignatureCheck {
  if (!options.header) return { ok: false, reason: { key: 'intake.problem.stripeHeaderMissing' } };
  const { timestamp, v1 } = parseSignatureHeader(options.header);
  if (timestamp === null || v1.length === 0) {
    return {
      ok: false,
      reason: { key: 'intake.problem.stripeHeaderIncomplete' },
    };
  }
  const tolerance = options.toleranceSeconds ?? signatureToleranceSeconds;
  if (Math.abs(options.now.getTime() / 1000 - timestamp) > tolerance) {
    return {
      ok: false,
      reason: { key: 'intake.problem.staleSignature', params: { count: tolerance } },
    };
  }
  for (const [secretIndex, secret] of options.secrets.entries()) {
    const expected = createHmac('sha256', secret)
      .update(`${timestamp}.`)
      .update(options.rawBody)
      .digest('hex');
    if (v1.some((signature) => sameHex(signature, expected))) return { ok: true, secretIndex };
  }
  return { ok: false, reason: { key: 'intake.problem.stripeNoMatch' } };
}
