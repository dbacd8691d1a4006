// The accounts module's public face.
export { accountRoutes } from './routes/index.ts';

export { createAccount, getAccount, scopeFor, updateAccount } from './service.ts';
export { addContact } from './contacts.ts';
export { addTimelineEvent, type NewTimelineEvent } from './timeline.ts';
export { accountsChangedPayload, markAccountsChanged, takeChangedAccounts } from './changes.ts';
export {
  defineCustomField,
  customFieldDefinitions,
  checkCustomFields,
  parseCustomFieldText,
} from './customFields.ts';
export type { AccountScope } from './store.ts';
export { accountJobs } from './import/index.ts';
export { portfolio } from './portfolio.ts';
export { portfolioQuery } from './schema.ts';
