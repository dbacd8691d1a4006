// Backfilling contracts from a CSV file: one row per contract, upserted by its external id,
// so running the same file again changes nothing. Every bad row is reported with its line
// and reasons (message keys, `intake.contractRow.*`, rendered for whoever reads the answer);
// the valid rows are imported only when asked to (skipInvalid). What a row says is read in
// contractRow.ts.
import { parse } from 'csv-parse/sync';
import { CsvError } from 'csv-parse';
import type { Db } from '../../../db/connect.ts';
import { retriedTransaction } from '../../../db/retry.ts';
import { renderMessage, type Locale } from '../../../i18n/index.ts';
import type { Clock } from '../../../lib/clock.ts';
import { unguardFormula } from '../../../lib/csvFormula.ts';
import { notCsv } from '../../../lib/csvProblem.ts';
import { AppError, fieldProblem } from '../../../lib/errors.ts';
import type { WorkspaceId } from '../../../lib/ids.ts';
import { markAccountsChanged } from '../../accounts/index.ts';
import { recordAudit, type ChangeAuthor } from '../../auth/index.ts';
import { applyContractState, contractChanged } from './contracts.ts';
import {
  contractProblem,
  readContractRow,
  readHeader,
  type ContractProblem,
  type ContractRecord,
  type Rejection,
} from './contractRow.ts';
import { contractAccounts, liveAccountsByExternalIds } from './store.ts';

/** A row's reasons as `locale`'s reader reads them: "why; why". */
export function contractReason(problems: readonly ContractProblem[], locale: Locale): string {
  return problems.map((p) => renderMessage(p, locale)).join('; ');
}

/** The backfill's answer as `locale`'s reader reads it: each rejected row's reasons rendered. */
export function importAnswer<T extends { rejected: Rejection[] }>(result: T, locale: Locale) {
  return {
    ...result,
    rejected: result.rejected.map(({ line, problems }) => ({
      line,
      reason: contractReason(problems, locale),
    })),
  };
}

type ParsedRow = { record: string[]; info: { lines: number } };

export function readContractsCsv(text: string): {
  records: ContractRecord[];
  rejected: Rejection[];
} {
  let rows: ParsedRow[];
  try {
    rows = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as ParsedRow[];
  } catch (error) {
    if (error instanceof CsvError) throw notCsv(error);
    throw error;
  }
  const [header, ...body] = rows;
  if (!header) throw new AppError('import.invalid_file', { key: 'intake.problem.emptyFile' });
  const columns = readHeader(header.record);
  const records: ContractRecord[] = [];
  const rejected: Rejection[] = [];
  const seen = new Map<string, number>();
  for (const row of body) {
    // csv-parse reports the line a record ends on; a contract row is one line.
    const line = row.info.lines;
    // A cell Steward's export guarded against spreadsheet formulas ("'=x") is its text again.
    const result = readContractRow(row.record.map(unguardFormula), columns, line);
    if ('problems' in result) {
      rejected.push({ line, problems: result.problems });
      continue;
    }
    const first = seen.get(result.record.externalId);
    if (first !== undefined) {
      rejected.push({
        line,
        problems: [
          contractProblem('contract_id', 'repeated', {
            externalId: result.record.externalId,
            line: String(first),
          }),
        ],
      });
      continue;
    }
    seen.set(result.record.externalId, line);
    records.push(result.record);
  }
  return { records, rejected };
}

/** Contracts written, and the accounts whose contracts were created or updated (id order). */
export type ContractWrites = {
  created: number;
  updated: number;
  unchanged: number;
  accounts: string[];
};

const byAccountId = (a: { accountId: string }, b: { accountId: string }) =>
  a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0;

/**
 * Writes checked contracts (the CSV backfill's and the bulk upsert's) in the caller's
 * transaction. Row by row: a backfill is rare and small next to live billing, and each
 * contract moves its account's MRR, which must be read before and after. Announces nothing:
 * the caller announces `accounts` as changed once, at the end of its transaction, since an
 * announcement holds the workspace's wake-up job row until commit (contracts.ts).
 *
 * Account by account in id order (an account's contracts in the order given), since each
 * account's row stays locked until the transaction ends: taken in the order of a file, a
 * contract's account was locked while the tracking intake, announcing its accounts in id
 * order after a batch, had added an earlier one of the file's and waited for that row (its
 * reference to the account), and the file's announcement at its end waited to add the same.
 * The account is the one a known contract stays with, not the one the file names: ordered by
 * the named one, two files naming a contract's account differently locked the same contracts
 * and accounts in opposite orders.
 */
