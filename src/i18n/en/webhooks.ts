// Outbound webhooks in English: the notice admins get when a subscription is switched off, and
// what goes wrong with a subscription (`problem`).
export const webhooks = {
  disabled_one: 'A webhook was switched off after {{count}} failed attempt: {{url}}',
  disabled_other: 'A webhook was switched off after {{count}} failed attempts in a row: {{url}}',
  disabledDetail:
    'Fix the receiver, then switch the subscription on again in Settings → Webhooks and replay what it missed.',
  problem: {
    secretUnreadable: 'The subscription’s secret cannot be read.',
    switchedOff: 'The subscription is switched off; switch it on before replaying its deliveries.',
  },
};
