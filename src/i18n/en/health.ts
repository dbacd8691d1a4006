// Health in English: each measure's reason, churn-risk factors and recommended actions, the
// timeline's health moves and play runs.
export const health = {
  /** A sentence stored before messages existed: shown as written until the next rescore. */
  text: '{{text}}',
  category: {
    healthy: 'Healthy',
    at_risk: 'At Risk',
    critical: 'Critical',
    unscored: 'Not scored',
  },
  usage: {
    noData: 'No product usage received yet',
    noActiveUsers: 'No active users in the last 30 days',
    activeUsersFell: 'Active users fell {{pct}}% in 30 days ({{from}} → {{to}})',
    activeUsersRose: 'Active users rose {{pct}}% in 30 days ({{from}} → {{to}})',
    fewSeatsActive_one: 'Only {{active}} of {{count}} seat active in 30 days ({{pct}}%)',
    fewSeatsActive_other: 'Only {{active}} of {{count}} seats active in 30 days ({{pct}}%)',
    active_one: '{{count}} active user in 30 days',
    active_other: '{{count}} active users in 30 days',
    activeOfSeats_one: '{{count}} active user of {{seats}} seats in 30 days',
    activeOfSeats_other: '{{count}} active users of {{seats}} seats in 30 days',
    activeWithFeatures_one:
      '{{count}} active user in 30 days, {{features}} of {{catalog}} features used',
    activeWithFeatures_other:
      '{{count}} active users in 30 days, {{features}} of {{catalog}} features used',
    activeOfSeatsWithFeatures_one:
      '{{count}} active user of {{seats}} seats in 30 days, {{features}} of {{catalog}} features used',
    activeOfSeatsWithFeatures_other:
      '{{count}} active users of {{seats}} seats in 30 days, {{features}} of {{catalog}} features used',
  },
  support: {
    noData: 'No support tickets received yet',
    urgentOpen_one: '{{count}} urgent ticket open',
    urgentOpen_other: '{{count}} urgent tickets open',
    lowCsat: 'CSAT {{csat}} of 5 on tickets solved in 90 days',
    noTickets: 'No tickets in 90 days',
    tickets_one: '{{count}} ticket in 90 days',
    tickets_other: '{{count}} tickets in 90 days',
    ticketsSevere_one: '{{count}} ticket in 90 days, {{severe}} high or urgent',
    ticketsSevere_other: '{{count}} tickets in 90 days, {{severe}} high or urgent',
    ticketsCsat_one: '{{count}} ticket in 90 days; CSAT {{csat}} of 5',
    ticketsCsat_other: '{{count}} tickets in 90 days; CSAT {{csat}} of 5',
    ticketsSevereCsat_one:
      '{{count}} ticket in 90 days, {{severe}} high or urgent; CSAT {{csat}} of 5',
    ticketsSevereCsat_other:
      '{{count}} tickets in 90 days, {{severe}} high or urgent; CSAT {{csat}} of 5',
  },
  engagement: {
    noData: 'No touchpoints or contacts recorded yet',
    noTouchpoint: 'No touchpoint recorded yet',
    noTouchpointFor_one: 'No touchpoint in {{count}} day',
    noTouchpointFor_other: 'No touchpoint in {{count}} days',
    noChampion: 'No champion among the contacts',
    noMeeting: 'No meeting in 90 days',
    touchpoints_one: '{{count}} touchpoint in 30 days, the last on {{last}}',
    touchpoints_other: '{{count}} touchpoints in 30 days, the last on {{last}}',
  },
  billing: {
    noData: 'No billing data received yet',
    cancelled: 'Subscription cancelled',
    unpaid_one: '{{count}} failed payment still unpaid',
    unpaid_other: '{{count}} failed payments still unpaid',
    downgraded_one: 'Downgraded {{count}} time in 90 days',
    downgraded_other: 'Downgraded {{count}} times in 90 days',
    recovered_one: '{{count}} payment failed in 90 days, since paid',
    recovered_other: '{{count}} payments failed in 90 days, since paid',
    onTime: 'Payments on time, no downgrades in 90 days',
  },
  outcomes: {
    noData: 'No onboarding, milestones or value features tracked yet',
    overdue_one: '{{count}} onboarding task overdue ({{done}} of {{due}} due done)',
    overdue_other: '{{count}} onboarding tasks overdue ({{done}} of {{due}} due done)',
    firstValueNotReached: 'First value not reached yet',
    valueFeaturesUnused: 'Value features unused in 30 days',
    valueFeatureUsers_one: '{{count}} user of value features in 30 days',
    valueFeatureUsers_other: '{{count}} users of value features in 30 days',
    onTrack: 'Onboarding on track ({{done}} of {{due}} due done)',
    npsNegative_one: 'NPS {{nps}} from {{count}} survey response in 180 days',
    npsNegative_other: 'NPS {{nps}} from {{count}} survey responses in 180 days',
  },
  factor: {
    fell_one: 'Health fell {{count}} point in 30 days',
    fell_other: 'Health fell {{count}} points in 30 days',
    fellThisWeek_one: 'Health fell {{count}} point in 7 days',
    fellThisWeek_other: 'Health fell {{count}} points in 7 days',
    renewalToday: 'Renewal today',
    renewalIn_one: 'Renewal in {{count}} day',
    renewalIn_other: 'Renewal in {{count}} days',
  },
  action: {
    adoptionSession: 'Run an adoption session with the team leads and agree usage goals',
    reviewUrgentTickets:
      'Review the open urgent tickets with support and agree fix dates with the customer',
    reviewPoorlyRated: 'Go through the poorly rated tickets with support, then with the customer',
    reviewTickets: 'Review the recent tickets with support and agree fixes with the customer',
    checkIn: 'Book a check-in with the customer',
    findChampion: 'Find a champion among the customer’s people',
    bookMeeting: 'Book a meeting with the customer',
    settleUnpaid: 'Sort out the unpaid invoices with finance and the customer',
    askAboutDowngrade: 'Ask the customer why they downgraded and what would bring them back',
    talkAboutCancellation: 'Talk to the customer about the cancellation before it takes effect',
    checkPaymentMethod: 'Check the payment method with the customer’s finance team',
    unblockOnboarding: 'Unblock the overdue onboarding tasks and confirm the success milestones',
    reachFirstValue: 'Agree the first success milestone with the customer and plan how to reach it',
    showValueFeatures: 'Show the team the features that deliver value and agree who will use them',
    followUpDetractors:
      'Call back the people who scored you low in the survey and agree what would change their mind',
    confirmMilestones: 'Confirm the success milestones with the customer',
    startRenewal: 'Start the renewal conversation with the executive sponsor now',
    escalate: 'Escalate to the CS manager and plan an executive call',
  },
  timeline: {
    moved: 'Health: {{from}} → {{to}} (score {{score}})',
    playRan: 'Play "{{play}}" ran for {{account}} ({{trigger}}): {{opened}}',
  },
  play: {
    trigger: {
      entered_at_risk: 'turned At Risk',
      entered_critical: 'turned Critical',
      renewal_approaching: 'renewal approaching',
      nps_detractor: 'NPS detractor',
    },
    opened: {
      task: 'a task was opened',
      project: 'a project was opened',
    },
  },
};
