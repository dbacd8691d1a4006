// Segment's message format (https://segment.com/docs/connections/spec/common/), read into
// the few fields Steward uses. Pure: no database, no clock beyond the one passed in.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { MessageKey } from '../../../i18n/index.ts';
import { fieldProblem, type FieldError } from '../../../lib/errors.ts';
import { issueErrors } from '../../../lib/issues.ts';
import { nulErrors } from '../../../lib/text.ts';
import { quickRead, type MessageFields } from './quickRead.ts';

/** Segment's documented limits: 32 KB per message, 500 KB per batch request. */
export const maxMessageBytes = 32 * 1024;
export const maxBatchBytes = 500 * 1024;
const maxBatchMessages = 10_000;

const id = z
  .union([z.string(), z.number()])
  .transform(String)
  .pipe(z.string().trim().max(255))
  .transform((value) => value || null)
  .nullish();

const timestamp = z
  .union([z.string(), z.number()])
  .transform((value, ctx) => {
    const at = new Date(value);
    if (Number.isNaN(at.getTime())) {
      ctx.addIssue({ code: 'custom', message: 'intake.field.isoDate' satisfies MessageKey });
      return z.NEVER;
    }
    return at;
  })
  .nullish();

const record = z.record(z.string(), z.unknown());

const messageSchema = z.looseObject({
  type: z.string().optional(),
  messageId: id,
  userId: id,
  anonymousId: id,
  groupId: id,
  event: z.string().trim().max(500).nullish(),
  name: z.string().trim().max(500).nullish(),
  traits: record.nullish(),
  properties: record.nullish(),
  timestamp,
  context: z.looseObject({ groupId: id, traits: record.nullish() }).nullish(),
});

export const messageTypes = ['identify', 'group', 'track', 'page', 'screen', 'alias'] as const;
export type MessageType = (typeof messageTypes)[number];

type Common = {
  messageId: string;
  userId: string | null;
  anonymousId: string | null;
  /** When it happened, as the sender says; received time when it does not say. */
  occurredAt: Date;
  /** `context.groupId`: the account a track/page/identify belongs to, when the sender knows. */
  contextGroupId: string | null;
};

export type SegmentMessage =
  | (Common & { type: 'identify'; traits: Record<string, unknown> })
  | (Common & { type: 'group'; groupId: string; traits: Record<string, unknown> })
  | (Common & { type: 'track' | 'page'; event: string; properties: Record<string, unknown> })
  | (Common & { type: 'alias' });

export type ParsedMessage =
  { ok: true; message: SegmentMessage } | { ok: false; errors: FieldError[] };

/**
 * Segment generates a messageId when a sender leaves it out. Ours is a hash of the message
 * (without `sentAt`, which changes on every retry), so a retried message is still one event.
 */
export function fallbackMessageId(raw: Record<string, unknown>): string {
  const stable = Object.fromEntries(Object.entries(raw).filter(([key]) => key !== 'sentAt'));
  const digest = createHash('sha256').update(JSON.stringify(stable)).digest('hex');
  return `steward-${digest.slice(0, 32)}`;
}

/** Page calls are named as Segment's destinations name them: "Viewed Pricing Page". */
export function pageEventName(name: string | null | undefined): string {
  return name ? `Viewed ${name} Page` : 'Loaded a Page';
}

/** The message's fields through the schema, or the errors naming what is wrong. */
export function readFields(
  raw: object,
  json: string,
  at: (field: string) => string,
): MessageFields | { errors: FieldError[] } {
  // PostgreSQL stores no NUL in text or jsonb: a message carrying one is refused by name here,
  // where it would otherwise fail the whole request's transaction.
  const nul = nulErrors(raw, at(''));
  if (nul.length > 0) return { errors: nul };
  if (Buffer.byteLength(json) > maxMessageBytes) {
    return {
      errors: [
        fieldProblem(at('(message)'), 'intake.field.messageTooLarge', {
          bytes: String(maxMessageBytes),
        }),
      ],
    };
  }
  const parsed = messageSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      errors: issueErrors(parsed.error, { input: raw, empty: '(message)' }).map((error) => ({
        ...error,
        path: at(error.path),
      })),
    };
  }
  return parsed.data;
}

/**
 * One message of a request. `typeFromPath` is the type of a single-message endpoint
 * (`/v1/track`), where the body may leave `type` out; `path` prefixes field names in errors.
 */
