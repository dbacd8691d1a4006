// The batches of a CSV import, by entity: what the rows are checked against is read once, then
// each batch is checked line by line and its valid rows written — accounts and contacts through
// the accounts module's exported upserts (write.ts), usage history through the Segment intake's
// rollups (usageBatches.ts).
import type { Db } from '../../../db/connect.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import {
  accountIdsByExternalId,
  customFieldDefinitions,
  knownAccountExternalIds,
} from '../../accounts/index.ts';
import { listUsers } from '../../auth/index.ts';
import {
  reportInLineOrder,
  withAccounts,
  writeBatch,
  type BatchImporter,
  type ImportChoices,
} from './batch.ts';
import { customFieldPrefix, importFields, planImport } from './fields.ts';
import { presetMapping } from './presets.ts';
import { about, rowMessage, type Rejection } from './problems.ts';
import {
  readAccountRow,
  readContactRow,
  type AccountRecord,
  type ContactRecord,
  type RowContext,
} from './rows.ts';
import { usageBatches } from './usageBatches.ts';
import { writeAccounts, writeContacts } from './write.ts';

/** Owners are named by e-mail in the file: everyone active in the workspace, read once. */
export async function ownersByEmail(
  db: Db,
  workspaceId: WorkspaceId,
): Promise<Map<string, string>> {
  const people = await listUsers(db, workspaceId);
  return new Map(people.filter((p) => !p.deactivated).map((p) => [p.email.toLowerCase(), p.id]));
}

/** An external id twice in one file is a mistake in the file: the later row is rejected. */
function firstOfExternalId() {
  const firstLineOf = new Map<string, number>();
  return (record: { externalId: string; line: number }, rejected: Rejection[]) => {
    const first = firstLineOf.get(record.externalId);
    if (first === undefined) {
      firstLineOf.set(record.externalId, record.line);
      return true;
    }
    rejected.push({
      line: record.line,
      problems: [
        about(
          'externalId',
          rowMessage('repeated', { externalId: record.externalId, line: String(first) }),
        ),
      ],
    });
    return false;
  };
}

/** Plans the file's columns from its header, then imports batch after batch. */
export async function batchImporter(
  db: Db,
  choices: ImportChoices,
  header: string[],
): Promise<BatchImporter> {
  const { workspaceId } = choices.by;
  const definitions =
    choices.entity === 'accounts' ? await customFieldDefinitions(db, workspaceId, 'account') : [];
  const plan = planImport(choices.entity, importFields(choices.entity, definitions), header, {
    ...(choices.preset ? presetMapping(choices.preset, choices.entity, header) : {}),
    ...choices.mapping,
  });
  if (choices.entity === 'usage') return usageBatches(db, choices, plan);
  const isFirst = firstOfExternalId();

  if (choices.entity === 'accounts') {
    const context: RowContext = {
      customFields: new Map(definitions.map((d) => [d.key, d])),
      owners: plan.columnOf.has('owner') ? await ownersByEmail(db, workspaceId) : new Map(),
    };
    // A new account needs every required custom field; an existing one keeps its values.
    const requiredUnmapped = definitions.filter(
      (d) => d.required && !plan.columnOf.has(`${customFieldPrefix}${d.key}`),
    );
    return {
      plan,
      async run(batch, reject, anyRejected) {
        const rejected: Rejection[] = [];
        let records: AccountRecord[] = [];
        for (const row of batch) {
          const result = readAccountRow(row.cells, row.line, plan, context);
          if ('problems' in result) rejected.push({ line: row.line, problems: result.problems });
          else if (isFirst(result.record, rejected)) records.push(result.record);
        }
        if (requiredUnmapped.length > 0 && records.length > 0) {
          const existing = await knownAccountExternalIds(
            db,
            workspaceId,
            records.map((r) => r.externalId),
          );
          records = records.filter((record) => {
            if (existing.has(record.externalId)) return true;
            rejected.push({
              line: record.line,
              problems: requiredUnmapped.map((d) =>
                about(`${customFieldPrefix}${d.key}`, rowMessage('requiredForNew')),
              ),
            });
            return false;
          });
        }
        reportInLineOrder(rejected, reject);
        return writeBatch(db, choices, anyRejected(), (trx) =>
          writeAccounts(trx, workspaceId, plan, records),
        );
      },
    };
  }
  return {
    plan,
    async run(batch, reject, anyRejected) {
      const rejected: Rejection[] = [];
      const records: ContactRecord[] = [];
      for (const row of batch) {
        const result = readContactRow(row.cells, row.line, plan);
        if ('problems' in result) rejected.push({ line: row.line, problems: result.problems });
        else if (isFirst(result.record, rejected)) records.push(result.record);
      }
      const ready = withAccounts(
        records,
        await accountIdsByExternalId(
          db,
          workspaceId,
          records.map((r) => r.accountExternalId),
        ),
        rejected,
      );
      reportInLineOrder(rejected, reject);
      return writeBatch(db, choices, anyRejected(), (trx) =>
        writeContacts(trx, workspaceId, plan, ready),
      );
    },
  };
}
