// The accounts module's HTTP routes, mounted together.
import type { Deps } from '../../../context.ts';
import { newRouter } from '../../../http/route.ts';
import { accountsRoutes } from './accounts.ts';
import { contactsRoutes } from './contacts.ts';
import { settingsRoutes } from './settings.ts';
import { timelineRoutes } from './timeline.ts';

export function accountRoutes(deps: Deps) {
  return newRouter()
    .route('/', accountsRoutes(deps))
    .route('/', contactsRoutes(deps))
    .route('/', timelineRoutes(deps))
    .route('/', settingsRoutes(deps));
}
