/** The demo organisation's people and teams (fictional). Every demo account's password is `uplift-demo`. */
export const DEMO_PASSWORD = 'uplift-demo';

export const DEMO_TEAMS = [
  { key: 'support', name: 'Customer Support', function: 'Customer service' },
  { key: 'finance', name: 'Finance', function: 'Finance & accounting' },
  { key: 'marketing', name: 'Marketing', function: 'Marketing & communications' },
  { key: 'engineering', name: 'Platform Engineering', function: 'Software engineering' },
  { key: 'legal', name: 'Legal & Compliance', function: 'Legal' },
  { key: 'people', name: 'People & Talent', function: 'Human resources' },
  { key: 'research', name: 'Research & Strategy', function: 'Strategy & insights' },
] as const;
export type DemoTeamKey = (typeof DEMO_TEAMS)[number]['key'];

type DemoUser = {
  email: string;
  name: string;
  role: 'admin' | 'lead' | 'executive';
  leads?: DemoTeamKey[];
  memberOf?: DemoTeamKey[];
};

export const DEMO_USERS: DemoUser[] = [
  { email: 'admin@uplift.demo', name: 'Alex Admin', role: 'admin' },
  { email: 'exec@uplift.demo', name: 'Erin Executive', role: 'executive' },
  { email: 'lead@uplift.demo', name: 'Lee Lead', role: 'lead', leads: ['support'] },
  { email: 'cfo@uplift.demo', name: 'Morgan Price', role: 'executive' },
  { email: 'coo@uplift.demo', name: 'Sam Okafor', role: 'executive' },
  { email: 'finance.lead@uplift.demo', name: 'Priya Raman', role: 'lead', leads: ['finance'] },
  { email: 'marketing.lead@uplift.demo', name: 'Jonas Weber', role: 'lead', leads: ['marketing'] },
  { email: 'eng.lead@uplift.demo', name: 'Chen Wei', role: 'lead', leads: ['engineering'] },
  { email: 'legal.lead@uplift.demo', name: 'Amara Diallo', role: 'lead', leads: ['legal'] },
  { email: 'people.lead@uplift.demo', name: 'Lucía Romero', role: 'lead', leads: ['people'] },
  { email: 'research.lead@uplift.demo', name: 'Tomás Novak', role: 'lead', leads: ['research', 'marketing'] },
  { email: 'nina@uplift.demo', name: 'Nina Larsen', role: 'lead', memberOf: ['support'] },
  { email: 'omar@uplift.demo', name: 'Omar Haddad', role: 'lead', memberOf: ['support'] },
  { email: 'grace@uplift.demo', name: 'Grace Kim', role: 'lead', memberOf: ['finance'] },
  { email: 'felix@uplift.demo', name: 'Felix Braun', role: 'lead', memberOf: ['marketing'] },
  { email: 'aisha@uplift.demo', name: 'Aisha Bello', role: 'lead', memberOf: ['engineering'] },
  { email: 'ravi@uplift.demo', name: 'Ravi Shah', role: 'lead', memberOf: ['engineering'] },
  { email: 'hannah@uplift.demo', name: 'Hannah Meyer', role: 'lead', memberOf: ['legal'] },
  { email: 'diego@uplift.demo', name: 'Diego Santos', role: 'lead', memberOf: ['people'] },
  { email: 'mei@uplift.demo', name: 'Mei Tanaka', role: 'lead', memberOf: ['research'] },
  { email: 'kofi@uplift.demo', name: 'Kofi Mensah', role: 'lead', memberOf: ['research', 'finance'] },
  { email: 'sofia@uplift.demo', name: 'Sofia Rossi', role: 'executive' },
];
