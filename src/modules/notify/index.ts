// The notify module's public face: activity, routing, inbox, digests, SLAs, Slack.
import type { Deps } from '../../http/deps.ts';
import { newRouter } from '../../http/route.ts';
import { inboxRoutes } from './routes/inbox.ts';
import { slaRoutes } from './routes/sla.ts';

export function notifyRoutes(deps: Deps) {
  return newRouter().route('/', inboxRoutes(deps)).route('/', slaRoutes(deps));
}

export { recordActivity, type Activity } from './activity.ts';
export { activityKinds, type ActivityKind } from './kinds.ts';
export { routeNotification, defaultPreferences, type Preferences } from './routing.ts';
export { digestFor, digestDue } from './digestFor.ts';
export { composeDigestNow, buildDueDigests } from './digests.ts';
export { sendDelivery } from './deliveries.ts';
export { notifyAboutEvent } from './notifyPeople.ts';
export { notifyJobs, notifyCrontab } from './jobs.ts';
export { slackCommandRoutes } from './slackCommand.ts';
export { createDemoSlaPolicy, createSlaPolicy } from './sla/policies.ts';
export { addBusinessTime } from './sla/businessTime.ts';
export { closeEmailTransports } from './channels/email.ts';
