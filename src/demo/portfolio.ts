// The demo accounts and their contacts, planned as plain data from a seeded random source
// and "now": every date is relative to the clock, so the portfolio always looks current.
import type { ContactRole, Priority, Stage, Tier } from '../db/schema.ts';
import type { Random } from './random.ts';
import { demoTeam, type DemoRegion } from './team.ts';

const dayMs = 24 * 3600_000;

/** How an account's year went: decides the stories on its timeline. */
export type Story = 'steady' | 'at_risk' | 'expansion' | 'onboarding' | 'churned';

export type PlannedContact = {
  name: string;
  email: string;
  title: string;
  phone: string | null;
  role: ContactRole;
};

export type PlannedAccount = {
  externalId: string;
  name: string;
  domain: string;
  tier: Tier;
  plan: string;
  /** ARR in cents (USD). */
  arrAmount: number;
  seats: number;
  stage: Stage;
  renewalDate: string;
  priority: Priority;
  /** The team member's key (team.ts), or null for the few accounts nobody owns yet. */
  ownerKey: string | null;
  customerSince: Date;
  story: Story;
  customFields: Record<string, unknown>;
  contacts: PlannedContact[];
};

export const regions: DemoRegion[] = ['NA', 'EMEA', 'APAC', 'LATAM'];

export const industries = [
  'Technology',
  'Healthcare',
  'Financial services',
  'Manufacturing',
  'Retail',
  'Logistics',
  'Education',
  'Media',
  'Energy',
  'Hospitality',
] as const;

export const integrations = [
  'Salesforce',
  'HubSpot',
  'Slack',
  'Zendesk',
  'Jira',
  'Snowflake',
  'Segment',
  'Okta',
] as const;

// Made-up company names: an invented stem and a word that says what the company does.
// prettier-ignore
const stems = [
  'Amberline', 'Bluefen', 'Brightmoor', 'Cinderpath', 'Coldwater', 'Coppervale', 'Driftmark',
  'Elmstead', 'Emberly', 'Fairhollow', 'Fernbrook', 'Glenmark', 'Goldcrest', 'Greyfield',
  'Hallowell', 'Highmere', 'Ironbark', 'Kestrel', 'Larkspur', 'Lindenhall', 'Lowmoor',
  'Marlowe', 'Millbrook', 'Northmere', 'Oakhaven', 'Orchardly', 'Pebblecreek', 'Pinewick',
  'Quillfeather', 'Ravensby', 'Redfern', 'Saltmarsh', 'Silverbirch', 'Stonebridge',
  'Sunmeadow', 'Thistledown', 'Tidewell', 'Umberfield', 'Valewood', 'Westerly', 'Whitlock',
  'Wrenford', 'Yarrowby', 'Ashgrove', 'Bramblewick', 'Clearwing', 'Duskfield', 'Everhollow',
];

const sectors: { word: string; industry: (typeof industries)[number] }[] = [
  { word: 'Logistics', industry: 'Logistics' },
  { word: 'Freight', industry: 'Logistics' },
  { word: 'Health', industry: 'Healthcare' },
  { word: 'Clinics', industry: 'Healthcare' },
  { word: 'Analytics', industry: 'Technology' },
  { word: 'Software', industry: 'Technology' },
  { word: 'Labs', industry: 'Technology' },
  { word: 'Capital', industry: 'Financial services' },
  { word: 'Insurance', industry: 'Financial services' },
  { word: 'Manufacturing', industry: 'Manufacturing' },
  { word: 'Robotics', industry: 'Manufacturing' },
  { word: 'Outfitters', industry: 'Retail' },
  { word: 'Markets', industry: 'Retail' },
  { word: 'Learning', industry: 'Education' },
  { word: 'Media', industry: 'Media' },
  { word: 'Studios', industry: 'Media' },
  { word: 'Energy', industry: 'Energy' },
  { word: 'Solar', industry: 'Energy' },
  { word: 'Hotels', industry: 'Hospitality' },
  { word: 'Travel', industry: 'Hospitality' },
];

