// The health module's HTTP routes, mounted together.
import type { Deps } from '../../../context.ts';
import { newRouter } from '../../../http/route.ts';
import { playRoutes } from './plays.ts';
import { scorecardRoutes } from './scorecard.ts';
import { scoreRoutes } from './scores.ts';

export function healthRoutes(deps: Deps) {
  return newRouter()
    .route('/', scoreRoutes(deps))
    .route('/', scorecardRoutes(deps))
    .route('/', playRoutes(deps));
}
