// The work module's public face: projects, tasks, templates and onboarding.

export { workRoutes } from './routes/index.ts';

export { instantiateTemplate, type Instantiation } from './templates/instantiate.ts';
export { createTemplate, listTemplates } from './templates/library.ts';
export { createTask, updateTask, findTask, type Worker } from './tasks/service.ts';
export { commentOnTask } from './tasks/comments.ts';
export { projectsOfAccount } from './projects.ts';
export { onboardingOverview, type OnboardingReport } from './onboarding.ts';
export { listHolidays, replaceHolidays, type Holiday } from './holidays.ts';
export type { TemplateDefinition, TemplateDefinitionInput } from './templates/definition.ts';
export {
  enterpriseOnboarding,
  midMarketOnboarding,
  smbOnboarding,
  type StarterTemplate,
} from './templates/starters.ts';
export { buckets, myWork, type Bucket } from './myWork.ts';
export { dueDay, dueDayBefore } from './templates/offsets.ts';
