// The guard in front of every URL Steward calls on someone's behalf (webhooks, Slack).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkOutboundUrl,
  isPrivateAddress,
  OutboundRefused,
  parseAllowHosts,
  requestOutbound,
} from '../../src/lib/outboundUrl.ts';

const nothingAllowed = { allowHosts: [] };

describe('outbound URLs', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.20.0.1',
    '192.168.1.10',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    'fe80::1',
    'fd12:3456::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '64:ff9b::a00:1',
    '2002:c0a8:0101::1',
  ])('treats %s as private', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'treats %s as public',
    (address) => {
      expect(isPrivateAddress(address)).toBe(false);
    },
  );

  it('refuses a URL that is not http(s) or carries credentials', async () => {
    expect(await checkOutboundUrl('ftp://example.com/x', nothingAllowed)).toMatchObject({
      ok: false,
      reason: 'not_http',
    });
    expect(await checkOutboundUrl('not a url', nothingAllowed)).toMatchObject({ ok: false });
    expect(await checkOutboundUrl('https://u:p@example.com/', nothingAllowed)).toMatchObject({
      ok: false,
      reason: 'credentials',
    });
  });

  it('refuses a name that resolves to a private address, and allows it when the operator does', async () => {
    const resolve = async () => ['93.184.215.14', '10.0.0.7'];
    expect(
      await checkOutboundUrl('https://hooks.example.com/in', { ...nothingAllowed, resolve }),
    ).toMatchObject({ ok: false, reason: 'private_address', address: '10.0.0.7' });
    expect(
      await checkOutboundUrl('https://hooks.example.com/in', {
        allowHosts: ['HOOKS.example.com'],
        resolve,
      }),
    ).toMatchObject({ ok: true });
    expect(await checkOutboundUrl('http://[::1]:8080/', nothingAllowed)).toMatchObject({
      ok: false,
      reason: 'private_address',
    });
  });

  it('reads the allow list from the environment variable', () => {
    expect(parseAllowHosts(' 127.0.0.1, hooks.internal  ::1')).toEqual([
      '127.0.0.1',
      'hooks.internal',
      '::1',
    ]);
    expect(parseAllowHosts(undefined)).toEqual([]);
  });

  describe('requests', () => {
    let url = '';
    const server = createServer((req, res) => {
      if (req.url === '/redirect') {
        res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data' });
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('x'.repeat(10_000));
    });
    beforeAll(async () => {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('never connects to a loopback receiver the operator did not allow', async () => {
      await expect(
        requestOutbound(url, { method: 'POST', headers: {}, body: '{}' }, nothingAllowed),
      ).rejects.toBeInstanceOf(OutboundRefused);
    });

    it('refuses a name resolving to loopback when connecting', async () => {
      const port = new URL(url).port;
      await expect(
        requestOutbound(
          `http://localhost:${port}/`,
          { method: 'GET', headers: {} },
          nothingAllowed,
        ),
      ).rejects.toBeInstanceOf(OutboundRefused);
    });

    it('reads a truncated answer and reports a redirect without following it', async () => {
      const allowed = { allowHosts: ['127.0.0.1'] };
      const answer = await requestOutbound(
        url,
        { method: 'POST', headers: {}, body: '{}', maxBodyBytes: 100 },
        allowed,
      );
      expect(answer.status).toBe(200);
      expect(answer.body).toHaveLength(100);
      const redirect = await requestOutbound(
        `${url}/redirect`,
        { method: 'GET', headers: {} },
        allowed,
      );
      expect(redirect).toMatchObject({
        status: 302,
        location: 'http://169.254.169.254/latest/meta-data',
      });
    });
  });
});
