import { describe, expect, it } from 'vitest';
import { fieldMessage } from '../../../lib/issues.ts';
import { readTicket } from './payload.ts';

/** A ticket in the generic shape that names no account. */
const generic = {
  id: 'x',
  subject: 'Help',
  status: 'open',
  openedAt: '2026-10-01T00:00:00Z',
  updatedAt: '2026-10-01T00:00:00Z',
};

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
    const read = readTicket(generic);
    expect(read).toMatchObject({
      ok: false,
      errors: [{ path: 'accountExternalId', message: 'give accountExternalId or accountDomain' }],
    });
  });

  it("names a requester's e-mail that is not one in the reader's language", () => {
    const read = readTicket({
      ...generic,
      accountExternalId: 'crm-1',
      requesterEmail: 'not an address',
    });
    const errors = read.ok ? [] : read.errors;
    expect(errors.map((e) => [e.path, fieldMessage(e, 'en'), fieldMessage(e, 'ru')])).toEqual([
      ['requesterEmail', 'must be an e-mail address', 'должен быть адресом электронной почты'],
    ]);
  });
});