// prettier-ignore
const firstNames = [
  'Alex', 'Maria', 'Daniel', 'Sofia', 'Omar', 'Hannah', 'Wei', 'Fatima', 'Lucas', 'Chloe',
  'Mateo', 'Aisha', 'Ethan', 'Ingrid', 'Rahul', 'Elena', 'Noah', 'Yuki', 'Grace', 'Tomas',
  'Amara', 'Jonas', 'Leila', 'Marcus', 'Nadia', 'Oliver', 'Priyanka', 'Samuel', 'Zoe', 'Kwame',
  'Anya', 'Diego', 'Freya', 'Hiro', 'Isabel', 'Julian', 'Katarina', 'Liam', 'Mina', 'Pavel',
];

// prettier-ignore
const lastNames = [
  'Brooks', 'Nguyen', 'Garcia', 'Okafor', 'Schmidt', 'Kowalski', 'Rossi', 'Haddad', 'Larsen',
  'Patel', 'Kim', 'Moreau', 'Silva', 'Fischer', 'Novak', 'Sato', 'Bennett', 'Murphy', 'Alvarez',
  'Chen', 'Dubois', 'Andersen', 'Mensah', 'Costa', 'Horvath', 'Reyes', 'Walsh', 'Yilmaz',
  'Lindqvist', 'Petrov', 'Tanaka', 'Adeyemi', 'Romero', 'Becker', 'Sullivan', 'Ivanova',
];

const titles: Record<ContactRole, string[]> = {
  champion: [
    'Director of Operations',
    'Head of Customer Experience',
    'Operations Manager',
    'Director of Revenue Operations',
    'Head of Support',
  ],
  executive_sponsor: [
    'VP of Operations',
    'Chief Operating Officer',
    'Chief Financial Officer',
    'VP of Customer Experience',
    'Chief Technology Officer',
  ],
  admin: ['IT Administrator', 'Systems Administrator', 'Business Systems Analyst'],
  user: [
    'Operations Analyst',
    'Support Team Lead',
    'Account Coordinator',
    'Project Manager',
    'Data Analyst',
  ],
};

/**
 * Seats grow with ARR within a tier's range. The ranges are small on purpose: the demo sends
 * every product user's activity through the real intake, so an account has a dozen users at most,
 * and seat utilization (active users against seats) has to be about them to mean anything.
 */
// prettier-ignore
const tierTerms: Record<
  Tier,
  { arrDollars: [number, number]; step: number; seats: [number, number]; plans: string[] }
> = {
  enterprise: { arrDollars: [150_000, 1_200_000], step: 1000, seats: [12, 16], plans: ['Enterprise', 'Enterprise Plus'] },
  mid_market: { arrDollars: [40_000, 150_000], step: 500, seats: [7, 10], plans: ['Business', 'Growth'] },
  smb: { arrDollars: [5_000, 40_000], step: 500, seats: [4, 6], plans: ['Team', 'Starter'] },
};

/** One account of the demo CSM's portfolio, placed by hand so the story is always told. */
type Shape = {
  tier: Tier;
  renewInDays: number;
  priority: Priority;
  stage: Stage;
  story: Story;
  /** Only for onboarding accounts: they signed recently, so their renewal is a year out. */
  sinceDaysAgo?: number;
};

// Jordan Taylor's fifteen: three P0s, six renewals within 90 days, two onboardings.
// prettier-ignore
const demoCsmPortfolio: Shape[] = [
  { tier: 'enterprise', renewInDays: 24, priority: 'P0', stage: 'renewing', story: 'at_risk' },
  { tier: 'enterprise', renewInDays: 71, priority: 'P1', stage: 'renewing', story: 'expansion' },
  { tier: 'enterprise', renewInDays: 198, priority: 'P0', stage: 'adopting', story: 'at_risk' },
  { tier: 'enterprise', renewInDays: 305, priority: 'P1', stage: 'onboarding', story: 'onboarding', sinceDaysAgo: 60 },
  { tier: 'mid_market', renewInDays: 12, priority: 'P0', stage: 'renewing', story: 'at_risk' },
  { tier: 'mid_market', renewInDays: 47, priority: 'P2', stage: 'renewing', story: 'steady' },
  { tier: 'mid_market', renewInDays: 88, priority: 'P1', stage: 'steady', story: 'expansion' },
  { tier: 'mid_market', renewInDays: 133, priority: 'P2', stage: 'steady', story: 'steady' },
  { tier: 'mid_market', renewInDays: 246, priority: 'P2', stage: 'adopting', story: 'steady' },
  { tier: 'mid_market', renewInDays: 338, priority: 'P2', stage: 'onboarding', story: 'onboarding', sinceDaysAgo: 27 },
  { tier: 'smb', renewInDays: 35, priority: 'P2', stage: 'renewing', story: 'steady' },
  { tier: 'smb', renewInDays: 162, priority: 'P3', stage: 'steady', story: 'steady' },
  { tier: 'smb', renewInDays: 219, priority: 'P2', stage: 'steady', story: 'at_risk' },
  { tier: 'smb', renewInDays: 281, priority: 'P3', stage: 'adopting', story: 'steady' },
  { tier: 'smb', renewInDays: 320, priority: 'P3', stage: 'steady', story: 'expansion' },
];

