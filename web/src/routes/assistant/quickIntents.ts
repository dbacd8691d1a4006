// The persona guide's seven quick actions (seeds/003), and how the onboardings are going (which
// the Onboarding page tracks and Ask Steward answers): the questions the home page offers as
// buttons and the command bar suggests before anything is typed.
export const quickIntents = [
  'client_health',
  'product_adoption',
  'renewal_pipeline',
  'nps_feedback',
  'expansion_opportunities',
  'product_roadmap',
  'schedule_qbr',
  'onboarding_progress',
] as const;
