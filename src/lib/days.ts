// A calendar day as a request, a row or a payload writes it, checked as PostgreSQL's `date`
// will take it: `YYYY-MM-DD` of a day that exists (zod's ISO date knows month lengths and leap
// years: 2026-02-30 matches the pattern, and JavaScript's Date, but no column), in a year from
// 0001 on (zod's ISO date also takes 0000, which PostgreSQL has not: a 500 where a 422 belongs).
import { z } from '@hono/zod-openapi';
import type { MessageKey } from '../i18n/index.ts';

/** `message`: the field's own key for the rule; without it, zod's sentence for a date. */
export function calendarDay(message?: MessageKey) {
  return z.iso
    .date(message)
    .refine((day) => !day.startsWith('0000'), message ?? ('errors.field.day' satisfies MessageKey));
}
