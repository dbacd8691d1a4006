// How a receiver knows a webhook came from Steward and was not replayed later: the scheme
// Stripe uses (stripe.com/docs/webhooks#verify-manually). The header
//   Steward-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" under the secret>
// signs the timestamp with the body, so an old request sent again fails the receiver's
// tolerance check. docs/webhooks.md carries an example verifier.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const signatureHeader = 'Steward-Signature';

/** A new signing secret, shown once: `whsec_` and 32 random bytes, as Stripe's look. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

export function signatureOf(secret: string, unixSeconds: number, body: string): string {
  return createHmac('sha256', secret).update(`${unixSeconds}.${body}`, 'utf8').digest('hex');
}

/** The header's value for a body sent at `at`. */
export function signBody(secret: string, at: Date, body: string): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${signatureOf(secret, t, body)}`;
}

/**
 * Whether a header signs this body within `toleranceSeconds` of `now` — what a receiver does,
 * kept here so the documented algorithm is the tested one.
 */
export function verifySignature(input: {
  secret: string;
  header: string;
  body: string;
  now: Date;
  toleranceSeconds?: number;
}): boolean {
  const parts = input.header.split(',').map((p) => p.trim().split('='));
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  if (!Number.isInteger(t)) return false;
  if (Math.abs(input.now.getTime() / 1000 - t) > (input.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signatureOf(input.secret, t, input.body), 'hex');
  return parts
    .filter(([k]) => k === 'v1')
    .some(([, v]) => {
      const given = Buffer.from(v ?? '', 'hex');
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
}
