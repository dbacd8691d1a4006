// The address of the person making a request. Behind a load balancer the socket's address is
// the balancer's, the same for everyone: sign-in throttling per address would then slow down
// everyone at once. X-Forwarded-For names the client, but anyone can send that header, so it
// is read only from hops the operator trusts (STEWARD_TRUSTED_PROXIES: addresses or CIDR
// ranges): from the socket back along the header, the first address not trusted is the client.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { BlockList, isIP } from 'node:net';

export type TrustedProxies = { list: BlockList; any: boolean };

/** `::ffff:10.0.0.1` (IPv4 on an IPv6 socket) is 10.0.0.1. */
const plain = (address: string) => address.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');

const family = (address: string) => (isIP(address) === 6 ? 'ipv6' : 'ipv4');

export function trustedProxies(entries: readonly string[]): TrustedProxies {
  const list = new BlockList();
  for (const entry of entries) {
    const [network = '', prefix] = entry.split('/');
    const address = plain(network);
    if (isIP(address) === 0 || (prefix !== undefined && !/^\d{1,3}$/.test(prefix))) {
      throw new Error(`STEWARD_TRUSTED_PROXIES: "${entry}" is not an address or a CIDR range.`);
    }
    if (prefix === undefined) list.addAddress(address, family(address));
    else list.addSubnet(address, Number(prefix), family(address));
  }
  return { list, any: entries.length > 0 };
}

function trusted(proxies: TrustedProxies, address: string): boolean {
  return proxies.any && isIP(address) !== 0 && proxies.list.check(address, family(address));
}

function socketAddress(c: Context): string {
  try {
    return plain(getConnInfo(c).remote.address ?? 'unknown');
  } catch {
    // In-process requests (tests) have no socket.
    return 'local';
  }
}

export function clientAddress(c: Context, proxies: TrustedProxies): string {
  let address = socketAddress(c);
  if (!trusted(proxies, address)) return address;
  const hops = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map(plain)
    .filter((hop) => hop !== '');
  while (trusted(proxies, address)) {
    const previous = hops.pop();
    if (previous === undefined || isIP(previous) === 0) return address;
    address = previous;
  }
  return address;
}
