import { describe, expect, it } from 'vitest';
import { auditSearch } from './auditSearch.ts';

describe('audit log links', () => {
  it('keep the person, action, days and record an admin shared', () => {
    const search = {
      actorId: '0b6a4c9e-2f0d-4a57-9a8e-4d3c2b1a0f9e',
      action: 'feedback.updated',
      from: '2026-11-01',
      to: '2026-11-30',
      entityType: 'account',
      entityId: '5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    };
    expect(auditSearch(search)).toEqual(search);
  });

  it('open without a filter whose value is unknown or mistyped, keeping the rest', () => {
    expect(
      auditSearch({
        actorId: 'me',
        action: 'account.renamed',
        from: '1 Nov',
        to: '2026-11-30',
        entityType: 'spaceship',
        entityId: 'x'.repeat(201),
      }),
    ).toEqual({ to: '2026-11-30' });
  });
});
