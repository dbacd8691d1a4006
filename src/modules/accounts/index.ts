// The accounts module's public face.
export { accountRoutes } from './routes/index.ts';

export { createAccount, getAccount, scopeFor, updateAccount } from './service.ts';
export { addContact, contactsOf } from './contacts.ts';
export { addTimelineEvent, addTimelineEvents, type NewTimelineEvent } from './timeline.ts';
export {
  accountsChangedPayload,
  finishChangedPass,
  markAccountsChanged,
  takeChangedAccounts,
} from './changes.ts';
// The activity log: what happened, recorded and announced (`activity__recorded`) in the change.
export {
  findActivityEvent,
  recordActivities,
  recordActivity,
  type Activity,
} from './activity/record.ts';
export { activityKinds, activityKindSchema, type ActivityKind } from './activity/kinds.ts';
export {
  defineCustomField,
  customFieldDefinitions,
  checkCustomFields,
  customFieldProblem,
  parseCustomFieldText,
  type CustomFieldDefinition,
} from './customFields.ts';
export { accountFields, contactFields, contactRoleSchema } from './schema.ts';
// What outside systems (CSV files, Segment, Stripe) tell accounts, in set-based writes.
export {
  createDiscoveredAccounts,
  upsertAccountsByExternalId,
  upsertContactsByExternalId,
  upsertProductUserContacts,
  type AccountColumns,
  type ContactColumns,
  type ExternalAccount,
  type ExternalContact,
  type WriteCounts,
} from './sync/store/upserts.ts';
export {
  accountIdByDomain,
  accountIdNamedBy,
  accountIdsByExternalId,
  contactsByExternalId,
  knownAccountExternalIds,
  liveAccountById,
  liveAccountByExternalId,
  liveAccountsOnDomain,
} from './sync/store/lookups.ts';
export { lockAccountsForBilling, setAccountsBilling } from './sync/store/billing.ts';
export type { AccountScope } from './store.ts';
export { portfolio } from './portfolio.ts';
export { listSegments } from './segments.ts';
export { portfolioQuery } from './schema.ts';
