// The portfolio's search parameters, validated by the router from this schema: filters live in
// the URL so a view can be shared, and a link with a stale or mistyped value (an old sort
// column, a tier that was renamed) opens the portfolio without that filter instead of failing.
import * as z from 'zod/mini';
import { healthCategories, priorities, stages, tiers } from '../../api/vocabulary.ts';

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

/** An optional parameter whose unusable value is dropped, as if the link had left it out. */
const orLeftOut = <T extends z.ZodMiniType>(schema: T) => z.catch(z.optional(schema), undefined);

const descending = sortable.map((column) => `-${column}` as const);

export const portfolioSearch = z.object({
  owner: orLeftOut(z.union([z.enum(['me', 'unassigned']), z.uuid()])),
  health: orLeftOut(z.enum(choices.health)),
  tier: orLeftOut(z.enum(choices.tier)),
  stage: orLeftOut(z.enum(choices.stage)),
  priority: orLeftOut(z.enum(choices.priority)),
  q: orLeftOut(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))),
  sort: orLeftOut(z.enum([...sortable, ...descending])),
  segment: orLeftOut(z.uuid()),
});

export type PortfolioSearch = z.infer<typeof portfolioSearch>;
