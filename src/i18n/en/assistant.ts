// Ask Steward in English: the answer's sentence for each intent, what it says when it cannot
// answer, and an example question per intent (suggestions and the quick actions).
export const assistant = {
  unknown: "I'm not sure what you're asking. Did you mean one of these?",
  notAllowed: "You don't have access to {{topic}}: it needs the “{{permission}}” permission.",
  notYet: '{{topic}} cannot be answered yet: that part of Steward has no data here.',
  ownOnly: 'You see only your own clients, so this covers those.',
  otherOwner: 'You see only your own clients, not those of {{name}}.',
  accountNotVisible: 'That account is not among the clients you can see.',
  // What a question must be.
  field: {
    question: 'ask a question',
    questionTooLong_one: 'a question of at most {{count}} character',
    questionTooLong_other: 'a question of at most {{count}} characters',
  },
  levels: {
    low: 'low',
    medium: 'medium',
    high: 'high',
    critical: 'critical',
  },
  topics: {
    client_health: 'client health',
    declining_adoption: 'declining adoption',
    churn_risk: 'churn risk',
    engagement_trends: 'engagement trends',
    product_adoption: 'product adoption',
    renewal_pipeline: 'the renewal pipeline',
    expansion_opportunities: 'expansion opportunities',
    premium_upgrades: 'premium upgrades',
    revenue_metrics: 'revenue metrics',
    nps_feedback: 'NPS and feedback',
    qbr_due: 'business reviews',
    top_feature_requests: 'feature requests',
    schedule_qbr: 'meeting scheduling',
    upcoming_meetings: 'meetings on the calendar',
    product_roadmap: 'the product roadmap',
    account_lookup: 'accounts',
    my_tasks: 'tasks',
    escalations: 'escalations',
  },
  examples: {
    client_health: 'Show me health scores for my assigned clients',
    declining_adoption: 'Which clients have declining product adoption?',
    churn_risk: 'Show me clients at risk of churn this quarter',
    engagement_trends: 'Compare client engagement trends month-over-month',
    product_adoption: 'Show product adoption metrics and feature usage across clients',
    renewal_pipeline: 'Show upcoming renewals in next 90 days',
    expansion_opportunities: 'Identify upsell and cross-sell opportunities',
    premium_upgrades: 'Show clients ready for premium tier upgrade',
    revenue_metrics: 'Analyze revenue retention and expansion metrics',
    nps_feedback: 'Show recent client feedback and NPS scores',
    qbr_due: 'Which clients need business review meetings?',
    top_feature_requests: 'Show product roadmap items most requested by clients',
    schedule_qbr: 'Schedule quarterly business reviews for top accounts',
    upcoming_meetings: 'Show my meetings next week',
    product_roadmap: 'Show product roadmap and upcoming features',
    account_lookup: 'Tell me about my largest account',
    my_tasks: 'What are my tasks today?',
    escalations: 'Show escalations',
  },
  health: {
    summary_one: '{{count}} of {{total}} clients is at risk or critical.',
    summary_other: '{{count}} of {{total}} clients are at risk or critical.',
    calm_one: 'The {{count}} client here is healthy or not yet scored; none is at risk.',
    calm_other: 'None of the {{count}} clients here is at risk or critical.',
    fell_one: '{{name}} fell {{count}} point this week.',
    fell_other: '{{name}} fell {{count}} points this week.',
    empty: 'There are no clients here to show.',
  },
  churn: {
    summary_one: '{{count}} client is at risk of churn ({{arr}} ARR).',
    summary_other: '{{count}} clients are at risk of churn ({{arr}} ARR).',
    first: '{{name}} comes first: {{level}} risk, renewal on {{date}}.',
    firstNoRenewal: '{{name}} comes first: {{level}} risk.',
    calm: 'No client here is at risk of churn.',
  },
  declining: {
    summary_one: '{{count}} of {{total}} clients shows declining product adoption.',
    summary_other: '{{count}} of {{total}} clients show declining product adoption.',
    steepest: 'Active users at {{name}} fell {{pct}}% month over month.',
    calm: 'None of the {{total}} clients shows declining product adoption.',
  },
  engagement: {
    summary:
      'Month over month: {{growing}} clients growing, {{stable}} stable, {{declining}} declining.',
    leader: '{{name}} grew the most ({{pct}}% more active users).',
  },
  adoption: {
    summary_one: '{{count}} client, {{users}} active users in the last 30 days.',
    summary_other: '{{count}} clients, {{users}} active users in the last 30 days.',
    topFeature: '{{feature}} is used by {{pct}}% of them.',
    timeToValue: 'Median time to value: {{days}} days.',
  },
  account: {
    summary: '{{name}}: health {{score}} ({{category}}), {{arr}} ARR, renews on {{date}}.',
    summaryNoRenewal: '{{name}}: health {{score}} ({{category}}), {{arr}} ARR.',
    unscored: '{{name}}: not scored yet, {{arr}} ARR.',
  },
  tasks: {
    summary_one: 'You have {{count}} open task: {{overdue}} overdue, {{today}} due today.',
    summary_other: 'You have {{count}} open tasks: {{overdue}} overdue, {{today}} due today.',
    calm: 'You have no open tasks.',
    overdue_one: 'You have {{count}} overdue task.',
    overdue_other: 'You have {{count}} overdue tasks.',
    noneOverdue: 'None of your tasks is overdue.',
    due_one: 'You have {{count}} task due between {{from}} and {{to}}.',
    due_other: 'You have {{count}} tasks due between {{from}} and {{to}}.',
    noneDue: 'None of your tasks is due between {{from}} and {{to}}.',
    dueOn_one: 'You have {{count}} task due on {{date}}.',
    dueOn_other: 'You have {{count}} tasks due on {{date}}.',
    noneDueOn: 'None of your tasks is due on {{date}}.',
    alsoOverdue_one: '{{count}} more is overdue.',
    alsoOverdue_other: '{{count}} more are overdue.',
    onlyOverdue_one: '{{count}} is overdue.',
    onlyOverdue_other: '{{count}} are overdue.',
    atAccount: 'Only the tasks at {{account}} are counted.',
    draft: 'Add the task “{{title}}” due {{due}}? Nothing is saved until you confirm.',
    draftNoDate: 'Add the task “{{title}}”? Nothing is saved until you confirm.',
  },
  escalations: {
    summary_one: '{{count}} escalation raised; the latest is “{{task}}” at {{account}}.',
    summary_other: '{{count}} escalations raised; the latest is “{{task}}” at {{account}}.',
    calm: 'No escalations have been raised.',
  },
  renewals: {
    summary_one:
      '{{count}} client renews between {{from}} and {{to}}: {{arr}} ARR up, {{forecast}} forecast.',
    summary_other:
      '{{count}} clients renew between {{from}} and {{to}}: {{arr}} ARR up, {{forecast}} forecast.',
    atRisk: '{{arr}} of it is at risk.',
    unhealthy_one: '{{count}} of them, {{arr}} ARR, has At Risk or Critical health.',
    unhealthy_other: '{{count}} of them, {{arr}} ARR, have At Risk or Critical health.',
    calm: 'No client renews between {{from}} and {{to}}.',
  },
  expansion: {
    summary_one: '{{count}} client shows room to grow, an estimated {{arr}} ARR.',
    summary_other: '{{count}} clients show room to grow, an estimated {{arr}} ARR.',
    largest: 'The largest opportunity is {{name}}.',
    calm: 'No client shows an expansion signal right now.',
  },
  premium: {
    summary_one:
      '{{count}} client uses premium features without the premium plan (an estimated {{arr}} ARR).',
    summary_other:
      '{{count}} clients use premium features without the premium plan (an estimated {{arr}} ARR).',
    calm: 'No client without the premium plan is using premium features.',
  },
  metrics: {
    summary: '{{period}}: ARR {{arr}}, NRR {{nrr}}, GRR {{grr}}, expansion MRR {{expansion}}.',
  },
  nps: {
    summary_one:
      'NPS {{nps}} from {{count}} response: {{promoters}} promoters, {{detractors}} detractors.',
    summary_other:
      'NPS {{nps}} from {{count}} responses: {{promoters}} promoters, {{detractors}} detractors.',
    lowest: '{{name}} scores lowest ({{nps}}).',
    calm: 'No NPS responses in this period.',
  },
  requests: {
    summary_one:
      '“{{label}}” is the most requested: {{count}} customer asked for it ({{arr}} ARR).',
    summary_other:
      '“{{label}}” is the most requested: {{count}} customers asked for it ({{arr}} ARR).',
    calm: 'No feature requests in this period.',
  },
  roadmap: {
    summary_one:
      '{{count}} item on the roadmap; next up: {{title}}, asked for by {{accounts}} customers.',
    summary_other:
      '{{count}} items on the roadmap; next up: {{title}}, asked for by {{accounts}} customers.',
    allShipped_one: '{{count}} item on the roadmap, already shipped.',
    allShipped_other: '{{count}} items on the roadmap, all shipped.',
    calm: 'Nothing is on the roadmap for this period.',
  },
  meetings: {
    summary_one: '{{count}} meeting between {{from}} and {{to}}.',
    summary_other: '{{count}} meetings between {{from}} and {{to}}.',
    summaryDay_one: '{{count}} meeting on {{day}}.',
    summaryDay_other: '{{count}} meetings on {{day}}.',
    first: 'First: “{{title}}” with {{account}}, {{when}}.',
    none: 'No meetings between {{from}} and {{to}}.',
    noneDay: 'No meetings on {{day}}.',
  },
  qbr: {
    summary_one: '{{count}} client needs a business review.',
    summary_other: '{{count}} clients need a business review.',
    first: '{{name}} is the most overdue, by {{days}} days.',
    calm: 'Every client on a review cadence is up to date.',
  },
  meeting: {
    title: 'QBR with {{name}}',
    one: 'Schedule a QBR with {{name}} on {{when}}? Nothing is booked until you confirm.',
    many_one:
      '{{count}} top account needs a QBR: here is a proposed slot. Nothing is booked until you confirm.',
    many_other:
      '{{count}} top accounts need a QBR: here are proposed slots. Nothing is booked until you confirm.',
    none: 'No top account needs a QBR right now.',
  },
};
