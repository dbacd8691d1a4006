import { describe, expect, it } from 'vitest';
import { maxMessageBytes, readFields } from './payload.ts';
import { quickRead } from './quickRead.ts';

const quick = (raw: Record<string, unknown>) =>
  quickRead(raw, JSON.stringify(raw), maxMessageBytes);
/** The schema's answer, as far as Steward reads it (it also passes unknown keys through). */
function schema(raw: Record<string, unknown>) {
  const m = readFields(raw, JSON.stringify(raw), (f) => f);
  if ('errors' in m) return m;
  const context = m.context && { groupId: m.context.groupId, traits: m.context.traits };
  return { ...m, context };
}

describe('reading the messages every SDK sends without the schema', () => {
  const usual: Record<string, unknown>[] = [
    {
      type: 'track',
      event: '  Report Exported ',
      userId: 42,
      messageId: ' m-1 ',
      timestamp: '2026-11-01T10:00:00.000Z',
      properties: { format: 'csv', rows: [1, 2] },
      context: { groupId: 'acme', traits: { plan: 'pro' }, ip: '10.0.0.1' },
    },
    { type: 'page', name: 'Pricing', anonymousId: 'a-1', timestamp: 1_764_000_000_000 },
    { type: 'identify', userId: 'u-1', traits: { email: 'ana@example.com' }, context: null },
    { type: 'group', userId: '', anonymousId: 'a', groupId: 7, traits: null, messageId: '' },
    { event: 'Signed In', userId: 'u', properties: null },
  ];

  it('reads the same fields as the schema', () => {
    for (const raw of usual) {
      expect(quick(raw)).toBeDefined();
      expect(quick(raw)).toEqual(schema(raw));
    }
  });

  it('leaves to the schema whatever it would refuse or must name', () => {
    const unusual: Record<string, unknown>[] = [
      { type: 'track', event: 'a\u0000b', userId: 'u' },
      { type: 'track', event: 'x', userId: 'u', properties: { ['k\u0000']: 1 } },
      { type: 'track', event: 'x', userId: 'u'.repeat(256) },
      { type: 'track', event: 'x'.repeat(501), userId: 'u' },
      { type: 'track', event: 'x', userId: 'u', properties: [1, 2] },
      { type: 'track', event: 'x', userId: 'u', timestamp: 'not a date' },
      { type: 7, event: 'x', userId: 'u' },
      { type: 'track', event: 'x', userId: true },
      { type: 'track', event: 'x', userId: 'u', context: 'acme' },
      { type: 'track', event: 'x', userId: 'u', context: { groupId: ['a'] } },
      JSON.parse('{"type":"track","event":"x","userId":"u","properties":{"__proto__":{"a":1}}}'),
      { type: 'track', event: 'x', userId: 'u', properties: { blob: 'é'.repeat(maxMessageBytes) } },
    ];
    for (const raw of unusual) expect(quick(raw)).toBeUndefined();
  });
});
