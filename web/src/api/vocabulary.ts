// The shared words' choice lists — tier, stage, priority, health category, churn risk level,
// role — typed from the API (the server defines each once, in src/lib/vocabulary.ts). Each
// list is written as a record of every member, so a list that misses one or names one the
// server does not know fails to compile after `npm run gen:api`.
import type { Schemas } from './client.ts';

export type Tier = Schemas['Account']['tier'];
export type Stage = Schemas['Account']['stage'];
export type Priority = Schemas['Account']['priority'];
export type HealthCategory = NonNullable<Schemas['Account']['health']['category']>;
export type Role = Schemas['User']['role'];

/** Every member of a union, in the order written; the record's type makes it all of them. */
export function every<T extends string>(members: Record<T, true>): readonly [T, ...T[]] {
  return Object.keys(members) as [T, ...T[]];
}

export const tiers = every<Tier>({ enterprise: true, mid_market: true, smb: true });
export const stages = every<Stage>({
  onboarding: true,
  adopting: true,
  steady: true,
  renewing: true,
  churned: true,
});
export const priorities = every<Priority>({ P0: true, P1: true, P2: true, P3: true });
export const healthCategories = every<HealthCategory>({
  healthy: true,
  at_risk: true,
  critical: true,
});
export const roles = every<Role>({ admin: true, manager: true, csm: true, viewer: true });
