// The survey link's token: which invitation, for which contact and survey, signed with the
// workspace's key (HMAC-SHA256). Forged or altered, it does not verify; bound to its contact and
// survey, it cannot answer for another; single use is the invitation's to keep (used_at).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

const payloadSchema = z.object({
  /** The invitation. */
  i: z.uuid(),
  /** The contact it was sent to. */
  c: z.uuid(),
  /** The survey: nps or csat. */
  k: z.enum(['nps', 'csat']),
});

export type SurveyTokenPayload = z.infer<typeof payloadSchema>;

const sign = (key: string, body: string) =>
  createHmac('sha256', Buffer.from(key, 'hex')).update(body).digest('base64url');

export function signSurveyToken(key: string, payload: SurveyTokenPayload): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${sign(key, body)}`;
}

/** The token's claims, unverified (the key is found through the invitation), or null. */
export function readSurveyToken(token: string): SurveyTokenPayload | null {
  const [body, signature, ...rest] = token.split('.');
  if (!body || !signature || rest.length > 0) return null;
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(Buffer.from(body, 'base64url').toString()));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function surveyTokenValid(key: string, token: string): boolean {
  const [body, signature] = token.split('.');
  if (!body || !signature) return false;
  const expected = Buffer.from(sign(key, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
