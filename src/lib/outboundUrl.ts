// Requests Steward makes to addresses people typed in (webhook subscriptions, Slack webhook
// URLs) must not reach the machine's own network: a URL naming 127.0.0.1, 10.0.0.5, a cloud
// metadata service (169.254.169.254) or a host whose DNS answers one of those would let anyone
// who can save a URL probe or call services behind the firewall (SSRF). The check happens twice:
// when the URL is saved (`checkOutboundUrl`, to say which field is wrong) and at the moment of
// connecting (`requestOutbound`'s DNS lookup), so a name that resolves to a public address when
// saved and to a private one later (DNS rebinding) is still refused. Redirects are never
// followed: a 3xx answer is returned as it is, with its `location` checked for the caller.
//
// Hosts an operator allows (`STEWARD_OUTBOUND_ALLOW_HOSTS`, e.g. an internal automation server,
// or 127.0.0.1 in tests) skip the address check; nothing else does.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/** Ranges no outbound request may reach (IANA special-purpose registries, v4 and v6). */
const privateRanges = (() => {
  const list = new BlockList();
  const v4: [string, number][] = [
    ['0.0.0.0', 8], // "this network"
    ['10.0.0.0', 8], // private (RFC 1918)
    ['100.64.0.0', 10], // carrier-grade NAT (RFC 6598)
    ['127.0.0.0', 8], // loopback
    ['169.254.0.0', 16], // link-local, cloud metadata services
    ['172.16.0.0', 12], // private
    ['192.0.0.0', 24], // IETF protocol assignments
    ['192.0.2.0', 24], // documentation
    ['192.88.99.0', 24], // 6to4 relay anycast
    ['192.168.0.0', 16], // private
    ['198.18.0.0', 15], // benchmarking
    ['198.51.100.0', 24], // documentation
    ['203.0.113.0', 24], // documentation
    ['224.0.0.0', 4], // multicast
    ['240.0.0.0', 4], // reserved, and the broadcast address
  ];
  for (const [network, prefix] of v4) list.addSubnet(network, prefix, 'ipv4');
  const v6: [string, number][] = [
    ['::', 128], // unspecified
    ['::1', 128], // loopback
    ['64:ff9b:1::', 48], // local-use NAT64
    ['100::', 64], // discard
    ['2001:db8::', 32], // documentation
    ['fc00::', 7], // unique local
    ['fe80::', 10], // link-local
    ['fec0::', 10], // site-local (deprecated, still routable inside some networks)
    ['ff00::', 8], // multicast
  ];
  for (const [network, prefix] of v6) list.addSubnet(network, prefix, 'ipv6');
  return list;
})();

/** The IPv4 address an IPv6 one carries (mapped, compatible, NAT64, 6to4), if any. */
function embeddedIpv4(address: string): string | null {
  const lower = address.toLowerCase();
  const dotted = /^(?:::ffff:|::|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1] ?? null;
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hex) {
    const high = parseInt(hex[1] ?? '0', 16);
    const low = parseInt(hex[2] ?? '0', 16);
    return [high >> 8, high & 255, low >> 8, low & 255].join('.');
  }
  const sixToFour = /^2002:([0-9a-f]{1,4}):([0-9a-f]{1,4}):/.exec(lower);
  if (sixToFour) {
    const high = parseInt(sixToFour[1] ?? '0', 16);
    const low = parseInt(sixToFour[2] ?? '0', 16);
    return [high >> 8, high & 255, low >> 8, low & 255].join('.');
  }
  return null;
}

/** Private, loopback, link-local, multicast or otherwise not a public unicast address. */
export function isPrivateAddress(address: string): boolean {
  const unbracketed = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(unbracketed);
  if (family === 4) return privateRanges.check(unbracketed, 'ipv4');
  if (family === 6) {
    const v4 = embeddedIpv4(unbracketed);
    if (v4 !== null && isIP(v4) === 4) return privateRanges.check(v4, 'ipv4');
    return privateRanges.check(unbracketed, 'ipv6');
  }
  // Not an address at all: refuse rather than guess.
  return true;
}

export type OutboundOptions = {
  /** Host names or addresses an operator allowed to be private (`STEWARD_OUTBOUND_ALLOW_HOSTS`). */
  allowHosts: readonly string[];
};

/** Why a URL was refused; the caller words it for the field. */
export type OutboundRefusal =
  | { reason: 'not_http' }
  | { reason: 'credentials' }
  | { reason: 'unresolvable'; host: string }
  | { reason: 'private_address'; host: string; address: string };

export class OutboundRefused extends Error {
  readonly refusal: OutboundRefusal;
  constructor(refusal: OutboundRefusal) {
    super(describeRefusal(refusal));
    this.name = 'OutboundRefused';
    this.refusal = refusal;
  }
}

/** A plain description for logs and API field errors (the address itself is not echoed). */
export function describeRefusal(refusal: OutboundRefusal): string {
  switch (refusal.reason) {
    case 'not_http':
      return 'Only http:// and https:// URLs can be called.';
    case 'credentials':
      return 'A URL may not carry a user name or password.';
    case 'unresolvable':
      return `The host ${refusal.host} does not resolve.`;
    case 'private_address':
      return `The host ${refusal.host} is a private, loopback or link-local address; an operator can allow it with STEWARD_OUTBOUND_ALLOW_HOSTS.`;
  }
}

/** The host as compared with the allow list: lower case, without IPv6 brackets. */
function hostOf(url: URL): string {
  return url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
}

export function isAllowedHost(host: string, options: OutboundOptions): boolean {
  const wanted = host.toLowerCase().replace(/^\[|\]$/g, '');
  return options.allowHosts.some((h) => h.toLowerCase().replace(/^\[|\]$/g, '') === wanted);
}

