// The voice module's HTTP routes, mounted together.
import type { Deps } from '../../../context.ts';
import { newRouter } from '../../../http/route.ts';
import { feedbackRoutes } from './feedback.ts';
import { publicSurveyRoutes } from './publicSurvey.ts';
import { roadmapRoutes } from './roadmap.ts';
import { surveyRoutes } from './surveys.ts';
import { themeRoutes } from './themes.ts';

export function voiceRoutes(deps: Deps) {
  // Themes first: `/feedback/themes` must not be read as `/feedback/{id}`.
  return newRouter()
    .route('/', themeRoutes(deps))
    .route('/', feedbackRoutes(deps))
    .route('/', roadmapRoutes(deps))
    .route('/', surveyRoutes(deps))
    .route('/', publicSurveyRoutes(deps));
}
