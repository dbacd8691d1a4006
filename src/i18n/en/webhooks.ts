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
  // Why a URL is refused (src/lib/outboundUrl.ts says the same in English for the log).
  field: {
    eventOnce: 'Each event once.',
    notHttp: 'Only http:// and https:// URLs can be called.',
    credentials: 'A URL may not carry a user name or password.',
    unresolvable: 'The host {{host}} does not resolve.',
    privateAddress:
      'The host {{host}} is a private, loopback or link-local address; an operator can allow it with STEWARD_OUTBOUND_ALLOW_HOSTS.',
    refused: '{{reason}}',
    redirect:
      'The URL answers with a redirect (to {{location}}); redirects are not followed, so subscribe the address it redirects to.',
    // A redirect to a URL refused so.
    redirectTo: {
      notHttp:
        'The URL redirects to an address Steward may not call: Only http:// and https:// URLs can be called.',
      credentials:
        'The URL redirects to an address Steward may not call: A URL may not carry a user name or password.',
      unresolvable:
        'The URL redirects to an address Steward may not call: The host {{host}} does not resolve.',
      privateAddress:
        'The URL redirects to an address Steward may not call: The host {{host}} is a private, loopback or link-local address; an operator can allow it with STEWARD_OUTBOUND_ALLOW_HOSTS.',
    },
  },
};
