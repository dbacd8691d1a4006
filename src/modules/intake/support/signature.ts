// The support webhook's signature, shaped like Stripe's so a replayed request is refused:
// `X-Steward-Signature: t=<unix seconds>,v1=<hex>`, where v1 is the HMAC-SHA256 of
// `<t>.<raw body>` under a secret of the workspace, and t must be within five minutes of
// Steward's clock. The secret that matches names the workspace.
import { createHmac } from 'node:crypto';
import { parseSignatureHeader, sameHex, signatureToleranceSeconds } from '../billing/index.ts';

export const signatureHeader = 'x-steward-signature';

const mac = (secret: string, timestamp: number, rawBody: Buffer | string) =>
  createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');

/** The header a sender puts on a request it sends at `at`. */
export function signBody(secret: string, rawBody: Buffer | string, at: Date): string {
  const timestamp = Math.floor(at.getTime() / 1000);
  return `t=${timestamp},v1=${mac(secret, timestamp, rawBody)}`;
}

export type SupportSignatureCheck =
  { ok: true; secretIndex: number } | { ok: false; reason: 'missing' | 'stale' | 'mismatch' };

/** Which of the secrets signed this body, if any, and only if it was signed recently. */
export function matchingSecret(options: {
  header: string | undefined;
  rawBody: Buffer;
  secrets: readonly string[];
  now: Date;
}): SupportSignatureCheck {
  const { timestamp, v1 } = parseSignatureHeader(options.header ?? '');
  if (timestamp === null || v1.length === 0) return { ok: false, reason: 'missing' };
  if (Math.abs(options.now.getTime() / 1000 - timestamp) > signatureToleranceSeconds) {
    return { ok: false, reason: 'stale' };
  }
  const secretIndex = options.secrets.findIndex((secret) => {
    const expected = mac(secret, timestamp, options.rawBody);
    return v1.some((signature) => sameHex(signature, expected));
  });
  return secretIndex < 0 ? { ok: false, reason: 'mismatch' } : { ok: true, secretIndex };
}
