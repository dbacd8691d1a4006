import { afterAll, describe, expect, it, vi } from 'vitest';

// The catalogs and formats read the browser's language and storage when first imported.
vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => undefined });
vi.stubGlobal('document', { documentElement: {} });
const { i18next, languageReady } = await import('../../i18n/index.ts');
const { changeLines } = await import('./auditValues.ts');
await languageReady;

afterAll(() => vi.unstubAllGlobals());

const robin = '6f1c2a7e-0b4d-4e59-9a55-3d8f2f0c1a01';
const sam = '6f1c2a7e-0b4d-4e59-9a55-3d8f2f0c1a02';
const stranger = '6f1c2a7e-0b4d-4e59-9a55-3d8f2f0c1a03';

const handover = {
  entityType: 'account',
  changes: {
    ownerId: { from: robin, to: sam },
    tier: { from: 'smb', to: 'mid_market' },
    arr: {
      from: { amount: 12_000_000, currency: 'USD' },
      to: { amount: 15_000_050, currency: 'USD' },
    },
    renewalDate: { from: null, to: '2027-03-31' },
    customFields: {
      from: { region: 'EU', budget: { amount: 500_000, currency: 'USD' }, pilot: true },
      to: { region: 'US', budget: { amount: 500_000, currency: 'USD' }, pilot: false },
    },
  },
  names: {
    [robin]: { kind: 'user' as const, name: 'Robin Leaving', removed: true },
    [sam]: { kind: 'user' as const, name: 'Sam Staying', removed: false },
  },
};

/** The entry's lines as a reader sees them, `label: change`. */
async function read(
  language: 'en' | 'ru',
  entry: Parameters<typeof changeLines>[0],
  customFieldLabels = new Map<string, string>(),
) {
  await i18next.changeLanguage(language);
  return changeLines(entry, { t: i18next.t, customFieldLabels }).map(
    (line) => `${line.label}: ${line.change}`,
  );
}

describe('the audit log’s values', () => {
  it('read people by name, codes by their words, money and days as the app writes them', async () => {
    const labels = new Map([['region', 'Region']]);
    expect(await read('en', handover, labels)).toEqual([
      'Owner: Robin Leaving (deactivated) → Sam Staying',
      'Tier: SMB → Mid-market',
      'ARR: $120,000 → $150,000.50',
      'Renewal: empty → Mar 31, 2027',
      // Only the custom fields that changed, each by its label (one no longer defined: spelled out).
      'Region: EU → US',
      'Pilot: yes → no',
    ]);
  });

  it('read the same in Russian', async () => {
    const lines = await read('ru', handover, new Map([['region', 'Регион']]));
    expect(lines[0]).toBe('Ответственный: Robin Leaving (учётная запись отключена) → Sam Staying');
    expect(lines[1]).toBe('Тариф: Малый бизнес → Средний бизнес');
    expect(lines[2]).toMatch(/^ARR: 120\s000\s\$ → 150\s000,50\s\$$/u);
    expect(lines[3]).toMatch(/^Продление: пусто → 31 мар\. 2027\s?г\.$/u);
    expect(lines.slice(4)).toEqual(['Регион: EU → US', 'Pilot: да → нет']);
  });

  it('name codes by the words of the kind of record they belong to', async () => {
    const feedback = {
      entityType: 'feedback',
      changes: { status: { from: 'new', to: 'planned' }, accountId: { from: stranger, to: null } },
      names: { [stranger]: { kind: 'account' as const, name: null, removed: false } },
    };
    expect(await read('ru', feedback)).toEqual([
      'Статус: Новый → В планах',
      'Аккаунт: неизвестно → пусто',
    ]);
    const person = {
      entityType: 'user',
      changes: { role: { from: 'csm', to: 'manager' } },
      names: {},
    };
    expect(await read('en', person)).toEqual(['Role: CSM → CS manager']);
    // A code no catalog knows yet (a newer server) is shown as it is.
    const newer = { entityType: 'user', changes: { role: 'auditor' }, names: {} };
    expect(await read('en', newer)).toEqual(['Role: auditor']);
  });
});
