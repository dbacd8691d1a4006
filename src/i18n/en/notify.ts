// Notifications, digests, Slack replies and escalations, in English, and what goes wrong with
// them (`problem`).
export const notify = {
  /** Someone's own words (a comment excerpt) or a sentence stored before messages had keys. */
  text: '{{text}}',
  event: {
    taskCreated: '{{actor}} created “{{task}}” ({{account}})',
    taskUpdated: '{{actor}} updated “{{task}}” ({{account}})',
    taskAssigned: '{{actor}} assigned “{{task}}” ({{account}})',
    taskCommented: '{{actor}} commented on “{{task}}” ({{account}})',
    mentioned: '{{actor}} mentioned you on “{{task}}” ({{account}})',
    accountUpdated: '{{actor}} updated {{account}}',
    healthChanged: 'Health changed for {{account}}',
    playOpened: 'Play opened for {{account}}',
    slaWarning: 'SLA warning: “{{task}}” ({{account}}) breaches “{{policy}}” soon',
    slaBreach: 'SLA breached: “{{task}}” ({{account}}) — “{{policy}}”',
    escalation: 'Escalation: “{{task}}” ({{account}}) breached “{{policy}}”',
    mentionEscalation: 'Escalation: a mention on “{{task}}” ({{account}}) is still unanswered',
  },
  detail: {
    breachAt: 'Breach at {{at}}',
  },
  group: {
    slaWarningProject_one:
      '{{account}}: {{count}} task on “{{project}}” breaches “{{policy}}” soon',
    slaWarningProject_other:
      '{{account}}: {{count}} tasks on “{{project}}” breach “{{policy}}” soon',
    slaBreachProject_one: '{{account}}: {{count}} task on “{{project}}” passed “{{policy}}”',
    slaBreachProject_other: '{{account}}: {{count}} tasks on “{{project}}” passed “{{policy}}”',
    escalationProject_one:
      'Escalation — {{account}}: {{count}} task on “{{project}}” passed “{{policy}}”',
    escalationProject_other:
      'Escalation — {{account}}: {{count}} tasks on “{{project}}” passed “{{policy}}”',
    mentionEscalationProject_one:
      'Escalation — {{account}}: {{count}} mention on “{{project}}” is still unanswered',
    mentionEscalationProject_other:
      'Escalation — {{account}}: {{count}} mentions on “{{project}}” are still unanswered',
    slaWarningAccount_one: '{{account}}: {{count}} task breaches “{{policy}}” soon',
    slaWarningAccount_other: '{{account}}: {{count}} tasks breach “{{policy}}” soon',
    slaBreachAccount_one: '{{account}}: {{count}} task passed “{{policy}}”',
    slaBreachAccount_other: '{{account}}: {{count}} tasks passed “{{policy}}”',
    escalationAccount_one: 'Escalation — {{account}}: {{count}} task passed “{{policy}}”',
    escalationAccount_other: 'Escalation — {{account}}: {{count}} tasks passed “{{policy}}”',
    mentionEscalationAccount_one: 'Escalation — {{account}}: {{count}} mention is still unanswered',
    mentionEscalationAccount_other:
      'Escalation — {{account}}: {{count}} mentions are still unanswered',
  },
  digest: {
    subject_one: 'Your Steward digest for {{date}}: {{count}} update',
    subject_other: 'Your Steward digest for {{date}}: {{count}} updates',
    greeting: 'Good morning, {{name}}.',
    otherAccount: 'Other',
    comments_one: '{{count}} comment on “{{task}}”',
    comments_other: '{{count}} comments on “{{task}}”',
    updates_one: '{{count}} update on “{{task}}”',
    updates_other: '{{count}} updates on “{{task}}”',
    newTasks_one: '{{count}} new task: “{{task}}”',
    newTasks_other: '{{count}} new tasks: “{{task}}”',
    assignments_one: '{{count}} assignment on “{{task}}”',
    assignments_other: '{{count}} assignments on “{{task}}”',
    mentions_one: '{{count}} mention on “{{task}}”',
    mentions_other: '{{count}} mentions on “{{task}}”',
    repeated: '{{text}} (×{{count}})',
  },
  channel: {
    open: 'Open in Steward',
    subject: 'Steward',
  },
  slack: {
    usage: 'Usage: /steward <account name>',
    noMatch: 'No account matches “{{name}}”.',
    severalWorkspaces:
      'This Slack workspace is not linked to Steward, which has several workspaces. Link your Slack account first: in Steward, open Settings → Notifications → Link Slack, then type the command it shows here.',
    health: '*Health:* {{score}}/100 ({{category}})',
    healthUnscored: '*Health:* not scored yet',
    churnRisk: '*Churn risk:* {{level}}',
    churnRiskUnassessed: '*Churn risk:* not assessed yet',
    renewal_one: '*Renewal:* {{date}} (in {{count}} day)',
    renewal_other: '*Renewal:* {{date}} (in {{count}} days)',
    renewalPast_one: '*Renewal:* {{date}} ({{count}} day ago)',
    renewalPast_other: '*Renewal:* {{date}} ({{count}} days ago)',
    renewalToday: '*Renewal:* {{date}} (today)',
    renewalNone: '*Renewal:* no renewal date',
    escalations: '*Open escalations:* {{tasks}}',
    escalationsNone: '*Open escalations:* none',
    otherTeam:
      'This Slack workspace is not the one Steward answers, so nothing was done. Ask your Steward admin.',
    notConnected:
      'Steward is not connected to this Slack workspace yet. Link your Slack account first: in Steward, open Settings → Notifications → Link Slack, then type the command it shows here.',
    link: {
      usage:
        'To link your Slack account: in Steward, open Settings → Notifications → Link Slack, then type /steward link <code> here.',
      linked:
        'Linked: Steward knows you as {{name}} here now, and answers you in your language and time zone.',
      unknown:
        'That is not a code Steward gave, or it was already used. Start a new link in Steward: Settings → Notifications → Link Slack.',
      expired:
        'That code has expired: a code works for 10 minutes. Start a new link in Steward: Settings → Notifications → Link Slack.',
      noMember: 'Slack did not say which member you are, so nothing was linked.',
      taken:
        'This Slack account is linked to someone else in Steward. They can unlink it in their notification settings; then start a new link.',
    },
    category: {
      healthy: 'healthy',
      atRisk: 'at risk',
      critical: 'critical',
    },
    risk: {
      low: 'low',
      medium: 'medium',
      high: 'high',
      critical: 'critical',
    },
  },
  problem: {
    noNotification: 'No such notification of yours.',
    noSlaPolicy: 'No such SLA policy.',
    slackNeedsPermission: 'Connecting Slack needs the "manage_api_tokens" permission.',
    slackSignature: 'The Slack signature is not valid.',
  },
  field: {
    timeZone: 'must be an IANA time zone',
    duration: 'must be a whole number of minutes, hours or days (ISO 8601, such as "PT2H")',
    workdayTime: 'must be a time of day such as "09:00"',
    quietTime: 'must be a time of day such as "22:00"',
    warnAt: 'must be between 0 and 1 (a share of the threshold)',
    afterStart: 'must be after start',
    chainLoop: 'the chain already notifies {{person}}: a chain must not loop',
    stepOrder: 'must not come before the step above it',
    quietHours: 'quiet hours must end at another time than they start',
    slackUrl: 'must be a URL',
    slackWebhook: 'must be a Slack webhook URL (https://{{host}}/…)',
    slackWebhookOr: 'must be a Slack webhook URL (https://{{host}}/…) or one on {{hosts}}',
    slackMemberLinkOnly:
      'is linked from Slack, not typed: in Settings → Notifications choose Link Slack, then type /steward link <code> in Slack',
  },
};