export async function upsertContractRecords(
  db: Db,
  workspaceId: WorkspaceId,
  records: readonly (ContractRecord & { accountId: string })[],
  now: Date,
): Promise<ContractWrites> {
  const counts = { created: 0, updated: 0, unchanged: 0 };
  const changed = new Set<string>();
  const kept = await contractAccounts(
    db,
    workspaceId,
    records.map((r) => r.externalId),
  );
  const ordered = records
    .map((r) => ({ ...r, accountId: kept.get(r.externalId) ?? r.accountId }))
    .sort(byAccountId);
  for (const record of ordered) {
    const outcome = await applyContractState(db, {
      workspaceId,
      accountId: record.accountId,
      source: 'csv',
      externalId: record.externalId,
      plan: record.plan,
      seats: record.seats,
      mrrAmount: record.mrrAmount,
      currency: record.currency,
      status: record.status,
      startedAt: record.startedAt,
      endedAt: record.endedAt,
      currentPeriodEnd: record.currentPeriodEnd,
      stateAt: now,
      sourceEventId: `csv:${now.toISOString()}`,
      occurredAt: now,
      datedFromStart: true,
    });
    counts[outcome.result === 'stale' ? 'unchanged' : outcome.result] += 1;
    if (contractChanged(outcome)) changed.add(outcome.accountId);
  }
  return { ...counts, accounts: [...changed].sort() };
}

class DryRun extends Error {}

export type ImportOptions = { dryRun: boolean; skipInvalid: boolean };

export async function importContracts(
  db: Db,
  clock: Clock,
  by: ChangeAuthor,
  csv: string,
  options: ImportOptions,
) {
  const { records, rejected } = readContractsCsv(csv);
  const externalIds = [...new Set(records.map((r) => r.accountExternalId))];
  const accounts = externalIds.length
    ? await liveAccountsByExternalIds(db, by.workspaceId, externalIds)
    : [];
  const accountOf = new Map(accounts.map((a) => [a.external_id, a.id]));
  const valid: (ContractRecord & { accountId: string })[] = [];
  for (const record of records) {
    const accountId = accountOf.get(record.accountExternalId);
    if (accountId) valid.push({ ...record, accountId });
    else {
      rejected.push({
        line: record.line,
        problems: [
          contractProblem('account_external_id', 'noAccount', {
            externalId: record.accountExternalId,
          }),
        ],
      });
    }
  }
  rejected.sort((a, b) => a.line - b.line);
  if (rejected.length > 0 && !options.skipInvalid && !options.dryRun) {
    throw new AppError(
      'contract_import.invalid_rows',
      { key: 'intake.problem.contractRows', params: { count: rejected.length } },
      {
        errors: rejected.map((r) =>
          fieldProblem(`line ${r.line}`, 'intake.field.contractRow', {
            reason: {
              list: r.problems.map(({ key, params }) => (params ? { key, params } : { key })),
            },
          }),
        ),
      },
    );
  }

  const now = clock.now();
  let counts = { created: 0, updated: 0, unchanged: 0 };
  try {
    await retriedTransaction(db, async (trx) => {
      const { accounts, ...written } = await upsertContractRecords(trx, by.workspaceId, valid, now);
      counts = written;
      if (options.dryRun) throw new DryRun();
      // Every account the file changed, in one statement at the end (contracts.ts).
      await markAccountsChanged(trx, by.workspaceId, accounts);
      if (counts.created + counts.updated > 0) {
        await recordAudit(trx, by, {
          action: 'contracts.imported',
          entityType: 'contract_import',
          entityId: now.toISOString(),
          changes: { ...counts, rejected: rejected.length },
        });
      }
    });
  } catch (error) {
    if (!(error instanceof DryRun)) throw error;
  }
  return { dryRun: options.dryRun, ...counts, rejected };
}
