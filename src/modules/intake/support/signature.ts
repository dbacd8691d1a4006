// The support webhook's signature: `X-Steward-Signature: sha256=<hex>`, the HMAC-SHA256 of
// the raw body under a secret of the workspace. The secret that matches names the workspace.
import { createHmac } from 'node:crypto';
import { sameHex } from '../billing/index.ts';

export const signatureHeader = 'x-steward-signature';

export function signBody(secret: string, rawBody: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/** The index of the secret that signed the body, or -1. */
export function matchingSecret(
  header: string | undefined,
  rawBody: Buffer,
  secrets: readonly string[],
): number {
  const signature = /^sha256=([0-9a-f]{64})$/i.exec(header?.trim() ?? '')?.[1];
  if (!signature) return -1;
  return secrets.findIndex((secret) =>
    sameHex(signature, createHmac('sha256', secret).update(rawBody).digest('hex')),
  );
}
