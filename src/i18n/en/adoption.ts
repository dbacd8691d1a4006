// Product adoption in English: why a client's adoption is called declining, and the answer to
// "which clients have declining product adoption?".
export const adoption = {
  declining: {
    noActiveUsers: 'No active users in the last 30 days ({{previous}} the month before)',
    activeUsersFell: 'Active users fell {{pct}}% month over month ({{previous}} → {{current}})',
    usageFell: 'Usage fell {{pct}}% month over month ({{previous}} → {{current}} events)',
    loginsFell: 'Logins fell {{pct}}% month over month ({{previous}} → {{current}})',
    question: 'Which clients have declining product adoption?',
    noneOfYours_one: 'Your one client shows no decline in product adoption.',
    noneOfYours_other: 'None of your {{count}} clients show declining product adoption.',
    noneOfAll_one: 'The one client shows no decline in product adoption.',
    noneOfAll_other: 'None of the {{count}} clients show declining product adoption.',
    someOfYours_one: 'Declining product adoption: {{declining}} of your {{count}} client.',
    someOfYours_other: 'Declining product adoption: {{declining}} of your {{count}} clients.',
    someOfAll_one: 'Declining product adoption: {{declining}} of {{count}} client.',
    someOfAll_other: 'Declining product adoption: {{declining}} of {{count}} clients.',
  },
};
