// The CRM's bulk upsert: accounts, contacts and contracts by external id, in one transaction.
// Each row is checked by the CSV import's own row readers (rows.ts, billing's contract rows)
// and written by the same set-based upserts (write.ts → accounts' sync store; billing's
// contracts), so a row means the same whether it came in a file or over the API
// (upsertRows.ts, upsertContracts.ts).
//
// A rejected row is reported with each field and why, and the others are written — or, with
// `allOrNothing`, nothing is (422). An external id twice in one list is a mistake in the
// request: 422 naming both, nothing written.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../../db/connect.ts';
import { retriedTransaction } from '../../../db/retry.ts';
import { message, type Locale } from '../../../i18n/index.ts';
import type { Clock } from '../../../lib/clock.ts';
import { invalid, type FieldError } from '../../../lib/errors.ts';
import { markAccountsChanged, type WriteCounts } from '../../accounts/index.ts';
import { recordAudit, type ChangeAuthor } from '../../auth/index.ts';
import { fieldError, renderedErrors } from './problems.ts';
import { upsertContracts } from './upsertContracts.ts';
import { upsertAccounts, upsertContacts, type Entity } from './upsertRows.ts';
import type { BulkUpsertBody, BulkUpsertResult } from './upsertSchema.ts';

/** A rejected row as it is gathered: its field errors with their keys, rendered at the end. */
type Rejected = Omit<BulkUpsertResult['rejected'][number], 'errors'> & { errors: FieldError[] };

/** Each external id once per list; a repeat names the row it repeats. */
function refuseDuplicates(body: BulkUpsertBody) {
  const errors: FieldError[] = [];
  for (const entity of ['accounts', 'contacts', 'contracts'] as const) {
    const first = new Map<string, number>();
    body[entity].forEach((row, index) => {
      const at = first.get(row.externalId);
      if (at === undefined) first.set(row.externalId, index);
      else {
        errors.push(
          fieldError(
            `${entity}.${index}.externalId`,
            message('imports.upsert.repeated', {
              externalId: row.externalId,
              path: `${entity}.${at}.externalId`,
            }),
          ),
        );
      }
    });
  }
  if (errors.length > 0) {
    throw invalid(errors, { key: 'intake.problem.duplicateExternalId' });
  }
}

class Rehearsed extends Error {
  readonly result: BulkUpsertResult;
  constructor(result: BulkUpsertResult) {
    super('rehearsed');
    this.result = result;
  }
}

export async function bulkUpsert(
  db: Db,
  clock: Clock,
  /** Whose change it is; their language is the one each rejected field's message is in. */
  by: ChangeAuthor & { locale: Locale },
  body: BulkUpsertBody,
): Promise<BulkUpsertResult> {
  refuseDuplicates(body);
  try {
    return await retriedTransaction(db, async (trx) => {
      const rejected: Rejected[] = [];
      const reject = (entity: Entity, index: number, externalId: string, errors: FieldError[]) =>
        rejected.push({ entity, index, externalId, errors });
      const accounts = await upsertAccounts(trx, by, body.accounts, reject);
      const contacts = await upsertContacts(trx, by, body.contacts, reject);
      const { accounts: changedAccounts, ...contracts } = await upsertContracts(
        trx,
        clock,
        by,
        body.contracts,
        reject,
      );
      const count = (entity: Entity, written: WriteCounts) => ({
        ...written,
        rejected: rejected.filter((r) => r.entity === entity).length,
      });
      const result: BulkUpsertResult = {
        dryRun: body.dryRun,
        accounts: count('accounts', accounts),
        contacts: count('contacts', contacts),
        contracts: count('contracts', contracts),
        rejected: rejected.map((r) => ({ ...r, errors: renderedErrors(r.errors, by.locale) })),
      };
      if (body.allOrNothing && rejected.length > 0) {
        throw invalid(
          rejected.flatMap((r) => r.errors),
          { key: 'intake.problem.upsertRows', params: { count: rejected.length } },
        );
      }
      if (body.dryRun) throw new Rehearsed(result);
      // The accounts whose contracts changed, once, at the end: an announcement holds the
      // workspace's wake-up job row until commit (billing's contracts.ts).
      await markAccountsChanged(trx, by.workspaceId, changedAccounts);
      const changed = [result.accounts, result.contacts, result.contracts].some(
        (c) => c.created + c.updated > 0,
      );
      if (changed) {
        await recordAudit(trx, by, {
          action: 'import.upsert',
          entityType: 'import',
          entityId: randomUUID(),
          changes: {
            accounts: result.accounts,
            contacts: result.contacts,
            contracts: result.contracts,
          },
        });
      }
      return result;
    });
  } catch (error) {
    if (error instanceof Rehearsed) return error.result;
    throw error;
  }
}
