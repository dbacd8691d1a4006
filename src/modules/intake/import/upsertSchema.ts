// The bulk upsert's shapes at the edge: accounts, contacts and contracts keyed by their
// external id (the CRM's), each field optional but the key — a field left out is left as it is.
import { z } from '@hono/zod-openapi';
import type { MessageKey } from '../../../i18n/index.ts';
import { moneySchema } from '../../../lib/money.ts';
import { prioritySchema, stageSchema, tierSchema } from '../../../lib/vocabulary.ts';
import { contactRoleSchema } from '../../accounts/index.ts';

/** Rows per entity in one request: a CRM sync sends its changes in pages of this size. */
export const maxUpsertRows = 1000;

const externalId = z
  .string()
  .trim()
  .min(1, 'errors.field.required' satisfies MessageKey)
  .max(200);
const day = z.iso.date('imports.row.date' satisfies MessageKey);

export const upsertAccountSchema = z
  .object({
    externalId: externalId.openapi({ description: "The CRM's id for the account" }),
    name: z.string().optional().openapi({ description: 'Required for a new account' }),
    domain: z.string().nullable().optional(),
    tier: tierSchema.optional(),
    plan: z.string().nullable().optional(),
    arr: moneySchema.optional(),
    seats: z.number().int().min(0).nullable().optional(),
    stage: stageSchema.optional(),
    renewalDate: day.nullable().optional(),
    priority: prioritySchema.optional(),
    owner: z
      .string()
      .nullable()
      .optional()
      .openapi({ description: "The owner's e-mail, a person of this workspace; null unassigns" }),
    customFields: z
      .record(z.string(), z.unknown())
      .optional()
      .openapi({ description: 'By key; only the keys given change, null clears one' }),
  })
  .strict()
  .openapi('UpsertAccount', {
    example: {
      externalId: '001Dn00000Acme',
      name: 'Acme Corp',
      tier: 'enterprise',
      arr: { amount: 12000000, currency: 'USD' },
      renewalDate: '2027-03-31',
      owner: 'dana@steward.example',
    },
  });

export const upsertContactSchema = z
  .object({
    externalId: externalId.openapi({ description: "The CRM's id for the contact" }),
    accountExternalId: z
      .string()
      .optional()
      .openapi({ description: "The account's external id; required for a new contact" }),
    name: z.string().optional().openapi({ description: 'Required for a new contact' }),
    email: z.string().nullable().optional(),
    title: z.string().nullable().optional(),
    phone: z.string().nullable().optional(),
    role: contactRoleSchema.optional(),
  })
  .strict()
  .openapi('UpsertContact', {
    example: {
      externalId: '003Dn00000Ana',
      accountExternalId: '001Dn00000Acme',
      name: 'Ana Lopez',
      email: 'ana@acme.example',
      role: 'champion',
    },
  });

export const upsertContractSchema = z
  .object({
    externalId: externalId.openapi({ description: "The CRM's or billing system's contract id" }),
    accountExternalId: externalId,
    plan: z.string().nullable().optional(),
    mrr: moneySchema.optional().openapi({ description: 'Give mrr or arr' }),
    arr: moneySchema.optional(),
    seats: z.number().int().min(0).nullable().optional(),
    startDate: day.nullable().optional(),
    endDate: day.nullable().optional().openapi({ description: 'The renewal (or end) date' }),
    status: z
      .string()
      .optional()
      .openapi({ description: 'active (default), trialing, past_due, canceled…' }),
  })
  .strict()
  .openapi('UpsertContract', {
    description:
      "A contract's whole state, as billing keeps it (its MRR movement is measured against the state before), so every field is sent each time.",
    example: {
      externalId: '800Dn00000C1',
      accountExternalId: '001Dn00000Acme',
      plan: 'Scale',
      arr: { amount: 12000000, currency: 'USD' },
      seats: 250,
      startDate: '2026-04-01',
      endDate: '2027-03-31',
      status: 'active',
    },
  });

export const bulkUpsertBody = z
  .object({
    accounts: z.array(upsertAccountSchema).max(maxUpsertRows).default([]),
    contacts: z.array(upsertContactSchema).max(maxUpsertRows).default([]),
    contracts: z.array(upsertContractSchema).max(maxUpsertRows).default([]),
    dryRun: z
      .boolean()
      .default(false)
      .openapi({ description: 'Check and count everything; change nothing' }),
    allOrNothing: z.boolean().default(false).openapi({
      description:
        'Refuse the whole request (422) when any row is rejected, rather than writing the others',
    }),
  })
  .strict()
  .openapi('BulkUpsert');

export type BulkUpsertBody = z.infer<typeof bulkUpsertBody>;

const fieldError = z.object({ path: z.string(), message: z.string() });
const counts = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
});

export const upsertEntitySchema = z.enum(['accounts', 'contacts', 'contracts']);

export const bulkUpsertResultSchema = z
  .object({
    dryRun: z.boolean(),
    accounts: counts,
    contacts: counts,
    contracts: counts,
    rejected: z.array(
      z.object({
        entity: upsertEntitySchema,
        index: z.number().int().openapi({ description: "The row's place in its list, from 0" }),
        externalId: z.string(),
        errors: z
          .array(fieldError)
          .openapi({ description: 'Each field and why, e.g. accounts.3.owner' }),
      }),
    ),
  })
  .openapi('BulkUpsertResult', {
    example: {
      dryRun: false,
      accounts: { created: 1, updated: 4, unchanged: 20, rejected: 1 },
      contacts: { created: 2, updated: 0, unchanged: 9, rejected: 0 },
      contracts: { created: 0, updated: 1, unchanged: 3, rejected: 0 },
      rejected: [
        {
          entity: 'accounts',
          index: 7,
          externalId: '001Dn00000Zeta',
          errors: [
            {
              path: 'accounts.7.owner',
              message: 'no one with the e-mail kim@steward.example in this workspace',
            },
          ],
        },
      ],
    },
  });

export type BulkUpsertResult = z.infer<typeof bulkUpsertResultSchema>;