const unassignedCount = 5;
const churnedCount = 4;

/** A calendar day `days` after `now` (UTC), as `YYYY-MM-DD`. */
export function dayFrom(now: Date, days: number): string {
  return new Date(now.getTime() + days * dayMs).toISOString().slice(0, 10);
}

export function planPortfolio(now: Date, random: Random): PlannedAccount[] {
  const names = companyNames(random);
  const shapes: { ownerKey: string | null; shape: Shape }[] = [];
  for (const person of demoTeam) {
    if (!person.portfolio) continue;
    for (let i = 0; i < person.portfolio; i++) {
      const shape = person.key === 'jordan' ? demoCsmPortfolio[i] : randomShape(random);
      if (shape) shapes.push({ ownerKey: person.key, shape });
    }
  }
  for (let i = 0; i < unassignedCount; i++) {
    shapes.push({ ownerKey: null, shape: randomShape(random) });
  }
  markChurned(random, shapes);

  return shapes.map(({ ownerKey, shape }, index) => {
    const company = names[index];
    if (!company) throw new Error('not enough demo company names');
    return planAccount(now, random, index, company, ownerKey, shape);
  });
}

function companyNames(random: Random) {
  const combos = stems.flatMap((stem, i) =>
    // Each stem with two sectors, so no company name repeats a stem more than twice.
    [0, 7].map((offset) => {
      const sector = sectors[(i + offset) % sectors.length] ?? sectors[0];
      return { name: `${stem} ${sector?.word}`, stem, industry: sector?.industry ?? 'Technology' };
    }),
  );
  // One name per stem first, so the portfolio does not read like a list of twins.
  const firsts = random.sample(
    combos.filter((_, i) => i % 2 === 0),
    stems.length,
  );
  const seconds = random.sample(
    combos.filter((_, i) => i % 2 === 1),
    stems.length,
  );
  return [...firsts, ...seconds];
}

function randomShape(random: Random): Shape {
  const roll = random.next();
  const tier: Tier = roll < 0.2 ? 'enterprise' : roll < 0.56 ? 'mid_market' : 'smb';
  const renewInDays = random.int(3, 364);
  const sinceDaysAgo = 365 - renewInDays + 365 * random.int(0, 3);
  const stage: Stage =
    renewInDays <= 60 && sinceDaysAgo > 300
      ? 'renewing'
      : sinceDaysAgo < 90
        ? 'onboarding'
        : sinceDaysAgo < 220 || random.chance(0.2)
          ? 'adopting'
          : 'steady';
  const priority = randomPriority(random, tier);
  const story: Story =
    stage === 'onboarding'
      ? 'onboarding'
      : priority === 'P0' || random.chance(0.12)
        ? 'at_risk'
        : random.chance(0.18)
          ? 'expansion'
          : 'steady';
  return { tier, renewInDays, priority, stage, story, sinceDaysAgo };
}

function randomPriority(random: Random, tier: Tier): Priority {
  const roll = random.next();
  if (tier === 'enterprise') return roll < 0.12 ? 'P0' : roll < 0.6 ? 'P1' : 'P2';
  if (tier === 'mid_market')
    return roll < 0.06 ? 'P0' : roll < 0.3 ? 'P1' : roll < 0.9 ? 'P2' : 'P3';
  return roll < 0.1 ? 'P1' : roll < 0.6 ? 'P2' : 'P3';
}

