// The demo's onboarding templates, one per way of onboarding: an enterprise customer gets the
// 22-task "Enterprise onboarding" with a solutions engineer and the manager; a small customer
// gets a few weeks of its CSM's time — a kickoff call, setup checks, a group training and the
// first workflow live — as a tech-touch SMB motion runs it.
import type { Tier } from '../db/schema.ts';
import { daysBetween, isoDay } from '../lib/calendar.ts';
import { dueDay, enterpriseOnboarding, type TemplateDefinition } from '../modules/work/index.ts';

export type OnboardingTemplate = {
  name: string;
  description: string;
  definition: TemplateDefinition;
};
type Task = TemplateDefinition['tasks'][number];

const task = (t: Pick<Task, 'key' | 'title' | 'stage' | 'offsetDays'> & Partial<Task>): Task => ({
  description: null,
  parent: null,
  offsetUnit: 'business',
  role: 'owner',
  priority: 'P2',
  tags: [],
  checklist: [],
  dependsOn: [],
  firstValue: false,
  ...t,
});

export const smbOnboarding: OnboardingTemplate = {
  name: 'SMB onboarding',
  description: 'From signed order to the first workflow live in under four weeks: 8 tasks.',
  definition: {
    anchor: 'start',
    allowDueBeforeStart: false,
    stages: [
      {
        key: 'kickoff',
        name: 'Kickoff',
        description: 'Welcome, goals and the first use case',
        expectedDays: 3,
        successCriteria: ['First use case agreed', 'Admin named'],
      },
      {
        key: 'setup',
        name: 'Initial setup',
        description: 'Data in, team invited, training booked',
        expectedDays: 6,
        successCriteria: ['Data imported', 'Team invited'],
      },
      {
        key: 'first-value',
        name: 'First value',
        description: 'The first workflow in daily use',
        expectedDays: 10,
        successCriteria: ['First workflow live in production', 'Half the seats active'],
      },
    ],
    tasks: [
      task({
        key: 'welcome',
        title: 'Send the welcome e-mail and the getting-started guide',
        stage: 'kickoff',
        offsetDays: 0,
        priority: 'P1',
      }),
      task({
        key: 'kickoff-call',
        title: 'Hold a 30-minute kickoff call',
        stage: 'kickoff',
        offsetDays: 2,
        priority: 'P1',
        dependsOn: ['welcome'],
        checklist: ['Goals written down', 'Admin named', 'First use case chosen'],
      }),
      task({
        key: 'import-data',
        title: 'Check the data import with the admin',
        stage: 'setup',
        offsetDays: 4,
        dependsOn: ['kickoff-call'],
      }),
      task({
        key: 'invite-team',
        title: 'Confirm the team is invited',
        stage: 'setup',
        offsetDays: 5,
        dependsOn: ['kickoff-call'],
      }),
      task({
        key: 'group-training',
        title: 'Book the team into the weekly group training',
        stage: 'setup',
        offsetDays: 7,
        dependsOn: ['invite-team'],
      }),
      task({
        key: 'first-workflow',
        title: 'First workflow live in production',
        stage: 'first-value',
        offsetDays: 12,
        priority: 'P1',
        firstValue: true,
        dependsOn: ['import-data'],
        tags: ['milestone'],
      }),
      task({
        key: 'usage-check',
        title: 'Check active users against seats',
        stage: 'first-value',
        offsetDays: 15,
        dependsOn: ['first-workflow'],
      }),
      task({
        key: 'wrap-up',
        title: 'E-mail the onboarding results and the next steps',
        stage: 'first-value',
        offsetDays: 18,
        priority: 'P1',
        dependsOn: ['usage-check'],
        checklist: ['Goals met?', 'Open questions', 'Where to get help'],
      }),
    ],
  },
};

/** The onboarding templates the demo defines, the first its default. */
export const onboardingTemplates: readonly OnboardingTemplate[] = [
  enterpriseOnboarding,
  smbOnboarding,
];

/** The template a customer of this tier is onboarded with. */
export function onboardingTemplateOf(tier: Tier): OnboardingTemplate {
  return tier === 'smb' ? smbOnboarding : enterpriseOnboarding;
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
