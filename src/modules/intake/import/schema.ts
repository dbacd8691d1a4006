// The shapes of imports at the edge.
import { z } from '@hono/zod-openapi';
import { importEntities } from './fields.ts';

export const importEntitySchema = z.enum(importEntities);

const flag = z
  .enum(['true', 'false'])
  .default('false')
  .transform((v) => v === 'true');

export const importQuery = z.object({
  entity: importEntitySchema,
  dryRun: flag.openapi({ description: 'Check every row and report; change nothing' }),
  skipInvalid: flag.openapi({
    description: 'Import the valid rows even when some are rejected (else nothing is imported)',
  }),
});

export const importUpload = z.object({
  file: z
    .custom<File>((value) => value instanceof File, 'attach the CSV file as "file"')
    .openapi({ type: 'string', format: 'binary' }),
  mapping: z.string().optional().openapi({
    description: 'JSON object of CSV column → field, e.g. {"Company": "name"}; "" ignores a column',
  }),
});

export const mappingSchema = z.record(z.string(), z.string());

export const importPresetSchema = z
  .object({
    name: z.enum(['salesforce', 'hubspot']),
    accounts: mappingSchema.openapi({ description: 'Export column → field ("" ignores it)' }),
    contacts: mappingSchema,
  })
  .openapi('ImportPreset', {
    example: {
      name: 'hubspot',
      accounts: { 'Record ID': 'externalId', 'Company name': 'name' },
      contacts: { 'Record ID': 'externalId', 'First Name': 'firstName' },
    },
  });

export const importFieldSchema = z
  .object({
    name: z.string(),
    label: z.string(),
    required: z.boolean(),
    type: z.string(),
    options: z.array(z.string()).optional(),
  })
  .openapi('ImportField');

const rejectionSchema = z.object({ line: z.number().int(), reason: z.string() });

export const importSchema = z
  .object({
    id: z.uuid(),
    entity: importEntitySchema,
    fileName: z.string(),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    dryRun: z.boolean(),
    skipInvalid: z.boolean(),
    mapping: mappingSchema,
    progress: z.object({
      processedBytes: z.number().int(),
      totalBytes: z.number().int(),
      processedRows: z.number().int(),
    }),
    counts: z.object({
      created: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
      rejected: z.number().int(),
    }),
    rejections: z.array(rejectionSchema).openapi({ description: 'The first 1000 rejected rows' }),
    failure: z.string().nullable(),
    createdAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
  })
  .openapi('Import');

export const importSummarySchema = importSchema.omit({ rejections: true }).openapi('ImportSummary');

export type ImportView = z.infer<typeof importSchema>;
