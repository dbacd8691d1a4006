// The made-up world of the demo: regions, industries and integrations (also the workspace's
// custom field options), company names, and the people at the customers with their titles.
import type { ContactRole } from '../db/schema.ts';
import type { DemoRegion } from './team.ts';

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
export const stems = [
  'Amberline', 'Bluefen', 'Brightmoor', 'Cinderpath', 'Coldwater', 'Coppervale', 'Driftmark',
  'Elmstead', 'Emberly', 'Fairhollow', 'Fernbrook', 'Glenmark', 'Goldcrest', 'Greyfield',
  'Hallowell', 'Highmere', 'Ironbark', 'Kestrel', 'Larkspur', 'Lindenhall', 'Lowmoor',
  'Marlowe', 'Millbrook', 'Northmere', 'Oakhaven', 'Orchardly', 'Pebblecreek', 'Pinewick',
  'Quillfeather', 'Ravensby', 'Redfern', 'Saltmarsh', 'Silverbirch', 'Stonebridge',
  'Sunmeadow', 'Thistledown', 'Tidewell', 'Umberfield', 'Valewood', 'Westerly', 'Whitlock',
  'Wrenford', 'Yarrowby', 'Ashgrove', 'Bramblewick', 'Clearwing', 'Duskfield', 'Everhollow',
];

export const sectors: { word: string; industry: (typeof industries)[number] }[] = [
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
export const firstNames = [
  'Alex', 'Maria', 'Daniel', 'Sofia', 'Omar', 'Hannah', 'Wei', 'Fatima', 'Lucas', 'Chloe',
  'Mateo', 'Aisha', 'Ethan', 'Ingrid', 'Rahul', 'Elena', 'Noah', 'Yuki', 'Grace', 'Tomas',
  'Amara', 'Jonas', 'Leila', 'Marcus', 'Nadia', 'Oliver', 'Priyanka', 'Samuel', 'Zoe', 'Kwame',
  'Anya', 'Diego', 'Freya', 'Hiro', 'Isabel', 'Julian', 'Katarina', 'Liam', 'Mina', 'Pavel',
];

// prettier-ignore
export const lastNames = [
  'Brooks', 'Nguyen', 'Garcia', 'Okafor', 'Schmidt', 'Kowalski', 'Rossi', 'Haddad', 'Larsen',
  'Patel', 'Kim', 'Moreau', 'Silva', 'Fischer', 'Novak', 'Sato', 'Bennett', 'Murphy', 'Alvarez',
  'Chen', 'Dubois', 'Andersen', 'Mensah', 'Costa', 'Horvath', 'Reyes', 'Walsh', 'Yilmaz',
  'Lindqvist', 'Petrov', 'Tanaka', 'Adeyemi', 'Romero', 'Becker', 'Sullivan', 'Ivanova',
];

export const titles: Record<ContactRole, string[]> = {
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
