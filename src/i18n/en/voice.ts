// Voice of the customer in English: theme names, survey e-mails and the survey's timeline entry,
// the close-the-loop task and message, the weekly product digest and Slack replies, and what
// goes wrong with feedback, themes, the roadmap and survey links (`problem`, `field`).
export const voice = {
  theme: {
    unnamed: 'Miscellaneous',
  },
  timeline: {
    npsResponse: 'NPS {{score}} from {{contact}}',
    csatResponse: 'CSAT {{score}} of 5 from {{contact}}',
    aContact: 'a contact',
  },
  ship: {
    taskTitle: 'Tell {{account}} that “{{title}}” has shipped',
    draftGreeting: 'Hello {{contact}},',
    draftGreetingTeam: 'Hello {{account}} team,',
    draftShipped: 'Good news: “{{title}}” is now available.',
    draftAsked_one: 'You asked us for it:',
    draftAsked_other: 'You asked us for it {{count}} times:',
    draftWhen: 'on {{date}}',
    draftLink: 'Details: {{link}}',
    draftThanks: 'Thank you for telling us what you need — it shaped this release.',
  },
  play: {
    detractorName: 'Detractor follow-up',
    detractorTask: 'Follow up on the NPS response',
  },
  survey: {
    subjectNps: 'How likely are you to recommend {{company}}?',
    subjectCsat: 'How satisfied are you with {{company}}?',
    bodyNps:
      'Hello {{contact}},\n\nOn a scale from 0 to 10, how likely are you to recommend {{company}} to a friend or colleague? It takes one tap:\n\n{{link}}\n\nThe link works once and expires on {{expires}}.',
    bodyCsat:
      'Hello {{contact}},\n\nHow satisfied are you with {{company}}, from 1 to 5? It takes one tap:\n\n{{link}}\n\nThe link works once and expires on {{expires}}.',
  },
  digest: {
    subject: 'What customers asked for this week',
    body_one: 'The theme customers raised most in the last 7 days:\n{{lines}}',
    body_other: 'The {{count}} themes customers raised most in the last 7 days:\n{{lines}}',
    line_one: '• {{label}}: {{count}} account, {{arr}} ARR',
    line_other: '• {{label}}: {{count}} accounts, {{arr}} ARR',
    none: 'No new feedback in the last 7 days.',
  },
  slack: {
    usage: 'Usage: /steward feedback <account name> <what the customer said>',
    noAccount: 'No account matches “{{name}}”.',
    logged: 'Logged feedback for {{account}}: “{{text}}”',
  },
  problem: {
    noTheme: 'No such theme.',
    noVisibleTheme: 'No such theme with items you can see.',
    noFeedback: 'No such feedback item.',
    noRoadmapItem: 'No such roadmap item.',
    surveyThrottled: 'Too many survey requests; try again in a few minutes.',
    surveyLinkInvalid: 'This survey link is not valid.',
    surveyAnswered: 'This survey was already answered. Thank you!',
    surveyExpired: 'This survey link has expired.',
    invalidRows_one: '{{count}} row is not valid; fix it, or import the rest with skipInvalid.',
    invalidRows_other:
      '{{count}} rows are not valid; fix them, or import the rest with skipInvalid.',
  },
  field: {
    days30: 'a number of days such as 30d',
    days365: 'a number of days such as 365d',
    quarter: 'a quarter such as 2027-Q1',
    noTheme: 'no such theme',
    mergeIntoItself: 'a theme cannot be merged into itself',
    notThemeItem: 'not an item of this theme',
    leaveOneItem: 'leave at least one item in the theme',
    noFeedbackItem: 'no such feedback item',
    surveyLink: 'not a valid survey link',
    linkUsed: 'already used',
    linkExpired: 'expired',
    noContact: 'no such contact',
    noContactOnAccount: 'no such contact on this account',
    csatScore: 'a CSAT answer is from 1 to 5',
    // A feedback CSV: the file, and a row's account.
    emptyFile: 'the file is empty',
    csv: '{{reason}}',
    rowAccount: 'name the account (external id or name)',
    // A request's own rules.
    atMost5000: 'at most 5,000 characters',
    wholeNumber: 'a whole number',
    score0to10: 'from 0 to 10',
    chooseContact: 'choose at least one contact',
    feedbackText: 'write what the customer said',
    chooseItems: 'choose the items that form the new theme',
  },
};