export function parseMessage(
  raw: unknown,
  options: { typeFromPath?: MessageType; path?: string; receivedAt: Date },
): ParsedMessage {
  const at = (field: string) => [options.path, field].filter(Boolean).join('.');
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, errors: [fieldProblem(at('(message)'), 'intake.field.jsonObject')] };
  }
  const json = JSON.stringify(raw);
  const m =
    quickRead(raw as Record<string, unknown>, json, maxMessageBytes) ?? readFields(raw, json, at);
  if ('errors' in m) return { ok: false, errors: m.errors };
  const type = (options.typeFromPath ?? m.type) as MessageType | undefined;
  if (!type || !messageTypes.includes(type)) {
    return {
      ok: false,
      errors: [
        fieldProblem(at('type'), 'intake.field.messageType', { types: messageTypes.join(', ') }),
      ],
    };
  }
  const errors: FieldError[] = [];
  if (!m.userId && !m.anonymousId) {
    errors.push(fieldProblem(at('userId'), 'intake.field.userOrAnonymous'));
  }
  if (type === 'track' && !m.event) errors.push(fieldProblem(at('event'), 'errors.field.required'));
  if (type === 'group' && !m.groupId)
    errors.push(fieldProblem(at('groupId'), 'errors.field.required'));
  if (errors.length > 0) return { ok: false, errors };

  const common: Common = {
    messageId: m.messageId ?? fallbackMessageId(raw as Record<string, unknown>),
    userId: m.userId ?? null,
    anonymousId: m.anonymousId ?? null,
    occurredAt: m.timestamp ?? options.receivedAt,
    contextGroupId: m.context?.groupId ?? null,
  };
  switch (type) {
    case 'identify':
      return {
        ok: true,
        message: { ...common, type, traits: m.traits ?? m.context?.traits ?? {} },
      };
    case 'group':
      return {
        ok: true,
        message: { ...common, type, groupId: m.groupId ?? '', traits: m.traits ?? {} },
      };
    case 'track':
      return {
        ok: true,
        message: { ...common, type, event: m.event ?? '', properties: m.properties ?? {} },
      };
    case 'page':
    case 'screen':
      return {
        ok: true,
        message: {
          ...common,
          type: 'page',
          event: pageEventName(m.name ?? (m.properties?.['name'] as string | undefined)),
          properties: m.properties ?? {},
        },
      };
    case 'alias':
      return { ok: true, message: { ...common, type } };
  }
}

const batchSchema = z.looseObject({
  batch: z.array(z.unknown()).max(maxBatchMessages),
  writeKey: z.string().optional(),
  context: z.looseObject({ groupId: id }).nullish(),
});

type BatchFields = z.infer<typeof batchSchema>;

/**
 * The batch as SDKs send it — an array of at most 10,000, a string write key or none, no
 * batch-wide context — read without the schema, which copies the array (bench/intake.ts);
 * anything else goes through the schema.
 */
function quickBatch(body: unknown): BatchFields | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const { batch, writeKey, context } = body as Record<string, unknown>;
  if (!Array.isArray(batch) || batch.length > maxBatchMessages) return undefined;
  if (writeKey !== undefined && typeof writeKey !== 'string') return undefined;
  if (context !== undefined && context !== null) return undefined;
  return { batch: batch as unknown[], writeKey };
}

export type ParsedRequest =
  | {
      ok: true;
      messages: SegmentMessage[];
      writeKey: string | undefined;
      /** The batch's messages left out, by index and field (the good ones are still stored). */
      rejected: FieldError[];
    }
  | { ok: false; errors: FieldError[] };

/**
 * A whole request body: one message, or `{ batch: [...] }` for /v1/batch. A batch keeps its
 * good messages and names the bad ones: Segment's SDKs drop a batch answered 4xx without
 * retrying, so refusing it whole would lose every good event with the bad one. Segment's own
 * API likewise accepts the rest of a batch whose messages it drops.
 */
export function parseRequest(
  body: unknown,
  options: { typeFromPath?: MessageType; receivedAt: Date },
): ParsedRequest {
  if (options.typeFromPath) {
    const one = parseMessage(body, options);
    if (!one.ok) return one;
    const writeKey = (body as { writeKey?: unknown }).writeKey;
    return {
      ok: true,
      messages: [one.message],
      writeKey: typeof writeKey === 'string' ? writeKey : undefined,
      rejected: [],
    };
  }
  let data: BatchFields | undefined = quickBatch(body);
  if (!data) {
    const batch = batchSchema.safeParse(body);
    if (!batch.success) {
      return { ok: false, errors: [fieldProblem('batch', 'intake.field.batch')] };
    }
    data = batch.data;
  }
  // A batch-wide context.groupId applies to the messages that do not name their own.
  const shared = data.context?.groupId ?? null;
  const messages: SegmentMessage[] = [];
  const errors: FieldError[] = [];
  data.batch.forEach((raw, index) => {
    const one = parseMessage(raw, { receivedAt: options.receivedAt, path: `batch.${index}` });
    if (!one.ok) errors.push(...one.errors);
    else if (shared === null || one.message.contextGroupId !== null) messages.push(one.message);
    else messages.push({ ...one.message, contextGroupId: shared });
  });
  if (messages.length === 0 && errors.length > 0) return { ok: false, errors };
  return { ok: true, messages, writeKey: data.writeKey, rejected: errors };
}

/** The write key from `Authorization: Basic base64(writeKey:)`, as Segment's SDKs send it. */
export function writeKeyFromHeader(header: string | undefined): string | undefined {
  const match = header?.match(/^Basic\s+(\S+)$/i);
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const user = decoded.split(':')[0];
  return user || undefined;
}
