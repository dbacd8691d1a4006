// The voice module's HTTP routes, mounted together.
import type { Deps } from '../../../context.ts';
import { newRouter } from '../../../http/route.ts';
import { feedbackRoutes } from './feedback.ts';
import { roadmapRoutes } from './roadmap.ts';
import { themeRoutes } from './themes.ts';

export function voiceRoutes(deps: Deps) {
  // Themes first: `/feedback/themes` must not be read as `/feedback/{id}`.
  return newRouter()
    .route('/', themeRoutes(deps))
    .route('/', feedbackRoutes(deps))
    .route('/', roadmapRoutes(deps));
}
