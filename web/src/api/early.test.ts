import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startEarly, takeEarly } from './early.ts';
import { portfolioFilters } from './portfolioFilters.ts';

const origin = 'http://steward.test';
let asked: string[] = [];

beforeEach(() => {
  asked = [];
  vi.stubGlobal('location', new URL(`${origin}/accounts`));
  vi.stubGlobal('document', { documentElement: { lang: 'en' } });
  vi.stubGlobal('fetch', (url: string) => {
    asked.push(url);
    return Promise.resolve(new Response('{}'));
  });
});
afterEach(() => vi.unstubAllGlobals());

describe('answers asked for before the app runs', () => {
  it('hands the portfolio its first page when it asks with its parameters in another order', () => {
    const early = startEarly('/api/v1/accounts?owner=me&limit=50');
    const page = new Request(`${origin}/api/v1/accounts?limit=50&owner=me`);
    expect(takeEarly(page)).toBe(early);
    expect(asked).toEqual(['/api/v1/accounts?owner=me&limit=50']);
  });

  it('hands each answer over once: asking again fetches afresh', () => {
    startEarly('/api/v1/me');
    expect(takeEarly(new Request(`${origin}/api/v1/me`))).toBeDefined();
    expect(takeEarly(new Request(`${origin}/api/v1/me`))).toBeUndefined();
  });

  it('never answers a change or another view of the list from an early request', () => {
    startEarly('/api/v1/accounts?owner=me&limit=50');
    expect(
      takeEarly(new Request(`${origin}/api/v1/accounts?owner=me&limit=50`, { method: 'POST' })),
    ).toBeUndefined();
    expect(
      takeEarly(new Request(`${origin}/api/v1/accounts?owner=me&limit=50&tier=enterprise`)),
    ).toBeUndefined();
  });

  it('lets go of an answer the app did not ask for within half a minute', () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      startEarly('/api/v1/feedback/highlight?since=7d');
      vi.advanceTimersByTime(30_000);
      expect(
        takeEarly(new Request(`${origin}/api/v1/feedback/highlight?since=7d`)),
      ).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });

  it('leaves a URL the app asked for first to the app, asking for it no second time', () => {
    // The page has just opened.
    vi.useFakeTimers({ toFake: ['performance'] });
    try {
      const url = '/api/v1/accounts?owner=unassigned&limit=50';
      expect(takeEarly(new Request(`${origin}${url}`))).toBeUndefined();
      expect(startEarly(url)).toBeUndefined();
      expect(asked).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('asks once for a URL started twice', () => {
    const first = startEarly('/api/v1/feedback/highlight?since=30d');
    expect(startEarly('/api/v1/feedback/highlight?since=30d')).toBe(first);
    expect(asked).toHaveLength(1);
  });
});

describe("the portfolio's filters", () => {
  it('narrow a CSM without view_all_accounts to their own clients, whatever the address says', () => {
    expect(portfolioFilters({ owner: 'unassigned', tier: 'enterprise' }, false)).toEqual({
      owner: 'me',
      tier: 'enterprise',
    });
  });

  it('leave out the owner for someone who sees every account and chose none', () => {
    expect(portfolioFilters({}, true)).toEqual({});
  });
});
