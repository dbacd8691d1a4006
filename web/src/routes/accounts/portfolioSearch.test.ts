import { describe, expect, it } from 'vitest';
import { portfolioSearch } from './portfolioSearch.ts';

// The router hands the schema what it parsed from the URL (JSON-first: `?q=12` is a number).
const opened = (search: Record<string, unknown>) => {
  const result = portfolioSearch['~standard'].validate(search);
  if (result instanceof Promise) throw new Error('the portfolio search must validate at once');
  return result;
};

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
