// The revenue module's HTTP routes, mounted together.
import type { Deps } from '../../../context.ts';
import { newRouter } from '../../../http/route.ts';
import { expansionRoutes } from './expansion.ts';
import { meetingRoutes } from './meetings.ts';
import { metricRoutes } from './metrics.ts';
import { qbrPrepRoutes } from './qbrPrep.ts';
import { renewalRoutes } from './renewals.ts';

export function revenueRoutes(deps: Deps) {
  return newRouter()
    .route('/', renewalRoutes(deps))
    .route('/', expansionRoutes(deps))
    .route('/', metricRoutes(deps))
    .route('/', meetingRoutes(deps))
    .route('/', qbrPrepRoutes(deps));
}
