import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeEmailTransports, sendEmail, type Email } from './email.ts';

let server: SMTPServer;
let url: string;
let connections = 0;
let open = 0;
let received = 0;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(_session, callback) {
      connections++;
      open++;
      callback();
    },
    onClose() {
      open--;
    },
    onData(stream, _session, callback) {
      stream.resume();
      stream.on('end', () => {
        received++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  closeEmailTransports();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const digest = (n: number): Email => ({
  to: `person${n}@example.test`,
  subject: 'Your digest',
  text: 'Three things happened.',
  html: '<p>Three things happened.</p>',
  messageId: { kind: 'delivery', id: `d-${n}` },
});

describe('e-mail to many people at once', () => {
  it('sends a morning of digests over a few reused connections, not one per message', async () => {
    connections = 0;
    received = 0;
    const queue = Array.from({ length: 40 }, (_, i) => i);
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        for (let n = queue.pop(); n !== undefined; n = queue.pop()) {
          await sendEmail(url, 'Steward <steward@example.test>', digest(n));
        }
      }),
    );
    expect(received).toBe(40);
    expect(connections).toBeGreaterThan(0);
    expect(connections).toBeLessThanOrEqual(5);
  });

  it('closes the connections after a quiet second, so the mail server is not held open', async () => {
    await sendEmail(url, 'Steward <steward@example.test>', digest(100));
    expect(open).toBeGreaterThan(0);
    for (let waited = 0; open > 0 && waited < 5000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(open).toBe(0);
  });
});
