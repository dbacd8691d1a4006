// The notify module's public face: routing, inbox, digests, SLAs, Slack.

export { notifyRoutes } from './routes/index.ts';
export { closeInboxStreams } from './stream.ts';

export { routeNotification, defaultPreferences, type Preferences } from './routing.ts';
export { digestFor, digestDue } from './digestFor.ts';
export { composeDigestNow, buildDueDigests } from './digests.ts';
export { sendDelivery, sendDeliveries } from './deliveries.ts';
export { queueLetters, lettersAbout, type Letter } from './letters.ts';
export { passwordResetJobs, sendPasswordReset } from './passwordReset.ts';
export { newsFor, notifyAboutEvent } from './notifyPeople.ts';
export { notifyJobs, notifyCrontab } from './jobs.ts';
export { slackCommandRoutes } from './routes/slackCommand.ts';
export type { SlackSubcommand } from './slackCommand.ts';
export { createDemoSlaPolicy, createSlaPolicy } from './sla/policies.ts';
export { addBusinessTime } from './sla/businessTime.ts';
export { localParts, nextDate, zonedInstant } from './zoned.ts';
export { closeEmailTransports } from './channels/email.ts';
export { sendEmail, type Email } from './channels/email.ts';
export { listEscalations } from './escalations.ts';
