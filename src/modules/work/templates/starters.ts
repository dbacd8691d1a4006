// Starter templates a workspace can begin from. "Enterprise onboarding" follows the stages of
// seeds/004 (setup, training, adoption…) with the 20+ tasks the CSM of seeds/000 re-created by
// hand for every enterprise customer; "Mid-market onboarding" is the same road in half the
// tasks and time; "SMB onboarding" is the few weeks a small customer gets.
import type { TemplateDefinition } from './definition.ts';

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

export type StarterTemplate = {
  name: string;
  description: string;
  definition: TemplateDefinition;
};

export const enterpriseOnboarding: StarterTemplate = {
  name: 'Enterprise onboarding',
  description:
    'From signed contract to a team that uses the product every week: five stages, 22 tasks.',
  definition: {
    anchor: 'start',
    allowDueBeforeStart: false,
    stages: [
      {
        key: 'kickoff',
        name: 'Kickoff',
        description: 'Hand-off from sales, goals agreed, people introduced',
        expectedDays: 5,
        successCriteria: [
          'Success plan agreed with the executive sponsor',
          'Champion and admins named',
        ],
      },
      {
        key: 'setup',
        name: 'Initial setup',
        description: 'Account configuration and basic setup',
        expectedDays: 10,
        successCriteria: [
          'Account created and verified',
          'Initial team members added',
          'Basic settings configured',
        ],
      },
      {
        key: 'training',
        name: 'User training',
        description: 'Product training and feature introduction',
        expectedDays: 10,
        successCriteria: [
          'Training sessions completed',
          'Key features demonstrated',
          'User questions addressed',
        ],
      },
      {
        key: 'adoption',
        name: 'Early adoption',
        description: 'Track initial usage and engagement',
        expectedDays: 20,
        successCriteria: [
          'Weekly active users above 60% of seats',
          'First workflow live in production',
        ],
      },
      {
        key: 'handoff',
        name: 'Success review',
        description: 'Celebrate the milestone and move to steady state',
        expectedDays: 10,
        successCriteria: ['Onboarding review held', 'Renewal and expansion plan drafted'],
      },
    ],
    tasks: [
      task({
        key: 'sales-handoff',
        title: 'Review the sales hand-off notes',
        stage: 'kickoff',
        offsetDays: 0,
        priority: 'P1',
        checklist: ['Read the order form', 'Note what was promised', 'List the stakeholders'],
      }),
      task({
        key: 'welcome',
        title: 'Send the welcome e-mail',
        stage: 'kickoff',
        offsetDays: 0,
        dependsOn: ['sales-handoff'],
      }),
      task({
        key: 'kickoff-call',
        title: 'Hold the kickoff call',
        stage: 'kickoff',
        offsetDays: 3,
        priority: 'P1',
        dependsOn: ['welcome'],
        checklist: ['Agenda sent', 'Goals written down', 'Cadence agreed'],
      }),
      task({
        key: 'success-plan',
        title: 'Write the success plan with the sponsor',
        stage: 'kickoff',
        offsetDays: 5,
        dependsOn: ['kickoff-call'],
      }),
      task({
        key: 'manager-intro',
        title: 'Introduce the CS manager to the executive sponsor',
        stage: 'kickoff',
        offsetDays: 5,
        role: 'manager',
        priority: 'P3',
      }),
      task({
        key: 'workspace',
        title: 'Create and verify the customer workspace',
        stage: 'setup',
        offsetDays: 4,
        role: 'solutions_engineer',
        dependsOn: ['kickoff-call'],
      }),
      task({
        key: 'sso',
        title: 'Configure SSO',
        stage: 'setup',
        offsetDays: 8,
        role: 'solutions_engineer',
        priority: 'P1',
        dependsOn: ['workspace'],
        checklist: ['Metadata exchanged', 'Test login', 'Enforced for all users'],
      }),
      task({
        key: 'import-data',
        title: 'Import existing data',
        stage: 'setup',
        offsetDays: 9,
        role: 'solutions_engineer',
        dependsOn: ['workspace'],
      }),
      task({
        key: 'integrations',
        title: 'Connect Slack and the CRM',
        stage: 'setup',
        offsetDays: 10,
        role: 'solutions_engineer',
        dependsOn: ['workspace'],
      }),
      task({
        key: 'invite-admins',
        title: 'Invite the admins',
        stage: 'setup',
        offsetDays: 10,
        dependsOn: ['sso'],
      }),
      task({
        key: 'settings-review',
        title: 'Review the basic settings with the admins',
        stage: 'setup',
        offsetDays: 12,
        dependsOn: ['invite-admins'],
      }),
      task({
        key: 'admin-training',
        title: 'Train the admins',
        stage: 'training',
        offsetDays: 14,
        dependsOn: ['settings-review'],
        checklist: ['Roles and permissions', 'Custom fields', 'Reports'],
      }),
      task({
        key: 'user-training-1',
        title: 'First end-user training session',
        stage: 'training',
        offsetDays: 17,
        dependsOn: ['admin-training'],
      }),
      task({
        key: 'user-training-2',
        title: 'Second end-user training session',
        stage: 'training',
        offsetDays: 19,
        dependsOn: ['user-training-1'],
      }),
      task({
        key: 'office-hours',
        title: 'Run open office hours for questions',
        stage: 'training',
        offsetDays: 21,
        priority: 'P3',
      }),
      task({
        key: 'training-survey',
        title: 'Send the training satisfaction survey',
        stage: 'training',
        offsetDays: 22,
        dependsOn: ['user-training-2'],
      }),
      task({
        key: 'first-workflow',
        title: 'First workflow live in production',
        stage: 'adoption',
        offsetDays: 25,
        priority: 'P1',
        firstValue: true,
        dependsOn: ['user-training-1'],
        tags: ['milestone'],
      }),
      task({
        key: 'usage-check-1',
        title: 'Check usage two weeks after training',
        stage: 'adoption',
        offsetDays: 32,
        dependsOn: ['user-training-2'],
      }),
      task({
        key: 'champion-sync',
        title: 'Sync with the champion on blockers',
        stage: 'adoption',
        offsetDays: 35,
      }),
      task({
        key: 'usage-check-2',
        title: 'Check weekly active users against seats',
        stage: 'adoption',
        offsetDays: 42,
        dependsOn: ['usage-check-1'],
      }),
      task({
        key: 'onboarding-review',
        title: 'Hold the onboarding review',
        stage: 'handoff',
        offsetDays: 47,
        priority: 'P1',
        dependsOn: ['usage-check-2'],
        checklist: ['Goals met?', 'Open issues', 'Next quarter plan'],
      }),
      task({
        key: 'steady-state',
        title: 'Move the account to steady state and plan the renewal',
        stage: 'handoff',
        offsetDays: 50,
        dependsOn: ['onboarding-review'],
      }),
    ],
  },
};

