// The accounts module's public face.
import type { Deps } from '../../http/deps.ts';
import { newRouter } from '../../http/route.ts';
import { accountsRoutes } from './routes/accounts.ts';
import { contactsRoutes } from './routes/contacts.ts';
import { settingsRoutes } from './routes/settings.ts';
import { timelineRoutes } from './routes/timeline.ts';
import { importRoutes } from './import/index.ts';

export function accountRoutes(deps: Deps) {
  return newRouter()
    .route('/', accountsRoutes(deps))
    .route('/', contactsRoutes(deps))
    .route('/', timelineRoutes(deps))
    .route('/', settingsRoutes(deps))
    .route('/', importRoutes(deps));
}

export { createAccount, getAccount, scopeFor, updateAccount } from './service.ts';
export { addContact } from './contacts.ts';
export { addTimelineEvent, type NewTimelineEvent } from './timeline.ts';
export {
  defineCustomField,
  customFieldDefinitions,
  checkCustomFields,
  parseCustomFieldText,
} from './customFields.ts';
export type { AccountScope } from './store.ts';
export { accountJobs } from './import/index.ts';
