// The work module's HTTP routes, mounted together.
import type { Deps } from '../../../context.ts';
import { newRouter } from '../../../http/route.ts';
import { onboardingRoutes } from './onboarding.ts';
import { projectRoutes } from './projects.ts';
import { taskRoutes } from './tasks.ts';
import { templateRoutes } from './templates.ts';

export function workRoutes(deps: Deps) {
  return newRouter()
    .route('/', projectRoutes(deps))
    .route('/', taskRoutes(deps))
    .route('/', templateRoutes(deps))
    .route('/', onboardingRoutes(deps));
}
