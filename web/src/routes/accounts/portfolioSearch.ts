// The portfolio's search parameters, checked by the router with these checks: filters live in
// the URL so a view can be shared, and a link with a stale or mistyped value (an old sort
// column, a tier that was renamed) opens the portfolio without that filter instead of failing.
import { healthCategories, priorities, stages, tiers } from '../../api/vocabulary.ts';
import { either, oneOf, searchOf, text, uuid } from '../searchParams.ts';

export const sortable = [
  'name',
  'tier',
  'arr',
  'stage',
  'renewalDate',
  'priority',
  'health',
] as const;
export const choices = {
  health: [...healthCategories, 'unscored'],
  tier: tiers,
  stage: stages,
  priority: priorities,
} as const;

const descending = sortable.map((column) => `-${column}` as const);

export const portfolioSearch = searchOf({
  owner: either(oneOf(['me', 'unassigned']), uuid),
  health: oneOf(choices.health),
  tier: oneOf(choices.tier),
  stage: oneOf(choices.stage),
  priority: oneOf(choices.priority),
  q: text({ trim: true, maxLength: 200 }),
  sort: oneOf([...sortable, ...descending]),
  segment: uuid,
});

export type PortfolioSearch = ReturnType<typeof portfolioSearch>;
