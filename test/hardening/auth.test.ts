// Sign-in that cannot be used to lock people out: a growing delay instead of a lock, per
// e-mail and per client address (read through trusted proxies only), counted atomically, the
// same work for an unknown e-mail, and sessions that end however busy they are.
import { describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { sessionCookie } from '../../src/modules/auth/sessions.ts';
import { useTestDeps } from '../support/deps.ts';
import { makeUser, makeWorkspace, testPassword } from '../support/factories.ts';

// Every attempt costs a real scrypt (~0.1 s, a second on a busy two-core machine), and the
// address rule needs thirty of them: more than the half minute a test gets by default.
vi.setConfig({ testTimeout: 240_000 });

const { deps, clock } = await useTestDeps();
const app = buildApp({
  ...deps,
  config: { ...deps.config, trustedProxies: ['10.0.0.0/8'] },
});

let counter = 0;
/** A different public address each time, so only the rule under test comes into play. */
const freshAddress = () => {
  counter += 1;
  return `198.51.${Math.floor(counter / 250)}.${counter % 250}`;
};

/** A sign-in from `socket`, through the proxies named in X-Forwarded-For, if any. */
function signIn(
  email: string,
  password: string,
  from: { socket?: string; forwardedFor?: string } = {},
) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (from.forwardedFor) headers['x-forwarded-for'] = from.forwardedFor;
  return app.request(
    'http://steward.test/api/v1/auth/login',
    { method: 'POST', headers, body: JSON.stringify({ email, password }) },
    { incoming: { socket: { remoteAddress: from.socket ?? freshAddress() } } },
  );
}

async function person() {
  const workspace = await makeWorkspace(deps.db);
  return makeUser(deps.db, workspace.id);
}

const retryAfter = (response: Response) => Number(response.headers.get('retry-after'));

describe('a person whose e-mail is being guessed', () => {
  it('is never locked out: after twenty wrong guesses they still sign in within a minute', async () => {
    const victim = await person();
    const attacker = freshAddress();
    let guesses = 0;
    let longestWait = 0;
    while (guesses < 20) {
      const response = await signIn(victim.email, `guess ${guesses}`, { socket: attacker });
      if (response.status === 429) {
        longestWait = Math.max(longestWait, retryAfter(response));
        clock.advance(retryAfter(response) * 1000);
        continue;
      }
      expect(response.status).toBe(401);
      guesses += 1;
    }
    expect(longestWait).toBeLessThanOrEqual(60);

    const first = await signIn(victim.email, testPassword);
    const waited = first.status === 429 ? retryAfter(first) : 0;
    expect(waited).toBeLessThanOrEqual(60);
    if (first.status === 429) clock.advance(waited * 1000);
    const owner = first.status === 200 ? first : await signIn(victim.email, testPassword);
    expect(owner.status).toBe(200);
  });

  it('makes each further guess wait longer: 1, 2, 4, 8 seconds after the five free ones', async () => {
    const victim = await person();
    const from = { socket: freshAddress() };
    for (let i = 0; i < 5; i++) {
      expect((await signIn(victim.email, `guess ${i}`, from)).status).toBe(401);
    }
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      const refused = await signIn(victim.email, 'another guess', from);
      expect(refused.status).toBe(429);
      waits.push(retryAfter(refused));
      clock.advance(retryAfter(refused) * 1000);
      expect((await signIn(victim.email, 'another guess', from)).status).toBe(401);
    }
    expect(waits).toEqual([1, 2, 4, 8]);
  });

  it('gives ten guesses sent at once exactly the five free attempts', async () => {
    const victim = await person();
    const from = { socket: freshAddress() };
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => signIn(victim.email, `parallel ${i}`, from)),
    );
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
  });
});

describe('people behind one load balancer', () => {
  it('are told apart by X-Forwarded-For from a trusted proxy, so one guesser slows only himself', async () => {
    const guesser = '203.0.113.66';
    for (let i = 0; i < 32; i++) {
      const response = await signIn(`nobody-${i}@proxy.test`, 'wrong', {
        socket: '10.1.2.3',
        forwardedFor: guesser,
      });
      if (response.status === 429) clock.advance(retryAfter(response) * 1000);
    }
    const blocked = await signIn('nobody-else@proxy.test', 'wrong', {
      socket: '10.1.2.3',
      forwardedFor: guesser,
    });
    expect(blocked.status).toBe(429);

    const colleague = await person();
    const behindSameProxy = await signIn(colleague.email, testPassword, {
      socket: '10.1.2.3',
      forwardedFor: '203.0.113.7',
    });
    expect(behindSameProxy.status).toBe(200);
  });

  it('ignores X-Forwarded-For from an address that is not a trusted proxy', async () => {
    const direct = '192.0.2.200';
    for (let i = 0; i < 30; i++) {
      await signIn(`nobody-${i}@direct.test`, 'wrong', {
        socket: direct,
        forwardedFor: `203.0.113.${i}`,
      });
    }
    // Every guess counted against the socket's address, whatever the header claimed.
    const forged = await signIn((await person()).email, testPassword, {
      socket: direct,
      forwardedFor: '203.0.113.250',
    });
    expect(forged.status).toBe(429);
  });
});

describe('an unknown e-mail', () => {
  it('takes as long to refuse as a wrong password for a real account (medians within 2×)', async () => {
    const known = await Promise.all(Array.from({ length: 9 }, () => person()));
    const time = async (email: string) => {
      const started = performance.now();
      const response = await signIn(email, 'not the password');
      expect(response.status).toBe(401);
      return performance.now() - started;
    };
    // Warm both paths once (the unknown path makes its stand-in hash on first use).
    await time(`nobody-warm@example.test`);
    await time((await person()).email);
    const knownTimes: number[] = [];
    const unknownTimes: number[] = [];
    for (const [i, user] of known.entries()) {
      knownTimes.push(await time(user.email));
      unknownTimes.push(await time(`nobody-${i}-${Date.now()}@example.test`));
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;
    const ratio = median(unknownTimes) / median(knownTimes);
    console.info(
      `sign-in refusal medians: known ${median(knownTimes).toFixed(1)} ms, unknown ${median(unknownTimes).toFixed(1)} ms, ratio ${ratio.toFixed(2)}`,
    );
    expect(ratio).toBeGreaterThan(1 / 2);
    expect(ratio).toBeLessThan(2);
  });
});

describe('sessions', () => {
  it('end thirty days after sign-in however busy, and after fourteen idle days', async () => {
    const csm = await person();
    const login = await signIn(csm.email, testPassword);
    expect(login.status).toBe(200);
    const cookie = `${sessionCookie}=${/steward_session=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1] ?? ''}`;
    const me = () => app.request('http://steward.test/api/v1/me', { headers: { cookie } });

    for (let day = 1; day < 30; day++) {
      clock.advance(24 * 3600_000);
      expect((await me()).status, `day ${day}`).toBe(200);
    }
    clock.advance(24 * 3600_000);
    expect((await me()).status).toBe(401);

    const idle = await signIn(csm.email, testPassword);
    const idleCookie = `${sessionCookie}=${/steward_session=([^;]+)/.exec(idle.headers.get('set-cookie') ?? '')?.[1] ?? ''}`;
    clock.advance(15 * 24 * 3600_000);
    expect(
      (await app.request('http://steward.test/api/v1/me', { headers: { cookie: idleCookie } }))
        .status,
    ).toBe(401);
  });
});