/** Parses `STEWARD_OUTBOUND_ALLOW_HOSTS` (comma- or space-separated). */
export function parseAllowHosts(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[\s,]+/)
    .map((h) => h.trim())
    .filter(Boolean);
}

type Resolve = (host: string) => Promise<string[]>;

const resolveAll: Resolve = (host) =>
  new Promise((resolve, reject) => {
    dnsLookup(host, { all: true, verbatim: true }, (error, addresses) => {
      if (error) reject(error);
      else resolve(addresses.map((a) => a.address));
    });
  });

/** The refusal itself, without the `ok` flag. */
function refusalOf(refused: { ok: false } & OutboundRefusal): OutboundRefusal {
  switch (refused.reason) {
    case 'not_http':
    case 'credentials':
      return { reason: refused.reason };
    case 'unresolvable':
      return { reason: refused.reason, host: refused.host };
    case 'private_address':
      return { reason: refused.reason, host: refused.host, address: refused.address };
  }
}

type Shape =
  { ok: true; url: URL; host: string; literal: boolean } | ({ ok: false } & OutboundRefusal);

/** What can be told without DNS: the scheme, credentials, and an address written as is. */
function checkShape(raw: string, options: OutboundOptions): Shape {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'not_http' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { ok: false, reason: 'not_http' };
  if (url.username || url.password) return { ok: false, reason: 'credentials' };
  const host = hostOf(url);
  const literal = isIP(host) !== 0;
  if (literal && !isAllowedHost(host, options) && isPrivateAddress(host)) {
    return { ok: false, reason: 'private_address', host, address: host };
  }
  return { ok: true, url, host, literal };
}

/**
 * Whether a URL may be called: http(s), no credentials, and every address its host resolves to
 * public (or the host allowed). Answers the parsed URL, or why not.
 */
export async function checkOutboundUrl(
  raw: string,
  options: OutboundOptions & { resolve?: Resolve },
): Promise<{ ok: true; url: URL } | ({ ok: false } & OutboundRefusal)> {
  const shape = checkShape(raw, options);
  if (!shape.ok) return shape;
  const { url, host } = shape;
  if (shape.literal || isAllowedHost(host, options)) return { ok: true, url };
  let addresses: string[];
  try {
    addresses = await (options.resolve ?? resolveAll)(host);
  } catch {
    return { ok: false, reason: 'unresolvable', host };
  }
  if (addresses.length === 0) return { ok: false, reason: 'unresolvable', host };
  const refused = addresses.find(isPrivateAddress);
  if (refused) return { ok: false, reason: 'private_address', host, address: refused };
  return { ok: true, url };
}

/** A DNS lookup that fails the connection when the name answers a private address. */
function guardedLookup(host: string, options: OutboundOptions): LookupFunction {
  return (hostname, lookupOptions, callback) => {
    dnsLookup(hostname, { ...lookupOptions, all: true }, (error, found: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refused = isAllowedHost(host, options)
        ? undefined
        : found.find((a) => isPrivateAddress(a.address));
      if (refused) {
        return callback(
          new OutboundRefused({ reason: 'private_address', host, address: refused.address }),
          '',
          0,
        );
      }
      if (lookupOptions.all) return callback(null, found);
      const first = found[0];
      if (!first) return callback(new OutboundRefused({ reason: 'unresolvable', host }), '', 0);
      return callback(null, first.address, first.family);
    });
  };
}

export type OutboundResponse = {
  status: number;
  /** The start of the body, for people reading an attempt (at most `maxBodyBytes`). */
  body: string;
  /** A redirect's target, resolved against the URL; it is not followed. */
  location: string | null;
};

/**
 * One request to a URL someone outside the operator gave us: refused before connecting when
 * the URL or its resolved address is private (throws `OutboundRefused`), never following a
 * redirect, reading at most `maxBodyBytes` of the answer, given up after `timeoutMs`.
 */
export async function requestOutbound(
  raw: string,
  request: {
    method: 'POST' | 'GET';
    headers: Record<string, string>;
    body?: string;
    timeoutMs?: number;
    maxBodyBytes?: number;
  },
  options: OutboundOptions,
): Promise<OutboundResponse> {
  // Names are checked when connecting, by the guarded lookup; literals here.
  const shape = checkShape(raw, options);
  if (!shape.ok) throw new OutboundRefused(refusalOf(shape));
  const { url, host } = shape;
  const maxBytes = request.maxBodyBytes ?? 4096;
  const transport = url.protocol === 'https:' ? https : http;
  const body = request.body === undefined ? undefined : Buffer.from(request.body, 'utf8');
  return new Promise<OutboundResponse>((resolve, reject) => {
    const req = transport.request(
      url,
      {
        method: request.method,
        headers: {
          ...request.headers,
          ...(body ? { 'content-length': String(body.length) } : {}),
        },
        lookup: guardedLookup(host, options),
        timeout: request.timeoutMs ?? 10_000,
        // A fresh connection each time: a kept-alive socket would skip the lookup's check.
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          if (size < maxBytes) chunks.push(chunk.subarray(0, maxBytes - size));
          size += chunk.length;
          if (size >= maxBytes) res.destroy();
        });
        const finish = () => {
          const location = res.headers.location;
          let target: string | null = null;
          if (location) {
            try {
              target = new URL(location, url).toString();
            } catch {
              target = location;
            }
          }
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            location: target,
          });
        };
        res.on('end', finish);
        res.on('close', finish);
        res.on('error', finish);
      },
    );
    req.on('timeout', () =>
      req.destroy(new Error(`No answer within ${request.timeoutMs ?? 10_000} ms.`)),
    );
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}
