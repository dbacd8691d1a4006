// The notify module's HTTP routes, mounted together.
import type { Deps } from '../../../context.ts';
import { newRouter } from '../../../http/route.ts';
import { inboxRoutes } from './inbox.ts';
import { slackLinkRoutes } from './slackLink.ts';
import { slaRoutes } from './sla.ts';

export function notifyRoutes(deps: Deps) {
  return newRouter()
    .route('/', inboxRoutes(deps))
    .route('/', slaRoutes(deps))
    .route('/', slackLinkRoutes(deps));
}
