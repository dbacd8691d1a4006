// Whole numbers as PostgreSQL stores them: a value past its column's range fails the insert
// (22003) as a 500, so input fields are bounded by their column's type here, once.
import { z } from '@hono/zod-openapi';

/** `smallint`, `integer` and `bigint` (the last within JavaScript's safe integers). */
export const columnRange = {
  smallint: { min: -32_768, max: 32_767 },
  integer: { min: -2_147_483_648, max: 2_147_483_647 },
  bigint: { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER },
} as const;

export type IntegerColumn = keyof typeof columnRange;

/** A whole number that fits `column`, optionally narrowed further (`{ min: 0 }`). */
export function wholeNumber(
  column: IntegerColumn = 'integer',
  bounds: { min?: number; max?: number } = {},
) {
  const range = columnRange[column];
  return z
    .number()
    .int('must be a whole number')
    .min(Math.max(bounds.min ?? range.min, range.min))
    .max(Math.min(bounds.max ?? range.max, range.max));
}

/** The same, read from a query string or a path (`?version=3`). */
export function wholeNumberParam(
  column: IntegerColumn = 'integer',
  bounds: { min?: number; max?: number } = {},
) {
  const range = columnRange[column];
  return z.coerce
    .number()
    .int('must be a whole number')
    .min(Math.max(bounds.min ?? range.min, range.min))
    .max(Math.min(bounds.max ?? range.max, range.max));
}
