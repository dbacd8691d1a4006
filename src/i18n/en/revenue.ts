// Revenue and meetings in English: why a renewal is forecast as it is, what an expansion
// signal rests on, meeting invitations, and the QBR prep page's wins and risks.
export const revenue = {
  forecast: {
    churned: 'The account has churned',
    contractsEnded: 'Every contract of the account has ended',
    notScored: 'Health has not scored the account yet',
    riskLow: 'Churn risk is low',
    riskMedium: 'Churn risk is medium',
    riskHigh: 'Churn risk is high',
    riskCritical: 'Churn risk is critical',
    healthStrong: 'Health is strong ({{score}})',
    healthCritical: 'Health is critical ({{score}})',
    usageFalling: 'Usage fell {{points}} points in 30 days',
    usageGrowing: 'Usage rose {{points}} points in 30 days',
    openEscalations_one: '{{count}} open escalation',
    openEscalations_other: '{{count}} open escalations',
    noRenewalProject_one: 'No renewal project, {{count}} day to the renewal',
    noRenewalProject_other: 'No renewal project, {{count}} days to the renewal',
    renewalTasksOverdue_one: '{{count}} renewal task is overdue',
    renewalTasksOverdue_other: '{{count}} renewal tasks are overdue',
    renewalProjectOnTrack_one: 'Renewal project on track: {{done}} of {{count}} task done',
    renewalProjectOnTrack_other: 'Renewal project on track: {{done}} of {{count}} tasks done',
  },
};
