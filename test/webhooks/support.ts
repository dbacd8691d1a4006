// Webhook tests: a receiver on 127.0.0.1 (allowed through STEWARD_OUTBOUND_ALLOW_HOSTS's
// setting in the test's config) that records what arrives and answers as the test says.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Received = { headers: Record<string, string | undefined>; body: string };

export type Receiver = {
  url: string;
  received: Received[];
  /** What the next requests get: a status, and a Location for redirects. */
  answer: { status: number; location?: string };
  close(): Promise<void>;
};

export async function startReceiver(path = '/hooks/steward'): Promise<Receiver> {
  const received: Received[] = [];
  const answer: Receiver['answer'] = { status: 200 };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({
        headers: {
          signature: req.headers['steward-signature'] as string | undefined,
          event: req.headers['steward-event'] as string | undefined,
          delivery: req.headers['steward-delivery'] as string | undefined,
          contentType: req.headers['content-type'],
        },
        body: Buffer.concat(chunks).toString('utf8'),
      });
      res.writeHead(answer.status, {
        'content-type': 'text/plain',
        ...(answer.location ? { location: answer.location } : {}),
      });
      res.end(answer.status < 300 ? 'thanks' : `no: ${answer.status}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    received,
    answer,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The documented verifier (docs/webhooks.md), written out as a receiver would, not imported. */
export async function verifiedBy(
  secret: string,
  header: string | undefined,
  body: string,
  nowSeconds: number,
): Promise<boolean> {
  const { createHmac, timingSafeEqual } = await import('node:crypto');
  if (!header) return false;
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=') as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > 300 || !parts.v1) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
