// Feedback from a CSV (a spreadsheet of requests kept before Steward): one item per row, the
// account named by its external id or its name, the contact by e-mail. Every rejected row is
// reported with its reason; the rest are imported only when asked to (skipInvalid), in one
// transaction, and the themes are recomputed once afterwards rather than item by item.
import { parse } from 'csv-parse/sync';
import { CsvError } from 'csv-parse';
import { z } from '@hono/zod-openapi';
import type { Deps } from '../../context.ts';
import { enqueue } from '../../jobs/registry.ts';
import type { Locale, MessageKey } from '../../i18n/index.ts';
import { calendarDay } from '../../lib/days.ts';
import { fieldProblem, invalid, type FieldError } from '../../lib/errors.ts';
import { fieldMessage, issueErrors } from '../../lib/issues.ts';
import type { UserId } from '../../lib/ids.ts';
import type { AccountScope } from '../accounts/index.ts';
import { recordAudit, type ChangeAuthor } from '../auth/index.ts';
import { readFeedback } from './feedback.ts';
import { feedbackPrioritySchema, feedbackText, feedbackTypeSchema } from './schema.ts';
import * as store from './store/feedback.ts';
import { accountsByKey, contactsByEmail } from './store/workspaces.ts';
import { guessFeedbackType } from './text/classify.ts';

export const importBody = z
  .object({
    csv: z
      .string()
      .min(1, 'voice.field.emptyFile' satisfies MessageKey)
      .max(5_000_000),
    skipInvalid: z.boolean().default(false),
    dryRun: z.boolean().default(false),
  })
  .openapi('FeedbackImportInput');

export const importResultSchema = z
  .object({
    imported: z.number().int(),
    rejected: z.array(
      z.object({
        row: z.number().int(),
        errors: z.array(z.object({ path: z.string(), message: z.string() })),
      }),
    ),
  })
  .openapi('FeedbackImport');

const rowSchema = z.object({
  account: z
    .string()
    .trim()
    .min(1, 'voice.field.rowAccount' satisfies MessageKey),
  text: feedbackText,
  type: z.preprocess((v) => (v === '' ? undefined : v), feedbackTypeSchema.optional()),
  priority: z.preprocess(
    (v) => (v === '' ? undefined : v),
    feedbackPrioritySchema.default('medium'),
  ),
  contact_email: z.preprocess((v) => (v === '' ? undefined : v), z.email().optional()),
  date: z.preprocess((v) => (v === '' ? undefined : v), calendarDay().optional()),
});

/** The rejected rows' reasons as the asker reads them. */
function readFor(rejected: { row: number; errors: FieldError[] }[], locale: Locale) {
  return rejected.map(({ row, errors }) => ({
    row,
    errors: errors.map((error) => ({ path: error.path, message: fieldMessage(error, locale) })),
  }));
}

export async function importFeedback(
  deps: Pick<Deps, 'db' | 'clock'>,
  by: ChangeAuthor & { userId: UserId | null; locale: Locale },
  scope: AccountScope,
  input: z.infer<typeof importBody>,
) {
  let records: Record<string, string>[];
  try {
    records = parse(input.csv, {
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      skip_empty_lines: true,
      bom: true,
    });
  } catch (error) {
    // csv-parse says why in English; a Russian reader reads that it is not CSV, and its words.
    if (error instanceof CsvError)
      throw invalid([fieldProblem('csv', 'voice.field.csv', { reason: error.message })]);
    throw error;
  }
  const at = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const accounts = await accountsByKey(
      trx,
      scope,
      records.map((r) => (r.account ?? '').trim()),
    );
    const contacts = await contactsByEmail(
      trx,
      scope.workspaceId,
      records.flatMap((r) => (r.contact_email ? [r.contact_email.trim().toLowerCase()] : [])),
    );
    const links = await store.termLinksOf(trx, scope.workspaceId);
    const rejected: { row: number; errors: FieldError[] }[] = [];
    const rows: store.NewFeedbackRow[] = [];
    records.forEach((record, i) => {
      const row = i + 2; // the header is line 1
      const parsed = rowSchema.safeParse(record);
      if (!parsed.success) {
        rejected.push({
          row,
          errors: issueErrors(parsed.error, { input: record, empty: 'row' }),
        });
        return;
      }
      const r = parsed.data;
      const account = accounts.get(r.account.toLowerCase());
      if (!account) {
        rejected.push({ row, errors: [fieldProblem('account', 'errors.field.noAccount')] });
        return;
      }
      const contact = r.contact_email
        ? contacts.find(
            (c) => c.email === r.contact_email?.toLowerCase() && c.account_id === account.id,
          )
        : undefined;
      if (r.contact_email && !contact) {
        rejected.push({
          row,
          errors: [fieldProblem('contact_email', 'voice.field.noContactOnAccount')],
        });
        return;
      }
      const type = r.type ?? guessFeedbackType(r.text);
      const reading = readFeedback(r.text, type, links);
      rows.push({
        workspace_id: scope.workspaceId,
        account_id: account.id,
        contact_id: contact?.id ?? null,
        type,
        priority: r.priority,
        source: 'csv',
        source_ref: null,
        text: r.text,
        arr_amount: account.arr_amount,
        currency: account.currency,
        logged_by: by.userId,
        features: JSON.stringify(reading.features),
        surfaces: JSON.stringify(reading.surfaces),
        given_at: r.date ? new Date(`${r.date}T12:00:00Z`) : at,
        created_at: at,
        updated_at: at,
      });
    });
    if (rejected.length > 0 && !input.skipInvalid && !input.dryRun) {
      throw invalid(
        rejected.flatMap((r) => r.errors.map((e) => ({ ...e, path: `rows.${r.row}.${e.path}` }))),
        { key: 'voice.problem.invalidRows', params: { count: rejected.length } },
      );
    }
    if (input.dryRun) return { imported: 0, rejected: readFor(rejected, by.locale) };
    const ids: string[] = [];
    for (let i = 0; i < rows.length; i += 1000) {
      ids.push(...(await store.insertFeedbackRows(trx, rows.slice(i, i + 1000))));
    }
    if (ids.length > 0) {
      await enqueue(
        trx,
        'feedback__recompute_themes',
        { workspaceId: scope.workspaceId },
        { runAt: at },
      );
      await recordAudit(trx, by, {
        action: 'feedback.imported',
        entityType: 'workspace',
        entityId: scope.workspaceId,
        changes: { imported: ids.length, rejected: rejected.length },
      });
    }
    return { imported: ids.length, rejected: readFor(rejected, by.locale) };
  });
}
