// The work module's public face: projects, tasks, templates and onboarding.
import type { Deps } from '../../http/deps.ts';
import { newRouter } from '../../http/route.ts';
import { onboardingRoutes } from './routes/onboarding.ts';
import { projectRoutes } from './routes/projects.ts';
import { taskRoutes } from './routes/tasks.ts';
import { templateRoutes } from './routes/templates.ts';

export function workRoutes(deps: Deps) {
  return newRouter()
    .route('/', projectRoutes(deps))
    .route('/', taskRoutes(deps))
    .route('/', templateRoutes(deps))
    .route('/', onboardingRoutes(deps));
}

export { instantiateTemplate, type Instantiation } from './templates/instantiate.ts';
export { createTemplate, listTemplates } from './templates/library.ts';
export { createTask, updateTask, findTask, type Worker } from './tasks/service.ts';
export { commentOnTask } from './tasks/comments.ts';
export { projectsOfAccount } from './projects.ts';
export type { TemplateDefinition } from './templates/definition.ts';
export { enterpriseOnboarding } from './templates/starters.ts';
