// The shapes of accounts, contacts, custom fields, segments and timeline events at the edge.
import { z } from '@hono/zod-openapi';
import { moneySchema } from '../../lib/money.ts';
import { calendarDay } from '../../lib/days.ts';
import {
  churnRiskLevelSchema,
  healthCategorySchema,
  prioritySchema,
  stageSchema,
  tierSchema,
} from '../../lib/vocabulary.ts';
import { wholeNumber } from '../../lib/numbers.ts';
import type { MessageKey } from '../../i18n/index.ts';

export { churnRiskLevelSchema, healthCategorySchema, prioritySchema, stageSchema, tierSchema };

export const contactRoleSchema = z.enum(['champion', 'executive_sponsor', 'admin', 'user']);
export const customFieldTypeSchema = z.enum([
  'text',
  'number',
  'currency',
  'date',
  'select',
  'multi_select',
  'boolean',
]);
export const timelineKindSchema = z.enum([
  'note',
  'call',
  'email',
  'meeting',
  'ticket',
  'billing',
  'system',
  'survey',
]);
/** What a person logs by hand; tickets, billing and system events come from elsewhere. */
export const loggedKindSchema = z.enum(['note', 'call', 'email', 'meeting']);

export const isoDate = calendarDay().openapi({ example: '2026-12-31' });

const customFieldValues = z.record(z.string(), z.unknown()).openapi({
  description: 'Values of the workspace custom fields, by key; checked against their definitions.',
});

/** The example integrators see in the API description. */
const accountExample = {
  id: '0b9a3c1e-5d2f-4f8a-9c61-2f4e8d7a1b30',
  externalId: '001Dn00000Acme',
  name: 'Acme Corp',
  domain: 'acme.example',
  tier: 'enterprise',
  plan: 'Scale',
  arr: { amount: 12000000, currency: 'USD' },
  mrr: { amount: 1000000, currency: 'USD' },
  seats: 250,
  stage: 'adopting',
  renewalDate: '2027-03-31',
  priority: 'P1',
  ownerId: '7f1c2a9e-3b4d-4e5f-8a6b-9c0d1e2f3a4b',
  ownerName: 'Dana Reyes',
  customFields: { region: 'EMEA' },
  health: { score: 64, category: 'at_risk' },
  churnRisk: { level: 'medium' },
  createdAt: '2026-01-15T10:00:00.000Z',
  updatedAt: '2026-11-30T08:12:00.000Z',
};

/** An account's fields as the API shows them: all as `Account`, fewer as `PortfolioAccount`. */
const accountShape = z.object({
  id: z.uuid(),
  externalId: z.string().nullable(),
  name: z.string(),
  domain: z.string().nullable(),
  tier: tierSchema,
  plan: z.string().nullable(),
  arr: moneySchema,
  mrr: moneySchema,
  seats: z.number().int().nullable(),
  stage: stageSchema,
  renewalDate: isoDate.nullable(),
  priority: prioritySchema,
  ownerId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  customFields: customFieldValues,
  health: z.object({
    score: z.number().int().nullable(),
    category: healthCategorySchema.nullable(),
  }),
  churnRisk: z.object({ level: churnRiskLevelSchema.nullable() }),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const accountSchema = accountShape.openapi('Account', { example: accountExample });

/**
 * What the portfolio leaves out of each account it lists: the contract's plan, seats and MRR,
 * and the day the account was added — read on one account, not while scanning fifty.
 */
const notInPortfolio = { plan: true, mrr: true, seats: true, createdAt: true } as const;

export const portfolioAccountSchema = accountShape
  .omit(notInPortfolio)
  .openapi('PortfolioAccount', {
    description:
      'An account as the portfolio lists it: what a CSM scans their book by (name, tier, ARR, ' +
      'stage, renewal, priority, owner, health and churn risk, custom fields) and when it last ' +
      'changed, one of the sorts the list offers. The contract (plan, seats, MRR) and the day ' +
      'the account was added are read one account at a time, on `GET /accounts/{id}` and the ' +
      'Customer 360: carried on every row of every page, they made a page of 50 a fifth ' +
      'larger, and slower to build, send and read.',
    example: Object.fromEntries(
      Object.entries(accountExample).filter(([key]) => !Object.hasOwn(notInPortfolio, key)),
    ),
  });

const personRef = z.object({ id: z.uuid(), name: z.string() });

export const removedAccountSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    tier: tierSchema,
    arr: moneySchema,
    owner: personRef.nullable(),
    removedAt: z.string(),
    /** Null when the person who removed it is gone, or it was removed before this was kept. */
    removedBy: personRef.nullable(),
  })
  .openapi('RemovedAccount');

const domainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'accounts.field.domain' satisfies MessageKey);

export const accountFields = z.object({
  externalId: z.string().trim().min(1).max(200).nullable(),
  name: z.string().trim().min(1).max(300),
  domain: domainSchema.nullable(),
  tier: tierSchema,
  plan: z.string().trim().max(100).nullable(),
  arr: moneySchema,
  seats: wholeNumber('integer', { min: 0 }).nullable(),
  stage: stageSchema,
  renewalDate: isoDate.nullable(),
  priority: prioritySchema,
  ownerId: z.uuid().nullable(),
  customFields: customFieldValues,
});

export const createAccountBody = accountFields
  .partial()
  .required({ name: true })
  .strict()
  .openapi('CreateAccount');
export const updateAccountBody = accountFields.partial().strict().openapi('UpdateAccount');

export type AccountFields = z.infer<typeof accountFields>;
export type CreateAccount = z.infer<typeof createAccountBody>;
export type UpdateAccount = z.infer<typeof updateAccountBody>;
export type AccountView = z.infer<typeof accountSchema>;
export type PortfolioAccountView = z.infer<typeof portfolioAccountSchema>;

const commaList = <T extends string>(value: z.ZodType<T, string>) =>
  z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(value).min(1))
    .optional();

export const portfolioQuery = z
  .object({
    owner: z.string().optional().openapi({ description: '`me`, `unassigned` or a user id' }),
    health: commaList(z.enum([...healthCategorySchema.options, 'unscored'])),
    risk: commaList(churnRiskLevelSchema),
    tier: commaList(tierSchema),
    stage: commaList(stageSchema),
    priority: commaList(prioritySchema),
    q: z
      .string()
      .trim()
      .max(200)
      .optional()
      .openapi({ description: 'Search name, domain and external id' }),
    renewalWithin: z
      .string()
      .regex(/^\d{1,4}d$/, 'accounts.field.renewalWithin' satisfies MessageKey)
      .optional(),
    sort: z
      .string()
      .regex(
        /^-?(name|arr|renewalDate|health|priority|tier|stage|updatedAt|cf\.[a-z][a-z0-9_]*)$/,
        'accounts.field.sort' satisfies MessageKey,
      )
      .default('name')
      .openapi({
        description: 'A field, `-` first for descending; `cf.<key>` sorts by a custom field',
      }),
    segment: z.uuid().optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    cursor: z.string().optional(),
  })
  .openapi({
    description:
      'Custom fields filter as `cf.<key>=<value>` (equals; for multi-select: contains), and `cf.<key>.min` / `cf.<key>.max` for numbers, money (minor units) and dates.',
  });

/** Custom field filters (`cf.<key>`, `cf.<key>.min`, `cf.<key>.max`) from query parameters. */
export function customFieldFilters(params: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).filter(([key]) => key.startsWith('cf.')));
}

export type PortfolioQuery = z.infer<typeof portfolioQuery>;

