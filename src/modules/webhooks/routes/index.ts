// The webhooks module's HTTP routes, mounted together.
import type { Deps } from '../../../context.ts';
import { newRouter } from '../../../http/route.ts';
import { deliveryRoutes } from './deliveries.ts';
import { subscriptionRoutes } from './subscriptions.ts';

export function webhookRoutes(deps: Deps) {
  return newRouter().route('/', subscriptionRoutes(deps)).route('/', deliveryRoutes(deps));
}
