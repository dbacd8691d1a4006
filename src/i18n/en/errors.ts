// Problems the API answers (problem+json), in English: the title of each kind, the detail of
// each error code where the caller gave no more precise sentence, and the sentences the HTTP
// layer itself writes (`http`). Error codes name the keys under `detail` (`account.not_found`);
// a module's own, more precise sentences are in its area's catalog, under `problem`.
export const errors = {
  title: {
    badRequest: 'Bad request',
    unauthenticated: 'Sign-in required',
    forbidden: 'Not allowed',
    notFound: 'Not found',
    conflict: 'Conflict',
    tooLarge: 'Request too large',
    invalid: 'Invalid input',
    throttled: 'Too many attempts',
    unavailable: 'Temporarily unavailable',
    internal: 'Internal error',
  },
  detail: {
    database: {
      busy: 'Another change to the same records got in the way. Try again.',
      unavailable: 'The database is not answering. Try again in a moment.',
    },
    request: {
      invalid: 'Some fields are not valid.',
      malformed: 'The request could not be read.',
      too_large: 'The request is too large.',
      invalid_cursor: 'The cursor is not one this list gave.',
      not_found: 'There is no such API path.',
    },
    auth: {
      unauthenticated: 'Sign in, or send an API token.',
      invalid_credentials: 'The e-mail or the password is not right.',
      throttled: 'Too many attempts. Wait a little and try again.',
      forbidden: 'You are not allowed to do this.',
      cross_origin: 'This request came from another site.',
    },
    password_reset: {
      invalid: 'This reset link does not work any more. Ask for a new one.',
    },
    user: {
      not_found: 'There is no such person in this workspace.',
      email_taken: 'Someone in this workspace already has this e-mail.',
      manager_cycle: 'A person cannot report to someone who reports to them.',
    },
    api_token: { not_found: 'There is no such API token.' },
    account: {
      not_found: 'There is no such account.',
      external_id_taken: 'Another account already has this external id.',
      not_removed: 'This account is not removed: it is in the portfolio already.',
    },
    contact: { not_found: 'There is no such contact.' },
    custom_field: {
      not_found: 'There is no such custom field.',
      key_taken: 'Another custom field already has this key.',
    },
    segment: { not_found: 'There is no such segment.' },
    import: {
      not_found: 'There is no such import.',
      invalid_file: 'The file could not be read.',
    },
    template: { not_found: 'There is no such template.' },
    project: { not_found: 'There is no such project.' },
    task: {
      not_found: 'There is no such task.',
      not_allowed: 'This task cannot be changed that way.',
    },
    mention: { not_found: 'There is no such mention.' },
    holidays: {
      changed:
        'Someone else changed the holidays after you loaded them, so your change was not saved. Make it again on the list as it is now.',
    },
    intake: {
      invalid_message: 'A message is not valid.',
      too_large: 'A message or the batch is too large.',
    },
    write_key: { not_found: 'There is no such write key.' },
    feature: { key_taken: 'Another feature already has this key.' },
    webhook: {
      invalid_signature: 'The signature does not match.',
      invalid_payload: 'The webhook payload could not be read.',
    },
    webhook_secret: { not_found: 'There is no such signing secret.' },
    contract_import: { invalid_rows: 'Some rows are not valid.' },
    notification: { not_found: 'There is no such notification.' },
    sla_policy: { not_found: 'There is no such SLA policy.' },
    opportunity: { not_found: 'There is no such opportunity.' },
    meeting: {
      not_found: 'There is no such meeting.',
      not_allowed: 'This meeting cannot be changed that way.',
    },
    qbr_link: { not_found: 'There is no such QBR link.' },
    feedback: { not_found: 'There is no such feedback.' },
    feedback_theme: { not_found: 'There is no such theme.' },
    roadmap_item: { not_found: 'There is no such roadmap item.' },
    survey: {
      link_not_found: 'There is no such survey link.',
      link_used: 'This survey link has been answered already.',
      link_expired: 'This survey link has expired.',
      throttled: 'Too many answers. Wait a little and try again.',
    },
    slack: {
      invalid_signature: 'The Slack signature does not match.',
      member_id_taken: 'Someone else in this workspace has this Slack member ID.',
    },
    webhook_subscription: {
      not_found: 'There is no such webhook subscription.',
      disabled: 'This webhook subscription is turned off.',
    },
    webhook_delivery: { not_found: 'There is no such webhook delivery.' },
  },
  http: {
    invalidAddress: 'This address names nothing that can exist: check the link.',
    needsPermission: 'You need the permission “{{permission}}” for this.',
    tokenCannotChangeOwner: 'An API token cannot change its owner; sign in.',
    internal: 'Something went wrong on our side. Quote request id {{requestId}} when reporting it.',
    bodyTooLarge: 'The body is larger than {{bytes}} bytes.',
    badCursor: 'The cursor is not one this server gave out; start again without it.',
    malformedJson: 'Malformed JSON in request body',
    malformedForm: 'Malformed FormData request. {{reason}}',
  },
  // What a field's problem says in every area alike; an area's own are under `<area>.field`.
  field: {
    nul: 'must not contain the NUL character (U+0000)',
    required: 'is required',
    inUse: 'already in use',
    noUser: 'no such user in this workspace',
    noPerson: 'no such person in this workspace',
    noAccount: 'no such account',
    cursor: 'not a valid cursor',
    currencyCode: 'must be a three-letter ISO 4217 code such as USD',
    minorUnits: 'must be a whole number of minor units (cents)',
    notNegative: 'must not be negative',
    day: 'must be YYYY-MM-DD',
    writeSomething: 'write something',
    endsBeforeStart: 'must not be before the first day',
  },
};
