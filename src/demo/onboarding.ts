// The demo's onboarding templates, one per segment (the starters of the work module): an
// enterprise customer gets the 22-task "Enterprise onboarding" with a solutions engineer and
// the manager; a mid-market one the 12-task "Mid-market onboarding", a solutions engineer for
// its data and integrations; a small customer "SMB onboarding", a few weeks of its CSM's time.
import type { Tier } from '../db/schema.ts';
import { daysBetween, isoDay } from '../lib/calendar.ts';
import {
  dueDay,
  enterpriseOnboarding,
  midMarketOnboarding,
  smbOnboarding,
  type StarterTemplate,
} from '../modules/work/index.ts';

const templateOfTier: Record<Tier, StarterTemplate> = {
  enterprise: enterpriseOnboarding,
  mid_market: midMarketOnboarding,
  smb: smbOnboarding,
};

/** The onboarding templates the demo defines, the first its default. */
export const onboardingTemplates: readonly StarterTemplate[] = Object.values(templateOfTier);

/** The template a customer of this tier is onboarded with. */
export function onboardingTemplateOf(tier: Tier): StarterTemplate {
  return templateOfTier[tier];
}

/**
 * Days from signing to the end of the tier's plan: its last task's business days, in calendar
 * days of five working days a week (a holiday or two can stretch it by as much).
 */
export function onboardingPlanDays(tier: Tier): number {
  const last = Math.max(...onboardingTemplateOf(tier).definition.tasks.map((t) => t.offsetDays));
  return Math.floor((last * 7) / 5);
}

/**
 * Days from signing to first value, as the tier's template plans it: its first-value
 * milestone's business days after the start, in calendar days.
 */
export function firstValueAfterDays(customerSince: Date, tier: Tier): number {
  const milestone = onboardingTemplateOf(tier).definition.tasks.find((t) => t.firstValue);
  const start = isoDay(customerSince);
  return daysBetween(start, dueDay(start, milestone?.offsetDays ?? 0, 'business'));
}
