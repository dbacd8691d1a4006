import { describe, expect, it } from 'vitest';
import {
  fallbackMessageId,
  maxMessageBytes,
  parseMessage,
  parseRequest,
  writeKeyFromHeader,
} from './payload.ts';

const receivedAt = new Date('2026-11-02T09:00:00Z');

describe('reading Segment messages', () => {
  it('reads a track call with its timestamp, user and context.groupId', () => {
    const parsed = parseMessage(
      {
        type: 'track',
        event: 'Report Exported',
        userId: 42,
        messageId: 'm-1',
        timestamp: '2026-11-01T10:00:00.000Z',
        properties: { format: 'csv' },
        context: { groupId: 'acme' },
      },
      { receivedAt },
    );
    expect(parsed).toEqual({
      ok: true,
      message: {
        type: 'track',
        event: 'Report Exported',
        userId: '42',
        anonymousId: null,
        messageId: 'm-1',
        occurredAt: new Date('2026-11-01T10:00:00Z'),
        contextGroupId: 'acme',
        properties: { format: 'csv' },
      },
    });
  });

  it('takes the type from the path of a single-message endpoint', () => {
    const parsed = parseMessage(
      { event: 'Signed In', anonymousId: 'a-1' },
      {
        typeFromPath: 'track',
        receivedAt,
      },
    );
    expect(parsed.ok && parsed.message.type).toBe('track');
  });

  it('names page calls as Segment destinations do', () => {
    const named = parseMessage({ type: 'page', name: 'Pricing', userId: 'u' }, { receivedAt });
    const unnamed = parseMessage({ type: 'page', userId: 'u' }, { receivedAt });
    expect(named.ok && named.message.type === 'page' && named.message.event).toBe(
      'Viewed Pricing Page',
    );
    expect(unnamed.ok && unnamed.message.type === 'page' && unnamed.message.event).toBe(
      'Loaded a Page',
    );
  });

  it('refuses a message without userId and anonymousId, naming the field', () => {
    expect(
      parseMessage({ type: 'track', event: 'x' }, { receivedAt, path: 'batch.3' }),
    ).toMatchObject({
      ok: false,
      errors: [{ path: 'batch.3.userId', message: 'userId or anonymousId is required' }],
    });
  });

  it('refuses a track without an event, a group without a groupId and an unknown type', () => {
    const errors = (raw: unknown) => {
      const parsed = parseMessage(raw, { receivedAt });
      return parsed.ok ? [] : parsed.errors.map((e) => e.path);
    };
    expect(errors({ type: 'track', userId: 'u' })).toEqual(['event']);
    expect(errors({ type: 'group', userId: 'u' })).toEqual(['groupId']);
    expect(errors({ type: 'purchase', userId: 'u' })).toEqual(['type']);
    expect(errors({ type: 'track', event: 'x', userId: 'u', timestamp: 'yesterday' })).toEqual([
      'timestamp',
    ]);
  });

  it('refuses a message over 32 KB', () => {
    const big = {
      type: 'track',
      event: 'x',
      userId: 'u',
      properties: { blob: 'x'.repeat(maxMessageBytes) },
    };
    const parsed = parseMessage(big, { receivedAt });
    expect(parsed.ok).toBe(false);
  });

  it('gives a message without messageId a stable one, so a retry is still one event', () => {
    const first = {
      type: 'track',
      event: 'x',
      userId: 'u',
      timestamp: '2026-11-01T00:00:00Z',
      sentAt: '2026-11-01T00:00:01Z',
    };
    const retry = { ...first, sentAt: '2026-11-01T00:05:00Z' };
    expect(fallbackMessageId(first)).toBe(fallbackMessageId(retry));
    expect(fallbackMessageId(first)).not.toBe(fallbackMessageId({ ...first, event: 'y' }));
    const parsed = parseMessage(first, { receivedAt });
    expect(parsed.ok && parsed.message.messageId).toBe(fallbackMessageId(first));
  });

  it('uses the received time when the sender gives no timestamp', () => {
    const parsed = parseMessage({ type: 'track', event: 'x', userId: 'u' }, { receivedAt });
    expect(parsed.ok && parsed.message.occurredAt).toEqual(receivedAt);
  });

  it('keeps the good messages of a batch, naming the bad ones, and applies a batch-wide context.groupId', () => {
    const ok = parseRequest(
      {
        batch: [
          { type: 'track', event: 'a', userId: 'u' },
          { type: 'track', event: 'b', userId: 'u', context: { groupId: 'own' } },
        ],
        context: { groupId: 'shared' },
      },
      { receivedAt },
    );
    expect(ok.ok && ok.messages.map((m) => m.contextGroupId)).toEqual(['shared', 'own']);
    const bad = parseRequest(
      {
        batch: [
          { type: 'track', event: 'a', userId: 'u' },
          { type: 'track', event: 'b' },
        ],
      },
      { receivedAt },
    );
    expect(bad).toMatchObject({
      ok: true,
      messages: [expect.objectContaining({ event: 'a' })],
      rejected: [{ path: 'batch.1.userId', message: 'userId or anonymousId is required' }],
    });
    const none = parseRequest({ batch: [{ type: 'track', event: 'b' }] }, { receivedAt });
    expect(none).toMatchObject({
      ok: false,
      errors: [{ path: 'batch.0.userId', message: 'userId or anonymousId is required' }],
    });
    expect(parseRequest({ nope: true }, { receivedAt }).ok).toBe(false);
  });

  it("reads a batch's write key, and refuses a write key that is not text or over 10,000 messages", () => {
    const one = { type: 'track', event: 'a', userId: 'u' };
    const keyed = parseRequest({ batch: [one], writeKey: 'swk_abc' }, { receivedAt });
    expect(keyed.ok && keyed.writeKey).toBe('swk_abc');
    expect(parseRequest({ batch: [one], writeKey: 7 }, { receivedAt }).ok).toBe(false);
    const many = Array.from({ length: 10_001 }, () => one);
    expect(parseRequest({ batch: many }, { receivedAt }).ok).toBe(false);
    expect(parseRequest({ batch: many.slice(1) }, { receivedAt }).ok).toBe(true);
    expect(parseRequest([one], { receivedAt }).ok).toBe(false);
  });

  it('reads the write key from HTTP Basic auth, as the SDKs send it', () => {
    const header = `Basic ${Buffer.from('swk_abc:').toString('base64')}`;
    expect(writeKeyFromHeader(header)).toBe('swk_abc');
    expect(writeKeyFromHeader('Bearer swk_abc')).toBeUndefined();
    expect(writeKeyFromHeader(undefined)).toBeUndefined();
    expect(writeKeyFromHeader(`Basic ${Buffer.from(':').toString('base64')}`)).toBeUndefined();
  });
});
