// The fast path of reading a Segment message: a hand-written check of the few fields Steward
// uses, for the messages every well-behaved sender sends. Anything it is not sure of — a field
// of an unexpected type, a value past its limit, a NUL character, a key that would mean
// something to JavaScript objects — answers `undefined`, and the message goes through the zod
// schema (payload.ts), which names what is wrong. Either way the fields read are the same.
// Measured with bench/intake.ts: zod and the NUL walk were a third of the web process's CPU.
type Record_ = Record<string, unknown>;

/** The fields of a message as the zod schema answers them (only those Steward reads). */
export type MessageFields = {
  type?: string | undefined;
  messageId?: string | null | undefined;
  userId?: string | null | undefined;
  anonymousId?: string | null | undefined;
  groupId?: string | null | undefined;
  event?: string | null | undefined;
  name?: string | null | undefined;
  traits?: Record_ | null | undefined;
  properties?: Record_ | null | undefined;
  timestamp?: Date | null | undefined;
  context?: { groupId?: string | null | undefined; traits?: Record_ | null | undefined } | null;
};

/** Marks a field the fast path leaves to the schema. */
const unsure = Symbol('unsure');

const isRecord = (value: unknown): value is Record_ =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function id(value: unknown): string | null | undefined | typeof unsure {
  if (value === undefined || value === null) return value;
  const text =
    typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : unsure;
  if (text === unsure || text.length > 255) return unsure;
  return text || null;
}

function name(value: unknown): string | null | undefined | typeof unsure {
  if (value === undefined || value === null) return value;
  if (typeof value !== 'string') return unsure;
  const text = value.trim();
  return text.length > 500 ? unsure : text;
}

function record(value: unknown): Record_ | null | undefined | typeof unsure {
  if (value === undefined || value === null) return value;
  return isRecord(value) ? value : unsure;
}

function timestamp(value: unknown): Date | null | undefined | typeof unsure {
  if (value === undefined || value === null) return value;
  if (typeof value !== 'string' && typeof value !== 'number') return unsure;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? unsure : at;
}

/**
 * The message's fields, or `undefined` when the schema must read it. `json` is the message
 * as JSON (its size and any NUL are checked on it).
 */
export function quickRead(
  raw: Record_,
  json: string,
  maxMessageBytes: number,
): MessageFields | undefined {
  // A NUL anywhere shows as \u0000 in the JSON; the schema's path names it. `__proto__` as a
  // key is left to the schema, which copies records key by key.
  if (json.includes('\\u0000') || json.includes('"__proto__"')) return undefined;
  if (json.length * 3 > maxMessageBytes && Buffer.byteLength(json) > maxMessageBytes) {
    return undefined;
  }
  const type = raw['type'];
  if (type !== undefined && typeof type !== 'string') return undefined;
  const context = raw['context'];
  let contextFields: MessageFields['context'];
  if (context === undefined || context === null) contextFields = context;
  else if (!isRecord(context)) return undefined;
  else {
    const groupId = id(context['groupId']);
    const traits = record(context['traits']);
    if (groupId === unsure || traits === unsure) return undefined;
    contextFields = { groupId, traits };
  }
  const fields = {
    type,
    messageId: id(raw['messageId']),
    userId: id(raw['userId']),
    anonymousId: id(raw['anonymousId']),
    groupId: id(raw['groupId']),
    event: name(raw['event']),
    name: name(raw['name']),
    traits: record(raw['traits']),
    properties: record(raw['properties']),
    timestamp: timestamp(raw['timestamp']),
  };
  for (const value of Object.values(fields)) if (value === unsure) return undefined;
  return { ...(fields as Omit<MessageFields, 'context'>), context: contextFields };
}
