// Shapes the health API's endpoints share: the category, the measures' keys, a day, a score.
import { z } from '@hono/zod-openapi';
import { calendarDay } from '../../../lib/days.ts';
import { healthCategorySchema, tierSchema } from '../../../lib/vocabulary.ts';

export const categorySchema = healthCategorySchema.openapi({
  description: 'Healthy / At Risk / Critical, by the scorecard thresholds',
});
export const measureKeySchema = z.enum(['usage', 'support', 'engagement', 'billing', 'outcomes']);
export { tierSchema };
export const day = calendarDay('errors.field.day');
export const score = z.number().int().min(0).max(100);
