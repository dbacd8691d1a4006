// CSV imports in English: why a row of the file was rejected. A rejection is stored as its line
// and these keys with their parameters (intake/import/problems.ts), each after the field's name
// ("tier: must be one of …"), and rendered for whoever reads the import's report.
export const imports = {
  row: {
    columns_one: 'the row has {{count}} column, the header has {{header}}',
    columns_other: 'the row has {{count}} columns, the header has {{header}}',
    required: 'is required',
    externalIdRequired: 'is required: rows are matched to what exists by external id',
    accountRequired: 'is required: it names the account the contact belongs to',
    requiredForNew: 'is required for a new account',
    tooLong_one: 'must be at most {{count}} character',
    tooLong_other: 'must be at most {{count}} characters',
    tooLarge: 'is too large',
    oneOf: 'must be one of {{options}}',
    domain: 'must be a domain such as example.com',
    seats: 'must be a whole number of seats',
    date: 'must be a date as YYYY-MM-DD',
    email: 'must be an e-mail address',
    currency: 'must be a three-letter ISO 4217 code such as USD',
    amount: 'must be an amount in major units such as 120000 or 120000.50',
    decimals_one: '{{currency}} has {{count}} decimal place at most',
    decimals_other: '{{currency}} has {{count}} decimal places at most',
    noOwner: 'no one with the e-mail {{email}} in this workspace',
    repeated: '{{externalId}} is on line {{line}} already',
    repeatedDay: '{{feature}} of {{account}} on {{day}} is on line {{line}} already',
    noAccount: 'no account has the external id {{externalId}}',
    count: 'must be a whole number, 0 or more',
    userIdTooLong: 'a user id is over 200 characters',
    tooManyUsers: 'at most {{max}} users a row',
    loginsOverEvents: 'cannot be more than the events',
    // Rows rejected before reasons were kept in every language (migration 0024).
    checkAgain:
      'rejected before this report could be shown in your language: check the file again for the reason',
  },
  // The fields a CSV column can be imported into, as the import screen lists them.
  field: {
    externalId: 'External ID',
    name: 'Name',
    contactName: 'Name',
    domain: 'Domain',
    tier: 'Tier',
    plan: 'Plan',
    arr: 'ARR (major units, e.g. 120000.50)',
    currency: 'Currency of ARR (default USD)',
    seats: 'Seats',
    stage: 'Stage',
    renewalDate: 'Renewal date (YYYY-MM-DD)',
    priority: 'Priority',
    owner: "Owner's e-mail",
    accountExternalId: "Account's external ID",
    firstName: 'First name (with the last name, the name)',
    lastName: 'Last name (with the first name, the name)',
    email: 'E-mail',
    title: 'Title',
    phone: 'Phone',
    role: 'Role',
    day: 'Day (YYYY-MM-DD, UTC)',
    feature: "Feature key, or an event name (counted under its catalog's feature)",
    events: 'Events that day',
    logins: 'Logins among them (default: all of them for a login event, else none)',
    activeUsers: "Active users' ids (as Segment's userId), separated by ; or spaces",
  },
  mapping: {
    noColumn: 'no such column in the file',
    unknownField: 'unknown field "{{field}}"',
    mappedTwice: '"{{field}}" is mapped from the column "{{column}}" already',
    requiredField: 'no column is mapped to "{{field}}", which is required',
    notJson: 'must be a JSON object of column → field',
    presetLacks: 'the {{preset}} preset has no {{entity}} mapping',
    pair: 'write it as "Column=field"',
  },
  // A CRM's bulk upsert (POST /bulk-upsert): what only a row sent as JSON can get wrong.
  upsert: {
    noCustomField: 'no custom field has this key',
    requiredForNewContact: 'is required for a new contact',
    currencyDiffers: 'differs from mrr.currency',
    repeated: '"{{externalId}}" is also {{path}}',
  },
  // Why a whole import failed (imports.failure), after the problem's own detail.
  failure: {
    stopped: 'The import stopped unexpectedly; it will be retried.',
    field: 'does not fit',
    // Imports that failed before 0024, whose English reason was not kept.
    before:
      'This import failed before its reason could be shown in your language: upload the file again to see why.',
  },
};
