// Accounts in English: what the server writes on an account's timeline — changes a CSM made,
// tickets, payments and MRR movements from intake, work milestones — and what goes wrong with
// accounts, contacts, custom fields and segments (`problem`, a field's rule: `field`).
export const accounts = {
  stage: {
    onboarding: 'onboarding',
    adopting: 'adopting',
    steady: 'steady',
    renewing: 'renewing',
    churned: 'churned',
  },
  ticketPriority: {
    urgent: 'urgent',
    high: 'high',
    normal: 'normal',
    low: 'low',
  },
  movement: {
    new: 'New subscription',
    expansion: 'Expansion',
    contraction: 'Contraction',
    churn: 'Churned',
    reactivation: 'Reactivated',
  },
  timeline: {
    /** A logged event's title when the CSM gave none. */
    kind: {
      note: 'Note',
      call: 'Call',
      email: 'E-mail',
      meeting: 'Meeting',
    },
    nobody: 'nobody',
    ownerChanged: 'Owner changed from {{from}} to {{to}}',
    stageChanged: 'Stage changed from {{from}} to {{to}}',
    priorityChanged: 'Priority changed from {{from}} to {{to}}',
    ticketOpened: 'Ticket opened: {{subject}} ({{priority}})',
    ticketSolved: 'Ticket solved: {{subject}}',
    paymentFailed: 'Payment failed: {{amount}}, attempt {{attempt}}',
    invoicePaid: 'Invoice paid: {{amount}}',
    mrrMoved: '{{movement}}: MRR {{sign}}{{change}} to {{mrr}}',
    mrrMovedOnPlan: '{{movement}}: MRR {{sign}}{{change}} to {{mrr}} ({{plan}})',
    createdFromSegment:
      'Created from a Segment group call without an owner: no account matched its groupId or domain — review',
    taskCompleted: 'Task completed: {{task}}',
    stageCompleted: 'Stage completed: {{stage}}',
    projectStarted: 'Project "{{project}}" started',
    projectFromTemplate: 'Project started from the template "{{template}}" (version {{version}})',
    projectCompleted: 'Project completed: {{project}}',
  },
  problem: {
    noAccount: 'No such account.',
    externalIdTaken: 'Another account has the external id {{externalId}}.',
    noContact: 'No such contact.',
    customFieldTaken: 'A custom field "{{key}}" exists already.',
    customFieldValues: 'Some custom field values do not fit their fields.',
    noSegment: 'No such segment.',
    noSegmentOfYours: 'No such segment of yours.',
    shareNeedsPermission: 'Sharing a segment needs "manage_accounts".',
    filters: 'Some filters are not valid.',
  },
  field: {
    domain: 'must be a domain such as example.com',
    customFieldKey: 'lower-case letters, digits and _, starting with a letter',
    selectNeedsOptions: 'a select field needs its options',
    noOptions: 'a {{type}} field has no options',
    optionsDiffer: 'options must differ',
  },
};
