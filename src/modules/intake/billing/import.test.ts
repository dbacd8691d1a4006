import { describe, expect, it } from 'vitest';
import { readContractsCsv } from './import.ts';

describe("a contracts file Steward's export wrote", () => {
  it('reads a cell guarded against spreadsheet formulas as the text it was', () => {
    const { records, rejected } = readContractsCsv(
      [
        'contract_id,account_external_id,plan,mrr,currency,start_date',
        "'-7,'=crm-1,'+Pro,100.00,USD,2026-01-01",
        "c-2,crm-2,''=quoted,50,USD,2026-01-01",
      ].join('\n'),
    );
    expect(rejected).toEqual([]);
    expect(records.map((r) => [r.externalId, r.accountExternalId, r.plan])).toEqual([
      ['-7', '=crm-1', '+Pro'],
      ['c-2', 'crm-2', "'=quoted"],
    ]);
  });
});
