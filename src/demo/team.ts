// The demo CS team: an admin, a manager, the demo CSM (Jordan Taylor, the persona of the
// product's CSM guide), four more CSMs across time zones, a solutions engineer and a viewer.
import type { Role } from '../db/schema.ts';

export const demoPassword = 'steward-demo';

/** The three sign-ins printed at start-up, in the order a visitor would try them. */
export const demoSignIns = {
  csm: 'csm@demo.steward.dev',
  manager: 'manager@demo.steward.dev',
  admin: 'admin@demo.steward.dev',
} as const;

export type DemoRegion = 'NA' | 'EMEA' | 'APAC' | 'LATAM';

export type DemoPerson = {
  key: string;
  email: string;
  name: string;
  role: Role;
  reportsToManager: boolean;
  timezone: string;
  locale: 'en' | 'ru';
  /** For CSMs: how many accounts they own (the demo CSM's are planned one by one). */
  portfolio?: number;
  /** For CSMs: where most of their accounts are. */
  regions?: DemoRegion[];
};

export const demoTeam: DemoPerson[] = [
  {
    key: 'admin',
    email: demoSignIns.admin,
    name: 'Avery Admin',
    role: 'admin',
    reportsToManager: false,
    timezone: 'America/New_York',
    locale: 'en',
  },
  {
    key: 'manager',
    email: demoSignIns.manager,
    name: 'Morgan Lee',
    role: 'manager',
    reportsToManager: false,
    timezone: 'America/Chicago',
    locale: 'en',
  },
  {
    key: 'jordan',
    email: demoSignIns.csm,
    name: 'Jordan Taylor',
    role: 'csm',
    reportsToManager: true,
    timezone: 'America/New_York',
    locale: 'en',
    portfolio: 15,
    regions: ['NA', 'NA', 'NA', 'LATAM', 'EMEA'],
  },
  {
    key: 'priya',
    email: 'priya.shah@demo.steward.dev',
    name: 'Priya Shah',
    role: 'csm',
    reportsToManager: true,
    timezone: 'Europe/London',
    locale: 'en',
    portfolio: 17,
    regions: ['EMEA', 'EMEA', 'NA'],
  },
  {
    key: 'lukas',
    email: 'lukas.becker@demo.steward.dev',
    name: 'Lukas Becker',
    role: 'csm',
    reportsToManager: true,
    timezone: 'Europe/Berlin',
    locale: 'en',
    portfolio: 16,
    regions: ['EMEA'],
  },
  {
    // A Russian-speaking CSM: the app's second language has a real user in the demo.
    key: 'dmitri',
    email: 'dmitri.volkov@demo.steward.dev',
    name: 'Dmitri Volkov',
    role: 'csm',
    reportsToManager: true,
    timezone: 'Europe/Moscow',
    locale: 'ru',
    portfolio: 15,
    regions: ['EMEA', 'EMEA', 'APAC'],
  },
  {
    key: 'kenji',
    email: 'kenji.watanabe@demo.steward.dev',
    name: 'Kenji Watanabe',
    role: 'csm',
    reportsToManager: true,
    timezone: 'Asia/Tokyo',
    locale: 'en',
    portfolio: 16,
    regions: ['APAC', 'APAC', 'NA'],
  },
  {
    // Onboarding templates assign technical tasks to a solutions engineer; he owns no accounts.
    key: 'sam',
    email: 'sam.rivera@demo.steward.dev',
    name: 'Sam Rivera',
    role: 'csm',
    reportsToManager: true,
    timezone: 'America/Los_Angeles',
    locale: 'en',
  },
  {
    key: 'viewer',
    email: 'riley.chen@demo.steward.dev',
    name: 'Riley Chen',
    role: 'viewer',
    reportsToManager: false,
    timezone: 'America/Denver',
    locale: 'en',
  },
];
