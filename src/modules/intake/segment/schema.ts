// The shapes of write keys and the feature catalog at the edge.
import { z } from '@hono/zod-openapi';
import type { MessageKey } from '../../../i18n/index.ts';

export const writeKeySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string().openapi({ description: 'The first characters, to recognise a key by' }),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso
      .datetime()
      .nullable()
      .openapi({ description: 'Set when the key was rotated: it works until then' }),
  })
  .openapi('WriteKey');

export const createdWriteKeySchema = writeKeySchema
  .extend({
    key: z.string().openapi({ description: 'The write key itself, shown this once' }),
  })
  .openapi('CreatedWriteKey');

export const createWriteKeyBody = z.object({
  name: z.string().trim().min(1).max(200).default('Segment'),
});
export type CreateWriteKey = z.infer<typeof createWriteKeyBody>;

export const featureSchema = z
  .object({
    id: z.uuid(),
    key: z.string(),
    label: z.string(),
    events: z.array(z.string()),
    premium: z.boolean(),
    value: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .openapi('Feature');

export const definedFeatureSchema = featureSchema
  .extend({
    history: z
      .object({
        events: z.int().nullable().openapi({
          description: 'Kept raw events that count for the feature; null while being counted',
        }),
        rollupRows: z.int().nullable().openapi({
          description: 'Daily rollup rows that move to the feature; null while being counted',
        }),
        rolledUpEvents: z.int().nullable().openapi({
          description:
            'Events those rollup rows count (backfilled days included); null while being counted',
        }),
        counting: z.boolean().openapi({
          description:
            'True while a background job counts the kept history the feature claims and moves it to the feature; false when the workspace keeps no usage (the counts are then 0)',
        }),
      })
      .openapi({ description: 'The kept history the feature takes over' }),
  })
  .openapi('DefinedFeature');

export const createFeatureBody = z.object({
  key: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[a-z0-9][a-z0-9_.-]*$/, 'intake.field.featureKey' satisfies MessageKey),
  label: z.string().trim().min(1).max(200),
  events: z
    .array(z.string().trim().min(1).max(500))
    .min(1)
    .max(100)
    .openapi({ description: 'Event names, or patterns with * (e.g. "Report *")' }),
  premium: z.boolean().default(false),
  value: z
    .boolean()
    .default(false)
    .openapi({ description: 'First use means the customer got value (time to value)' }),
});
export type CreateFeature = z.infer<typeof createFeatureBody>;
