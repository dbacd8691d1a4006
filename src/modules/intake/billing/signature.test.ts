import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyStripeSignature } from './signature.ts';

const body = Buffer.from('{"id":"evt_1"}');
const sign = (secret: string, t: number) =>
  createHmac('sha256', secret).update(`${t}.`).update(body).digest('hex');
const now = new Date('2026-11-02T09:00:00Z');
const t = now.getTime() / 1000;

describe('verifyStripeSignature', () => {
  it('names the secret that signed, among several v1 signatures', () => {
    const header = `t=${t},v1=${sign('whsec_old', t)},v1=${sign('whsec_new', t)}`;
    expect(
      verifyStripeSignature({ header, rawBody: body, secrets: ['whsec_x', 'whsec_new'], now }),
    ).toEqual({ ok: true, secretIndex: 1 });
  });

  it('refuses a missing header, a timestamp out of tolerance and a tampered body', () => {
    const secrets = ['whsec_a'];
    expect(verifyStripeSignature({ header: undefined, rawBody: body, secrets, now }).ok).toBe(
      false,
    );
    const old = `t=${t - 301},v1=${sign('whsec_a', t - 301)}`;
    expect(verifyStripeSignature({ header: old, rawBody: body, secrets, now }).ok).toBe(false);
    const header = `t=${t},v1=${sign('whsec_a', t)}`;
    expect(
      verifyStripeSignature({ header, rawBody: Buffer.from('{"id":"evt_2"}'), secrets, now }).ok,
    ).toBe(false);
  });
});