/**
 * A mid-market customer's onboarding: the enterprise road without its second training, office
 * hours and sponsor introduction — one kickoff, a solutions engineer for the data and the
 * integrations, one training each for the admins and the team, and the first workflow live
 * within a month, reviewed at about seven weeks.
 */
export const midMarketOnboarding: StarterTemplate = {
  name: 'Mid-market onboarding',
  description:
    'From signed contract to a team that uses the product every week in about seven weeks: four stages, 12 tasks.',
  definition: {
    anchor: 'start',
    allowDueBeforeStart: false,
    stages: [
      {
        key: 'kickoff',
        name: 'Kickoff',
        description: 'Hand-off from sales, goals agreed, admin and champion named',
        expectedDays: 4,
        successCriteria: ['Success plan agreed with the champion', 'Admin named'],
      },
      {
        key: 'setup',
        name: 'Initial setup',
        description: 'Workspace verified, data imported, Slack and the CRM connected',
        expectedDays: 7,
        successCriteria: ['Data imported', 'Integrations connected'],
      },
      {
        key: 'training',
        name: 'User training',
        description: 'The admins, then the team',
        expectedDays: 7,
        successCriteria: ['Admins trained', 'Team trained'],
      },
      {
        key: 'adoption',
        name: 'Early adoption',
        description: 'The first workflow live, usage checked, the onboarding reviewed',
        expectedDays: 18,
        successCriteria: [
          'First workflow live in production',
          'Weekly active users above half the seats',
        ],
      },
    ],
    tasks: [
      task({
        key: 'sales-handoff',
        title: 'Review the sales hand-off notes',
        stage: 'kickoff',
        offsetDays: 0,
        priority: 'P1',
        checklist: ['Read the order form', 'Note what was promised'],
      }),
      task({
        key: 'welcome',
        title: 'Send the welcome e-mail',
        stage: 'kickoff',
        offsetDays: 0,
        dependsOn: ['sales-handoff'],
      }),
      task({
        key: 'kickoff-call',
        title: 'Hold the kickoff call',
        stage: 'kickoff',
        offsetDays: 2,
        priority: 'P1',
        dependsOn: ['welcome'],
        checklist: ['Goals written down', 'Admin and champion named', 'Cadence agreed'],
      }),
      task({
        key: 'success-plan',
        title: 'Write a one-page success plan with the champion',
        stage: 'kickoff',
        offsetDays: 4,
        dependsOn: ['kickoff-call'],
      }),
      task({
        key: 'workspace',
        title: 'Create and verify the customer workspace',
        stage: 'setup',
        offsetDays: 4,
        role: 'solutions_engineer',
        dependsOn: ['kickoff-call'],
      }),
      task({
        key: 'import-data',
        title: 'Import existing data',
        stage: 'setup',
        offsetDays: 7,
        role: 'solutions_engineer',
        dependsOn: ['workspace'],
      }),
      task({
        key: 'integrations',
        title: 'Connect Slack and the CRM',
        stage: 'setup',
        offsetDays: 9,
        role: 'solutions_engineer',
        dependsOn: ['workspace'],
      }),
      task({
        key: 'admin-training',
        title: 'Train the admins',
        stage: 'training',
        offsetDays: 11,
        dependsOn: ['import-data'],
        checklist: ['Roles and permissions', 'Custom fields', 'Reports'],
      }),
      task({
        key: 'team-training',
        title: 'Run the team training session',
        stage: 'training',
        offsetDays: 14,
        dependsOn: ['admin-training'],
      }),
      task({
        key: 'first-workflow',
        title: 'First workflow live in production',
        stage: 'adoption',
        offsetDays: 18,
        priority: 'P1',
        firstValue: true,
        dependsOn: ['team-training'],
        tags: ['milestone'],
      }),
      task({
        key: 'usage-check',
        title: 'Check weekly active users against seats',
        stage: 'adoption',
        offsetDays: 26,
        dependsOn: ['first-workflow'],
      }),
      task({
        key: 'onboarding-review',
        title: 'Hold the onboarding review and plan the renewal',
        stage: 'adoption',
        offsetDays: 33,
        priority: 'P1',
        dependsOn: ['usage-check'],
        checklist: ['Goals met?', 'Open issues', 'Next quarter plan'],
      }),
    ],
  },
};

/**
 * An SMB customer's onboarding: a few weeks of its CSM's time — a kickoff call, setup checks, a
 * group training and the first workflow live — as a tech-touch motion runs it.
 */
export const smbOnboarding: StarterTemplate = {
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
