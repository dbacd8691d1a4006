import { describe, expect, it } from 'vitest';
import type { CustomFieldDefinition } from '../../accounts/index.ts';
import { importFields, mappingFromPairs, planImport } from './fields.ts';
import { rejectionReason } from './problems.ts';
import { progressLine } from './progress.ts';
import {
  readAccountRow,
  readArr,
  readContactRow,
  type Cell,
  type RowContext,
  type RowResult,
} from './rows.ts';

/** A rejected row's reason as an English reader sees it. */
function inEnglish<T>(result: RowResult<T>) {
  return 'problems' in result ? { reason: rejectionReason(result.problems, 'en') } : result;
}

function cellInEnglish<T>(cell: Cell<T>) {
  return 'problem' in cell ? { problem: rejectionReason([cell.problem], 'en') } : cell;
}

const region: CustomFieldDefinition = {
  key: 'region',
  label: 'Region',
  type: 'select',
  options: ['NA', 'EMEA'],
  required: false,
};
const goLive: CustomFieldDefinition = {
  key: 'go_live',
  label: 'Go-live',
  type: 'date',
  options: null,
  required: true,
};
const accountFieldList = importFields('accounts', [region, goLive]);
const context: RowContext = {
  customFields: new Map([
    ['region', region],
    ['go_live', goLive],
  ]),
  owners: new Map([['jordan@example.test', 'user-1']]),
};

function account(header: string[], cells: string[], mapping?: Record<string, string>) {
  return inEnglish(
    readAccountRow(cells, 7, planImport('accounts', accountFieldList, header, mapping), context),
  );
}

describe('mapping CSV columns to fields', () => {
  it('maps headers that name a field, whatever their case, spaces or underscores', () => {
    const plan = planImport('accounts', accountFieldList, [
      'External ID',
      'NAME',
      'renewal_date',
      'Renewal date 2',
      'Region',
      'cf.go_live',
      'Notes',
    ]);
    expect(plan.mapping).toEqual({
      'External ID': 'externalId',
      NAME: 'name',
      renewal_date: 'renewalDate',
      'Renewal date 2': '',
      Region: 'cf.region',
      'cf.go_live': 'cf.go_live',
      Notes: '',
    });
    expect(plan.ignoredColumns).toEqual(['Renewal date 2', 'Notes']);
  });

  it('lets an explicit mapping win and still maps the other columns by name', () => {
    const plan = planImport('accounts', accountFieldList, ['Id', 'Company', 'name', 'Tier'], {
      Id: 'externalId',
      Company: 'name',
    });
    expect(plan.mapping).toEqual({ Id: 'externalId', Company: 'name', name: '', Tier: 'tier' });
  });

  it('names the column of a mapping that does not fit, and a missing required field', () => {
    expect(() =>
      planImport('accounts', accountFieldList, ['Id', 'Company', 'Size'], {
        Id: 'externalId',
        Size: 'headcount',
        Missing: 'plan',
      }),
    ).toThrow(
      expect.objectContaining({
        errors: [
          expect.objectContaining({ path: 'mapping.Size', message: 'unknown field "headcount"' }),
          expect.objectContaining({
            path: 'mapping.Missing',
            message: 'no such column in the file',
          }),
          expect.objectContaining({
            path: 'mapping',
            message: 'no column is mapped to "name", which is required',
          }),
        ],
      }),
    );
  });

  it('reads --map options as Column=field, the field after the last "="', () => {
    expect(mappingFromPairs(['a=b=name', 'Id=externalId'])).toEqual({
      'a=b': 'name',
      Id: 'externalId',
    });
  });
});

describe('checking an account row', () => {
  const header = ['externalId', 'name', 'tier', 'arr', 'currency', 'owner', 'region', 'go_live'];

  it('turns a good row into columns: ARR in minor units, owner by e-mail, custom fields typed', () => {
    const result = account(header, [
      'crm-1',
      ' Acme ',
      'Mid Market',
      '120,000.50',
      'eur',
      'Jordan@Example.test',
      'EMEA',
      '2027-01-15',
    ]);
    expect(result).toEqual({
      record: {
        line: 7,
        externalId: 'crm-1',
        columns: {
          name: 'Acme',
          tier: 'mid_market',
          arr_amount: 12_000_050,
          currency: 'EUR',
          owner_id: 'user-1',
        },
        customFields: { region: 'EMEA', go_live: '2027-01-15' },
      },
    });
  });

  it('rejects a row naming every field that does not fit', () => {
    const result = account(header, [
      '',
      'Acme',
      'huge',
      '12k',
      'USD',
      'nobody@example.test',
      'APAC',
      '',
    ]);
    expect(result).toEqual({
      reason: [
        'externalId: is required: rows are matched to what exists by external id',
        'tier: must be one of enterprise, mid_market, smb',
        'arr: must be an amount in major units such as 120000 or 120000.50',
        'owner: no one with the e-mail nobody@example.test in this workspace',
        'cf.region: must be one of: NA, EMEA',
        'cf.go_live: is required',
      ].join('; '),
    });
  });

  it('counts ARR in the minor units of its currency', () => {
    expect(readArr('5000', 'JPY')).toEqual({ value: 5000 });
    expect(cellInEnglish(readArr('5000.5', 'JPY'))).toEqual({
      problem: 'JPY has 0 decimal places at most',
    });
    expect(readArr('0.07', 'USD')).toEqual({ value: 7 });
  });

  it('rejects a row with more or fewer cells than the header', () => {
    expect(account(['externalId', 'name'], ['a', 'b', 'c'])).toEqual({
      reason: 'the row has 3 columns, the header has 2',
    });
  });
});

describe('checking a contact row', () => {
  const plan = planImport('contacts', importFields('contacts', []), [
    'External ID',
    'Account External ID',
    'Name',
    'Email',
    'Role',
  ]);

  it('reads a contact with its role and e-mail', () => {
    expect(readContactRow(['c-1', 'crm-1', 'Ada', 'ADA@x.example', 'Champion'], 2, plan)).toEqual({
      record: {
        line: 2,
        externalId: 'c-1',
        accountExternalId: 'crm-1',
        columns: { name: 'Ada', email: 'ada@x.example', role: 'champion' },
      },
    });
  });

  it('requires the account and a valid e-mail', () => {
    expect(inEnglish(readContactRow(['c-1', '', 'Ada', 'not mail', 'user'], 2, plan))).toEqual({
      reason:
        'accountExternalId: is required: it names the account the contact belongs to; email: must be an e-mail address',
    });
  });
});

describe('the progress bar', () => {
  it('shows the share of bytes read, rows and rate', () => {
    expect(
      progressLine({ processedBytes: 512 * 1024, processedRows: 5000 }, 1024 * 1024, 2000),
    ).toBe('[###############---------------]  50% 0.5/1.0 MB · 5,000 rows · 2,500 rows/s');
  });
});
