// The bulk upsert's contracts: read by billing's own contract reader (as the contract backfill's
// CSV lines are) and written through billing's contract path, each one's whole state. The
// accounts whose contracts changed come back for the bulk upsert to announce at its end.
import type { Db } from '../../../db/connect.ts';
import type { Clock } from '../../../lib/clock.ts';
import type { FieldError } from '../../../lib/errors.ts';
import { majorUnitsText } from '../../../lib/moneyText.ts';
import { accountIdsByExternalId } from '../../accounts/index.ts';
import type { ChangeAuthor } from '../../auth/index.ts';
import {
  contractColumns,
  readContractRow,
  upsertContractRecords,
  type ContractRecord,
  type ContractWrites,
} from '../billing/index.ts';
import { message } from '../../../i18n/index.ts';
import { fieldError, rowMessage } from './problems.ts';
import { text, type Reject } from './upsertRows.ts';
import type { BulkUpsertBody } from './upsertSchema.ts';

const contractPaths: Record<string, string> = {
  contract_id: 'externalId',
  account_external_id: 'accountExternalId',
  start_date: 'startDate',
  end_date: 'endDate',
  currency: 'mrr',
  mrr: 'mrr',
  arr: 'arr',
  seats: 'seats',
  status: 'status',
  plan: 'plan',
};

export async function upsertContracts(
  db: Db,
  clock: Clock,
  by: ChangeAuthor,
  rows: BulkUpsertBody['contracts'],
  reject: Reject,
): Promise<ContractWrites> {
  if (rows.length === 0) return { created: 0, updated: 0, unchanged: 0, accounts: [] };
  const { workspaceId } = by;
  const accounts = await accountIdsByExternalId(
    db,
    workspaceId,
    rows.map((r) => r.accountExternalId.trim()),
  );
  const header = [
    'contract_id',
    'account_external_id',
    'plan',
    'mrr',
    'arr',
    'currency',
    'seats',
    'start_date',
    'end_date',
    'status',
  ];
  const columns = contractColumns(header);
  const ready: (ContractRecord & { accountId: string })[] = [];
  rows.forEach((row, index) => {
    const prefix = `contracts.${index}`;
    const money = row.mrr ?? row.arr;
    const cells = [
      row.externalId,
      row.accountExternalId,
      row.plan ?? '',
      row.mrr ? majorUnitsText(row.mrr) : '',
      row.arr ? majorUnitsText(row.arr) : '',
      money?.currency ?? '',
      text(row.seats) ?? '',
      row.startDate ?? '',
      row.endDate ?? '',
      row.status ?? '',
    ];
    const errors: FieldError[] = [];
    if (row.mrr && row.arr && row.mrr.currency !== row.arr.currency) {
      errors.push(fieldError(`${prefix}.arr.currency`, message('imports.upsert.currencyDiffers')));
    }
    const read = readContractRow(cells, columns, index);
    if ('problems' in read) {
      // Billing's reader names the column each reason is about: the row's field it came from.
      for (const { column, ...said } of read.problems) {
        const field = column === undefined ? undefined : contractPaths[column];
        errors.push(fieldError(field ? `${prefix}.${field}` : prefix, said));
      }
    }
    const accountId = accounts.get(row.accountExternalId.trim());
    if (accountId === undefined) {
      errors.push(
        fieldError(
          `${prefix}.accountExternalId`,
          rowMessage('noAccount', { externalId: row.accountExternalId }),
        ),
      );
    }
    if (errors.length > 0 || !('record' in read) || accountId === undefined) {
      reject('contracts', index, row.externalId, errors);
      return;
    }
    ready.push({ ...read.record, accountId });
  });
  return upsertContractRecords(db, workspaceId, ready, clock.now());
}
