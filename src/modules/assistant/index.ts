// The assistant module's public face: Ask Steward.
export { assistantRoutes } from './routes/index.ts';
export { askSteward, recentQuestions } from './service.ts';
export { intents, knownIntents, quickActions, type Intent, type KnownIntent } from './intents.ts';
export {
  understandQuestion,
  prepareNames,
  type Understanding,
  type Params,
} from './understand/index.ts';
