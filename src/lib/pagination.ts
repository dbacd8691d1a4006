// Cursor pagination: `?limit=` (default 50, max 500) and an opaque `?cursor=` (API.md).
import { z } from '@hono/zod-openapi';
import { calendarDay } from './days.ts';
import { sql, type RawBuilder } from 'kysely';
import { AppError, fieldProblem } from './errors.ts';

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(50).openapi({ example: 50 }),
  cursor: z.string().optional().openapi({ description: 'The `nextCursor` of the previous page.' }),
};

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export type Page<Item> = { items: Item[]; nextCursor: string | null };

/** A cursor is the position after the last row shown: its sort value and id. */
export type Position = { value: string | number | null; id: string; sort?: string };

/** The largest `bigint` (a serial id): 19 digits, compared as a string of equal length. */
const bigintMax = '9223372036854775807';
const serialId = z
  .string()
  .regex(/^\d{1,19}$/)
  .refine((id) => id.length < 19 || id <= bigintMax);

const positionSchema = z.object({
  value: z.union([z.string().max(1000), z.number().refine(Number.isFinite), z.null()]),
  id: z.union([z.uuid(), serialId]),
  sort: z.string().max(100).optional(),
});

/** What a list's cursor holds: its id's kind and the SQL type its value is cast to. */
export type CursorShape = { id?: 'uuid' | 'serial'; value?: string };

const invalidCursor = (cause?: unknown) =>
  new AppError(
    'request.invalid_cursor',
    { key: 'errors.http.badCursor' },
    { cause, errors: [fieldProblem('cursor', 'errors.field.cursor')] },
  );

export function encodeCursor(position: Position): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/**
 * `sort`: the order the cursor was made for; a cursor from another order is refused. `shape`:
 * what the list reads from it — a cursor is decoded strictly, so that one which passes the
 * pattern but not PostgreSQL's cast (`2026-02-30`, a 20-digit id, a NUL) is a 400, not a 500.
 */
export function decodeCursor(cursor: string, sort?: string, shape: CursorShape = {}): Position {
  let position: Position;
  try {
    position = positionSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (position.sort !== sort) throw new Error(`cursor for sort ${position.sort}, not ${sort}`);
  } catch (cause) {
    throw invalidCursor(cause);
  }
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(position.id);
  if (shape.id && (shape.id === 'uuid') !== uuid) throw invalidCursor();
  if (typeof position.value === 'string' && position.value.includes('\u0000')) {
    throw invalidCursor();
  }
  if (shape.value) cursorValue(position, shape.value);
  return position;
}

/** Takes `limit + 1` rows and turns them into a page. */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  toItem: (row: Row) => Item,
  positionOf: (row: Row) => Position,
): Page<Item> {
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  const last = shown.at(-1);
  return {
    items: shown.map(toItem),
    nextCursor: more && last !== undefined ? encodeCursor(positionOf(last)) : null,
  };
}

const castable: Record<string, RegExp> = {
  int: /^-?\d+$/,
  bigint: /^-?\d+$/,
  numeric: /^-?\d+(\.\d+)?$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
  boolean: /^(true|false)$/,
  timestamptz: /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}(:?\d{2})?|Z)?$/,
  text: /^/s,
};

/** A day PostgreSQL takes (days.ts), at the start of a date or a time. */
const realDay = (value: string) => calendarDay().safeParse(value.slice(0, 10)).success;

const fitsCast: Record<string, (value: string) => boolean> = {
  int: (v) => Math.abs(Number(v)) <= 2_147_483_647,
  bigint: (v) =>
    v.replace(/^-/, '').length < 19 ||
    (/^-?\d{19}$/.test(v) && v.replace(/^-/, '') <= '9223372036854775807'),
  numeric: (v) => v.length <= 100,
  date: realDay,
  timestamptz: (v) => {
    const [, hh = '0', mm = '0', ss = '0'] = /[ T](\d{2}):(\d{2}):(\d{2})/.exec(v) ?? [];
    return realDay(v) && Number(hh) < 24 && Number(mm) < 60 && Number(ss) < 60;
  },
  text: (v) => !v.includes('\u0000'),
};

/** The cursor's sort value, checked to be of the SQL type it will be cast to, and to fit it. */
export function cursorValue(position: Position, cast: string): string {
  const value = String(position.value);
  if (!(castable[cast] ?? /^$/).test(value) || !(fitsCast[cast]?.(value) ?? true)) {
    throw invalidCursor();
  }
  return value;
}

/**
 * Keyset paging by a timestamp with the id breaking ties: how inboxes, timelines, escalations,
 * tickets and meetings are listed. `sort` names the list, so a cursor from another list is
 * refused; `order` is the list's: newest first (`desc`, the default) or oldest first.
 */
export type TimeKeyset = {
  /** Where the page starts: the last row shown before it (its time, checked, and id). */
  after: { at: string; id: string } | undefined;
  /** `(at, id) < (the cursor's)` (or `>`, oldest first): `true` on the first page. */
  where(at: string, id: string): RawBuilder<boolean>;
  /** The page from the `limit + 1` rows read in the list's order. */
  page<Row extends { id: string }, Item>(
    rows: Row[],
    limit: number,
    toItem: (row: Row) => Item,
    atOf: (row: Row) => Date,
  ): Page<Item>;
};

export function timeKeyset(
  sort: string,
  cursor: string | undefined,
  order: 'desc' | 'asc' = 'desc',
): TimeKeyset {
  const position = cursor === undefined ? undefined : decodeCursor(cursor, sort, { id: 'uuid' });
  const after = position && { at: cursorValue(position, 'timestamptz'), id: position.id };
  return {
    after,
    where(at, id) {
      if (!after) return sql<boolean>`true`;
      const pair = sql`(${sql.ref(at)}, ${sql.ref(id)})`;
      const from = sql`(${after.at}::timestamptz, ${after.id}::uuid)`;
      return order === 'desc' ? sql<boolean>`${pair} < ${from}` : sql<boolean>`${pair} > ${from}`;
    },
    page: (rows, limit, toItem, atOf) =>
      toPage(rows, limit, toItem, (row) => ({ value: atOf(row).toISOString(), id: row.id, sort })),
  };
}
