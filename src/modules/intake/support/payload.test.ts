import { describe, expect, it } from 'vitest';
import { readTicket } from './payload.ts';

describe('readTicket', () => {
  it('reads Zendesk words as Steward statuses and good/bad ratings as CSAT', () => {
    const read = readTicket({
      ticket: {
        id: 1,
        subject: 'Help',
        status: 'Hold',
        priority: '-',
        created_at: '2026-10-01T00:00:00Z',
        updated_at: '2026-10-02T00:00:00Z',
        satisfaction_rating: { score: 'bad' },
      },
    });
    expect(read).toMatchObject({
      ok: true,
      ticket: {
        source: 'zendesk',
        externalId: '1',
        status: 'pending',
        priority: 'normal',
        csat: 1,
      },
    });
  });

  it('needs an account external id or domain in the generic shape', () => {
    const read = readTicket({
      id: 'x',
      subject: 'Help',
      status: 'open',
      openedAt: '2026-10-01T00:00:00Z',
      updatedAt: '2026-10-01T00:00:00Z',
    });
    expect(read).toMatchObject({
      ok: false,
      errors: [{ path: 'accountExternalId', message: 'give accountExternalId or accountDomain' }],
    });
  });
});
