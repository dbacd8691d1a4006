// The shapes of NPS and CSAT at the edge: responses (through the API or the survey link),
// invitations a CSM sends to contacts, and NPS by account, tier or segment.
import { z } from '@hono/zod-openapi';
import { localeSchema, type MessageKey } from '../../i18n/index.ts';

export const surveyKinds = ['nps', 'csat'] as const;
export const surveyKindSchema = z.enum(surveyKinds);

const comment = z
  .string()
  .trim()
  .max(5000, 'voice.field.atMost5000' satisfies MessageKey)
  .nullish();

export const surveyResponseBody = z
  .object({
    accountId: z.uuid(),
    contactId: z.uuid().nullish(),
    kind: surveyKindSchema.default('nps'),
    score: z
      .number()
      .int('voice.field.wholeNumber' satisfies MessageKey)
      .min(0, 'voice.field.score0to10' satisfies MessageKey)
      .max(10, 'voice.field.score0to10' satisfies MessageKey),
    comment,
    respondedAt: z.iso.datetime({ offset: true }).optional(),
  })
  .openapi('SurveyResponseInput');
export type SurveyResponseInput = z.infer<typeof surveyResponseBody>;

export const surveyResponseSchema = z
  .object({
    id: z.uuid(),
    accountId: z.uuid(),
    accountName: z.string(),
    contact: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    kind: surveyKindSchema,
    score: z.number().int(),
    category: z.enum(['promoter', 'passive', 'detractor']).nullable().openapi({
      description: 'NPS only: promoters 9–10, passives 7–8, detractors 0–6 (Bain)',
    }),
    comment: z.string().nullable(),
    source: z.enum(['api', 'link', 'csv']),
    feedbackItemId: z.uuid().nullable(),
    respondedAt: z.iso.datetime(),
  })
  .openapi('SurveyResponse');
export type SurveyResponseView = z.infer<typeof surveyResponseSchema>;

export const responsesQuery = z.object({
  accountId: z.uuid().optional(),
  kind: surveyKindSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const invitationBody = z
  .object({
    contactIds: z
      .array(z.uuid())
      .min(1, 'voice.field.chooseContact' satisfies MessageKey)
      .max(200),
    kind: surveyKindSchema.default('nps'),
    locale: localeSchema
      .default('en')
      .openapi({ description: 'The language of the e-mail and page' }),
    expiresInDays: z.number().int().min(1).max(90).default(30),
  })
  .openapi('SurveyInvitationInput');

export const invitationSchema = z
  .object({
    id: z.uuid(),
    contactId: z.uuid(),
    accountId: z.uuid(),
    kind: surveyKindSchema,
    /** The link to send: it works once, for this contact and this survey. */
    link: z.string(),
    expiresAt: z.iso.datetime(),
  })
  .openapi('SurveyInvitation');

export const npsSplitSchema = z
  .object({
    responses: z.number().int(),
    promoters: z.number().int(),
    passives: z.number().int(),
    detractors: z.number().int(),
    nps: z.number().int().nullable().openapi({ description: '% promoters − % detractors' }),
  })
  .openapi('NpsSplit');

export const npsQuery = z.object({
  groupBy: z.enum(['account', 'tier', 'segment']).default('account').openapi({
    description:
      "tier is the customer tier (enterprise, mid-market, SMB); segment, each of the person's saved segments (their own and the shared ones)",
  }),
  since: z
    .string()
    .regex(/^[1-9][0-9]{0,3}d$/, 'voice.field.days365' satisfies MessageKey)
    .default('365d'),
});

export const npsReportSchema = z
  .object({
    overall: npsSplitSchema,
    csat: z
      .object({ responses: z.number().int(), average: z.number().nullable() })
      .openapi('CsatSummary'),
    trend: z.array(npsSplitSchema.extend({ month: z.string() })),
    groups: z.array(
      npsSplitSchema.extend({
        key: z.string().openapi({ description: 'The account id, the tier or the segment id' }),
        label: z.string(),
        trend: z.enum(['up', 'down', 'flat', 'new']),
      }),
    ),
    verbatims: z.array(surveyResponseSchema),
  })
  .openapi('NpsReport');

/** What the public survey page shows before the contact answers. */
export const publicSurveySchema = z
  .object({
    kind: surveyKindSchema,
    company: z.string(),
    contactName: z.string(),
    locale: localeSchema,
    expiresAt: z.iso.datetime(),
  })
  .openapi('PublicSurvey');

export const publicAnswerBody = z
  .object({
    score: z
      .number()
      .int('voice.field.wholeNumber' satisfies MessageKey)
      .min(0, 'voice.field.score0to10' satisfies MessageKey)
      .max(10, 'voice.field.score0to10' satisfies MessageKey),
    comment,
  })
  .openapi('PublicSurveyAnswer');

export const tokenParam = z.object({
  token: z.string().min(1).max(1000).openapi({ description: 'The signed link token' }),
});
