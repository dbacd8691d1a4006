// Every action the server records, and every kind of record it names, has words in the web
// app's catalog (the Russian one has the same keys by its type): without them, Settings > Audit
// log shows the bare code. The server's list (auth/auditActions.ts) is the only source: a change
// is recorded under no other action, as `recordAudit` takes nothing else. The catalog names no
// action the server lacks either, since the screen offers its actions as the filter's choices.
import { describe, expect, it } from 'vitest';
import { auditActions, auditEntityTypes } from '../../src/modules/auth/index.ts';
import { authEn } from '../../web/src/i18n/auth.en.ts';

describe('the audit log in words', () => {
  it('has a name for every action the server records, and for none it does not', () => {
    const named = Object.entries(authEn.audit.actions).flatMap(([entity, verbs]) =>
      Object.keys(verbs).map((verb) => `${entity}.${verb}`),
    );
    expect(named.sort()).toEqual([...auditActions].sort());
  });

  it('has a name for every kind of record an entry is about', () => {
    expect(Object.keys(authEn.audit.entities).sort()).toEqual([...auditEntityTypes].sort());
  });
});