export const contactSchema = z
  .object({
    id: z.uuid(),
    accountId: z.uuid(),
    externalId: z.string().nullable(),
    name: z.string(),
    email: z.string().nullable(),
    title: z.string().nullable(),
    phone: z.string().nullable(),
    role: contactRoleSchema,
  })
  .openapi('Contact', {
    example: {
      id: '3e5d7f9a-1b2c-4d6e-8f0a-2b4c6d8e0f1a',
      accountId: '0b9a3c1e-5d2f-4f8a-9c61-2f4e8d7a1b30',
      externalId: '003Dn00000Ana',
      name: 'Ana Lopez',
      email: 'ana@acme.example',
      title: 'Head of Operations',
      phone: null,
      role: 'champion',
    },
  });

export const contactFields = z.object({
  externalId: z.string().trim().min(1).max(200).nullable(),
  name: z.string().trim().min(1).max(300),
  email: z.email().nullable(),
  title: z.string().trim().max(200).nullable(),
  phone: z.string().trim().max(50).nullable(),
  role: contactRoleSchema,
});
export const createContactBody = contactFields
  .partial()
  .required({ name: true })
  .strict()
  .openapi('CreateContact');
export const updateContactBody = contactFields.partial().strict().openapi('UpdateContact');
export type ContactFields = z.infer<typeof contactFields>;
export type CreateContact = z.infer<typeof createContactBody>;

export const timelineEventSchema = z
  .object({
    id: z.uuid(),
    accountId: z.uuid(),
    kind: timelineKindSchema,
    title: z.string().openapi({
      description: "What a person wrote, or the server's sentence in the reader's language",
    }),
    titleKey: z.string().nullable().openapi({
      description: "The message key when the server wrote the title; null for a person's words",
    }),
    body: z.string().nullable(),
    occurredAt: z.iso.datetime(),
    actor: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    source: z.string(),
    data: z.record(z.string(), z.unknown()),
  })
  .openapi('TimelineEvent');

export const logEventBody = z
  .object({
    kind: loggedKindSchema.default('note'),
    title: z.string().trim().min(1).max(300).optional(),
    body: z
      .string()
      .trim()
      .min(1, 'errors.field.writeSomething' satisfies MessageKey)
      .max(20_000),
    occurredAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()
  .openapi('LogTimelineEvent');
export type LogEvent = z.infer<typeof logEventBody>;

export const customFieldSchema = z
  .object({
    id: z.uuid(),
    entity: z.enum(['account', 'task']),
    key: z.string(),
    label: z.string(),
    type: customFieldTypeSchema,
    options: z.array(z.string()).nullable(),
    required: z.boolean(),
  })
  .openapi('CustomField');

export const createCustomFieldBody = z
  .object({
    entity: z.enum(['account', 'task']),
    key: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,62}$/, 'accounts.field.customFieldKey' satisfies MessageKey),
    label: z.string().trim().min(1).max(100),
    type: customFieldTypeSchema,
    options: z.array(z.string().trim().min(1).max(100)).min(1).max(200).optional(),
    required: z.boolean().default(false),
  })
  .strict()
  .superRefine((field, ctx) => {
    const needsOptions = field.type === 'select' || field.type === 'multi_select';
    if (needsOptions && !field.options) {
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: 'accounts.field.selectNeedsOptions' satisfies MessageKey,
      });
    }
    if (!needsOptions && field.options) {
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: 'accounts.field.noOptions' satisfies MessageKey,
        params: { type: field.type },
      });
    }
    if (field.options && new Set(field.options).size !== field.options.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: 'accounts.field.optionsDiffer' satisfies MessageKey,
      });
    }
  })
  .openapi('CreateCustomField');
export type CreateCustomField = z.infer<typeof createCustomFieldBody>;

export const segmentSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    filters: z.record(z.string(), z.string()),
    shared: z.boolean(),
    ownerId: z.uuid(),
  })
  .openapi('Segment');

export const createSegmentBody = z
  .object({
    name: z.string().trim().min(1).max(100),
    filters: z.record(z.string(), z.string()),
    shared: z.boolean().default(false),
  })
  .strict()
  .openapi('CreateSegment');
export type CreateSegment = z.infer<typeof createSegmentBody>;
