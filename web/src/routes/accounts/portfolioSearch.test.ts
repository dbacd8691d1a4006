import { describe, expect, it } from 'vitest';
import { portfolioSearch } from './portfolioSearch.ts';

// The router hands the check what it parsed from the URL (JSON-first: `?q=12` is a number).
const opened = (search: Record<string, unknown>) => ({ value: portfolioSearch(search) });

describe('portfolio links', () => {
  it('keep the filters, search and sort a CSM shared', () => {
    const search = {
      owner: 'me',
      health: 'at_risk',
      tier: 'enterprise',
      stage: 'renewing',
      priority: 'P1',
      q: 'Acme',
      sort: '-arr',
      segment: '0b6a4c9e-2f0d-4a57-9a8e-4d3c2b1a0f9e',
    };
    expect(opened(search)).toEqual({ value: search });
  });

  it('open without a filter whose value is stale or mistyped, keeping the rest', () => {
    expect(
      opened({ tier: 'strategic', sort: 'revenue', health: 'critical', segment: 'not-an-id' }),
    ).toEqual({ value: { health: 'critical' } });
  });

  it('ignore empty values, numbers where words belong and parameters of other pages', () => {
    expect(opened({ q: '  ', owner: 42, priority: 'P1', page: 3 })).toEqual({
      value: { priority: 'P1' },
    });
  });
});

describe('a search typed into the portfolio', () => {
  it('is kept without the spaces around it, and left out past 200 characters', () => {
    expect(opened({ q: '  Acme  ' })).toEqual({ value: { q: 'Acme' } });
    expect(opened({ q: 'a'.repeat(201) })).toEqual({ value: {} });
  });

  it('names an owner by id, or as mine or unassigned', () => {
    expect(opened({ owner: 'unassigned' })).toEqual({ value: { owner: 'unassigned' } });
    expect(opened({ owner: 'someone' })).toEqual({ value: {} });
  });
});

describe("a parameter the portfolio's checks leave out", () => {
  it('is still named, so the unchecked value from the address does not come through', () => {
    const checked = portfolioSearch({ tier: 'strategic' });
    expect('tier' in checked).toBe(true);
    expect(checked.tier).toBeUndefined();
  });
});
