// The assistant module's HTTP routes, mounted together.
import type { Deps } from '../../../context.ts';
import { newRouter } from '../../../http/route.ts';
import { queryRoutes } from './query.ts';

export function assistantRoutes(deps: Deps) {
  return newRouter().route('/', queryRoutes(deps));
}
