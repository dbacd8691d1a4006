// Column mappings for CRMs' standard exports, so their CSV files import without editing.
// Each preset names the columns of both of a CRM's usual exports; only the columns a file has
// are applied, and columns named like a field (Name, Email, Title, Phone) map themselves.
//
// Salesforce: the Data Export service and Data Loader (API names: Account.csv with Id, Name,
// Website; Contact.csv with Id, AccountId, FirstName, LastName, Email, Title, Phone) and
// report exports (labels: "Account ID", "Account Name", "Contact ID", "First Name"…).
// HubSpot: the companies and contacts exports ("Record ID", "Company name", "Company Domain
// Name"; "First Name", "Last Name", "Job Title", "Phone Number", and the associated company's
// record id). Owners are left out: both name a CRM user (an id or a name), not an e-mail.
import { fieldProblem, invalid } from '../../../lib/errors.ts';
import { comparable, type ImportEntity } from './fields.ts';

export const importPresetNames = ['salesforce', 'hubspot'] as const;
export type ImportPresetName = (typeof importPresetNames)[number];

type Preset = Partial<Record<ImportEntity, Record<string, string>>>;

export const importPresets: Record<ImportPresetName, Preset> = {
  salesforce: {
    accounts: {
      Id: 'externalId',
      'Account ID': 'externalId',
      Name: 'name',
      'Account Name': 'name',
      Website: 'domain',
      NumberOfEmployees: '',
      AnnualRevenue: '',
    },
    contacts: {
      Id: 'externalId',
      'Contact ID': 'externalId',
      AccountId: 'accountExternalId',
      'Account ID': 'accountExternalId',
      Name: 'name',
      'Full Name': 'name',
      FirstName: 'firstName',
      'First Name': 'firstName',
      LastName: 'lastName',
      'Last Name': 'lastName',
      Email: 'email',
      Title: 'title',
      Phone: 'phone',
      'Business Phone': 'phone',
    },
  },
  hubspot: {
    accounts: {
      'Record ID': 'externalId',
      'Company ID': 'externalId',
      'Company name': 'name',
      'Company Domain Name': 'domain',
      'Website URL': 'domain',
      'Annual Revenue': '',
      'Phone Number': '',
    },
    contacts: {
      'Record ID': 'externalId',
      'Contact ID': 'externalId',
      'Associated Company ID': 'accountExternalId',
      'Associated Company IDs': 'accountExternalId',
      'Primary Associated Company ID': 'accountExternalId',
      'Associated Company IDs (Primary)': 'accountExternalId',
      'First Name': 'firstName',
      'Last Name': 'lastName',
      Email: 'email',
      'Job Title': 'title',
      'Phone Number': 'phone',
    },
  },
};

/**
 * The preset's mapping for the columns of this header (matched as a person would: case,
 * spaces and underscores aside); a field two columns could feed takes the first.
 */
export function presetMapping(
  name: ImportPresetName,
  entity: ImportEntity,
  header: readonly string[],
): Record<string, string> {
  const preset = importPresets[name][entity];
  if (!preset) {
    throw invalid([
      fieldProblem('preset', 'imports.mapping.presetLacks', { preset: name, entity }),
    ]);
  }
  const byColumn = new Map(Object.entries(preset).map(([column, f]) => [comparable(column), f]));
  const mapping: Record<string, string> = {};
  const taken = new Set<string>();
  for (const column of header) {
    const field = byColumn.get(comparable(column));
    if (field === undefined) continue;
    if (field !== '' && taken.has(field)) {
      mapping[column] = '';
      continue;
    }
    mapping[column] = field;
    if (field !== '') taken.add(field);
  }
  return mapping;
}
