// Intake in English: what goes wrong receiving Stripe events, help desk tickets, Segment
// messages and CSV files.
export const intake = {
  problem: {
    notJson: 'The body is not valid JSON.',
    stripeHeaderMissing: 'The Stripe-Signature header is missing.',
    stripeHeaderIncomplete: 'The Stripe-Signature header has no timestamp or no v1 signature.',
    staleSignature_one: "The signature's timestamp is more than {{count}} second away from now.",
    staleSignature_other: "The signature's timestamp is more than {{count}} seconds away from now.",
    stripeNoMatch: 'No signature matches a configured Stripe webhook secret.',
    noWorkspace: 'There is no workspace to receive events.',
    notStripeEvent: 'The body is not a Stripe event Steward can read.',
    supportSignature:
      'X-Steward-Signature must be t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>"> under a live support secret.',
    notTicket: 'The body is neither a Zendesk ticket nor a generic ticket Steward can read.',
    noWebhookSecret: 'No such webhook secret.',
    noWriteKey: 'No such write key.',
    writeKeyNeeded: 'Send a live Steward write key as the HTTP Basic username (password empty).',
    requestTooLarge: 'The request is larger than {{bytes}} bytes.',
    noValidMessages: 'The messages are not valid Segment messages; none were accepted.',
    someMessagesLeftOut:
      '{{stored}} messages were stored; {{left}} were not valid and were left out.',
    featureKeyTaken: 'A feature with the key {{key}} exists.',
    noReviewItem: 'No delivery waiting for review has this id.',
    keptEventUnreadable: 'The kept event no longer reads.',
    keptTicketUnreadable: 'The kept ticket no longer reads.',
    sendCsv: 'Send the file as text/csv.',
    missingColumns_one:
      'The header has no {{columns}} column: the first line must name the columns.',
    missingColumns_other:
      'The header has no {{columns}} columns: the first line must name the columns.',
    missingColumnsAndAmount:
      'The header has no {{columns}}, mrr or arr column: the first line must name the columns.',
    missingAmountColumn:
      'The header has no mrr or arr column: the first line must name the columns.',
    emptyFile: 'The file is empty.',
    emptyCsv: 'The file is empty: a CSV file starts with a header.',
    binaryFile: 'This is not a CSV file: it holds binary data.',
    noHeader: 'The first line of the file is not a header.',
    duplicateColumn: 'The column "{{column}}" appears twice in the header.',
    mappingMisfit: 'The column mapping does not fit this import.',
    mappingUnreadable: 'The column mapping could not be read.',
    duplicateExternalId: 'An external id appears twice in one list; nothing was written.',
    noImport: 'No such import.',
    importTooLarge: 'An import file may be 50 MB at most.',
    contractRows_one:
      '{{count}} row is not valid; nothing was imported. Fix it, or import the rest with skipInvalid=true.',
    contractRows_other:
      '{{count}} rows are not valid; nothing was imported. Fix them, or import the rest with skipInvalid=true.',
    upsertRows_one: '{{count}} row is not valid; nothing was written.',
    upsertRows_other: '{{count}} rows are not valid; nothing was written.',
  },
  field: {
    stripeSecret: 'must be a Stripe signing secret (whsec_…)',
    currency: 'must be a three-letter currency code',
    email: 'must be an e-mail address',
    featureKey: 'lowercase letters, digits, _ . - only',
    featureKeyUsed: 'already used by another feature',
    ticketAccount: 'give accountExternalId or accountDomain',
    // A Segment message.
    isoDate: 'is not an ISO 8601 date',
    messageTooLarge: 'is larger than {{bytes}} bytes',
    jsonObject: 'must be a JSON object',
    messageType: 'must be one of {{types}}',
    userOrAnonymous: 'userId or anonymousId is required',
    batch: 'must be an array of messages',
    // A contract row rejected by the contract backfill: its reasons (`contractRow.*`).
    contractRow: '{{reason}}',
  },
  // Why a contract row is rejected (the contract backfill, the bulk upsert's contracts): each
  // reason names its column first, as the file's header does.
  contractRow: {
    contractIdRequired: 'contract_id is required',
    contractIdTooLong_one: 'contract_id must be at most {{count}} character',
    contractIdTooLong_other: 'contract_id must be at most {{count}} characters',
    accountRequired: 'account_external_id is required',
    currency: 'currency must be a three-letter code such as USD',
    mrrAndArr: 'give mrr or arr, not both',
    mrrOrArr: 'mrr or arr is required',
    amount: '{{column}} must be an amount such as 1200.00',
    decimals: '{{column}} has more decimals than {{currency}} has',
    tooLarge: '{{column}} is too large',
    seats: 'seats must be a whole number',
    date: '{{column}} must be a date as YYYY-MM-DD',
    noSuchDay: '{{column}} {{day}} is not a day of the calendar',
    status: 'status must be one of {{statuses}}',
    planTooLong_one: 'plan must be at most {{count}} character',
    planTooLong_other: 'plan must be at most {{count}} characters',
    repeated: 'contract_id {{externalId}} repeats line {{line}}',
    noAccount: 'account_external_id: no account has the external id {{externalId}}',
  },
  // Why a delivery was kept for review (intake_review.reason): it named no account Steward knows.
  review: {
    stripeCustomer:
      'No account matches Stripe customer {{customer}}: set metadata.steward_account_id or metadata.external_id on the customer or subscription.',
    stripeCustomerDomain:
      'No account matches Stripe customer {{customer}}: set metadata.steward_account_id or metadata.external_id on the customer or subscription, or give exactly one account the domain {{domain}}.',
    // The customer a Stripe event names, when it names none.
    noCustomer: '(none)',
    ticket: 'No account matches ticket {{ticket}}.',
    ticketExternalId: 'No account matches ticket {{ticket}} (external id {{externalId}}).',
    ticketDomain: 'No account matches ticket {{ticket}} (domain {{domain}}).',
    ticketExternalIdDomain:
      'No account matches ticket {{ticket}} (external id {{externalId}}) (domain {{domain}}).',
    // Kept before 0026 with an English reason no known sentence matches.
    before:
      'No account matches this delivery. Its reason was recorded before it could be shown in your language.',
  },
  // Why a file is not CSV, from the CSV reader's own error (its code) and the line it stopped on.
  csv: {
    quoteNotClosed:
      'The file is not valid CSV: a quoted cell is still open where the file ends (line {{line}}). Close the quote, or double a quote inside a cell ("").',
    openingQuote:
      'The file is not valid CSV at line {{line}}: a quote is inside a cell that does not start with one. Quote the whole cell, and double the quote inside it ("").',
    closingQuote:
      'The file is not valid CSV at line {{line}}: a quote closes a cell, but more follows it before the comma. Quote the whole cell, and double a quote inside it ("").',
    cellCount: 'The file is not valid CSV at line {{line}}: the row has another number of cells.',
    rowTooLarge: 'The file is not valid CSV at line {{line}}: the row is too large.',
    invalidAt: 'The file is not valid CSV at line {{line}}.',
    invalid: 'The file is not valid CSV.',
  },
};
