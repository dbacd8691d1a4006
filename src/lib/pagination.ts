// Cursor pagination: `?limit=` (default 50, max 500) and an opaque `?cursor=` (API.md).
import { z } from '@hono/zod-openapi';
import { sql, type RawBuilder } from 'kysely';
import { AppError } from './errors.ts';

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

const positionSchema = z.object({
  value: z.union([z.string(), z.number(), z.null()]),
  id: z.union([z.uuid(), z.string().regex(/^\d+$/)]),
  sort: z.string().optional(),
});

export function encodeCursor(position: Position): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/** `sort`: the order the cursor was made for; a cursor from another order is refused. */
export function decodeCursor(cursor: string, sort?: string): Position {
  try {
    const position = positionSchema.parse(
      JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')),
    );
    if (position.sort !== sort) throw new Error(`cursor for sort ${position.sort}, not ${sort}`);
    return position;
  } catch (cause) {
    throw new AppError(
      'request.invalid_cursor',
      'The cursor is not one this server gave out; start again without it.',
      { cause, errors: [{ path: 'cursor', message: 'not a valid cursor' }] },
    );
  }
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

/** The cursor's sort value, checked to be of the SQL type it will be cast to. */
export function cursorValue(position: Position, cast: string): string {
  const value = String(position.value);
  if (!(castable[cast] ?? /^$/).test(value)) {
    throw new AppError(
      'request.invalid_cursor',
      'The cursor is not one this server gave out; start again without it.',
      {
        errors: [{ path: 'cursor', message: 'not a valid cursor' }],
      },
    );
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
  const position = cursor === undefined ? undefined : decodeCursor(cursor, sort);
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