/** A few smaller customers left at their last renewal: churn belongs in a real book. */
function markChurned(random: Random, shapes: { ownerKey: string | null; shape: Shape }[]) {
  const candidates = shapes.filter(
    ({ ownerKey, shape }) =>
      ownerKey !== 'jordan' && ownerKey !== null && shape.tier !== 'enterprise',
  );
  for (const entry of random.sample(candidates, churnedCount)) {
    const churnedDaysAgo = random.int(10, 150);
    entry.shape = {
      ...entry.shape,
      stage: 'churned',
      story: 'churned',
      priority: 'P3',
      renewInDays: -churnedDaysAgo,
      sinceDaysAgo: churnedDaysAgo + 365 * random.int(1, 2),
    };
  }
}

function planAccount(
  now: Date,
  random: Random,
  index: number,
  company: { name: string; stem: string; industry: string },
  ownerKey: string | null,
  shape: Shape,
): PlannedAccount {
  const terms = tierTerms[shape.tier];
  const [low, high] = terms.arrDollars;
  const arrDollars = random.int(low / terms.step, high / terms.step) * terms.step;
  // Customers sign on the renewal date's anniversary; the oldest have been here 3–4 years.
  // Past onboarding means at least half a year in.
  const firstTerm = 365 - shape.renewInDays;
  const sinceDaysAgo =
    shape.sinceDaysAgo ?? firstTerm + 365 * random.int(firstTerm < 200 ? 1 : 0, 2);
  const domain = `${company.name.toLowerCase().replace(/\s+/g, '-')}.example`;
  const owner = demoTeam.find((person) => person.key === ownerKey);
  const region = random.pick(owner?.regions ?? regions);
  const expansion =
    shape.story === 'expansion'
      ? random.int(20, 60)
      : shape.story === 'churned' || random.chance(0.5)
        ? 0
        : random.int(3, 15);
  const customFields: Record<string, unknown> = {
    region,
    industry: company.industry,
    integrations: random
      .sample(integrations, random.int(0, shape.tier === 'smb' ? 2 : 4))
      .sort((a, b) => integrations.indexOf(a) - integrations.indexOf(b)),
  };
  // Expansion potential as a share of ARR, rounded to $1,000 (too small to round: none).
  const potentialDollars = Math.round((arrDollars * expansion) / 100 / 1000) * 1000;
  if (potentialDollars > 0) {
    customFields.expansion_potential = { amount: potentialDollars * 100, currency: 'USD' };
  }
  return {
    // Gaps in the numbering, as in a CRM where deals were lost before they became customers.
    externalId: `crm-${String(1000 + index * 7 + (index % 3)).padStart(5, '0')}`,
    name: company.name,
    domain,
    tier: shape.tier,
    plan: random.pick(terms.plans),
    arrAmount: arrDollars * 100,
    seats: Math.round(
      terms.seats[0] + ((terms.seats[1] - terms.seats[0]) * (arrDollars - low)) / (high - low),
    ),
    stage: shape.stage,
    renewalDate: dayFrom(now, shape.renewInDays),
    priority: shape.priority,
    ownerKey,
    customerSince: new Date(now.getTime() - sinceDaysAgo * dayMs),
    story: shape.story,
    customFields,
    contacts: planContacts(random, shape.tier, domain, region),
  };
}

function planContacts(
  random: Random,
  tier: Tier,
  domain: string,
  region: DemoRegion,
): PlannedContact[] {
  const roles: ContactRole[] = ['champion'];
  const sponsorOdds = tier === 'enterprise' ? 1 : tier === 'mid_market' ? 0.7 : 0.4;
  if (random.chance(sponsorOdds)) roles.push('executive_sponsor');
  roles.push('admin');
  const users = random.int(0, tier === 'smb' ? 1 : 2);
  for (let i = 0; i < users && roles.length < 5; i++) roles.push('user');
  if (roles.length < 2) roles.push('user');

  const firsts = random.sample(firstNames, roles.length);
  const lasts = random.sample(lastNames, roles.length);
  return roles.map((role, i) => {
    const first = firsts[i] ?? 'Alex';
    const last = lasts[i] ?? 'Brooks';
    return {
      name: `${first} ${last}`,
      email: `${first}.${last}@${domain}`.toLowerCase(),
      title: random.pick(titles[role]),
      // 555-01xx numbers are reserved for fiction in North America; others leave it blank.
      phone: region === 'NA' ? `+1 555 01${String(random.int(0, 99)).padStart(2, '0')}` : null,
      role,
    };
  });
}
