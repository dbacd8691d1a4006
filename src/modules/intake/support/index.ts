// The support intake's public face: the ticket webhook and the tickets API.
export { supportWebhookRoutes } from './routes/webhook.ts';
export { supportRoutes } from './routes/api.ts';
export { readTicket, type TicketUpdate } from './payload.ts';
export { applyTicket } from './tickets.ts';
export { signBody, signatureHeader } from './signature.ts';
export { receiveTicket } from './tickets.ts';
export { sealPlainSupportSecrets } from './secrets.ts';
export { ticketsOpenedSince } from './recent.ts';
