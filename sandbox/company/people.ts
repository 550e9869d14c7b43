import type { JiraCustomField, JiraPerson } from '../emulators/jira/model.ts';

/**
 * The sample company's people and the custom fields its teams fill in: the
 * fields whose values Jira returns as users, option lists and cascading
 * options rather than text, so field rules and team-by-field meet them.
 */
const person = (displayName: string, username: string, n: number): JiraPerson => ({
  // Cloud account ids are opaque; these are made up and stable.
  accountId: `5b10ac8d82e05b22cc7d${String(n).padStart(4, '0')}`,
  displayName,
  email: `${username}@example.com`,
  username,
});

export const SANDBOX_PEOPLE: readonly JiraPerson[] = [
  person('Amara Okafor', 'aokafor', 1),
  person('Lukas Brandt', 'lbrandt', 2),
  person('Sofia Marino', 'smarino', 3),
  person('Kenji Watanabe', 'kwatanabe', 4),
  person('Priya Raman', 'praman', 5),
  person('Jonas Berg', 'jberg', 6),
  person('Claire Dubois', 'cdubois', 7),
  person('Tomás Álvarez', 'talvarez', 8),
];

export const SANDBOX_FIELDS = {
  teamLead: { id: 'customfield_10060', name: 'Team Lead', kind: 'userpicker' },
  stakeholders: { id: 'customfield_10061', name: 'Stakeholders', kind: 'multiuserpicker' },
  themes: { id: 'customfield_10062', name: 'Investment Theme', kind: 'multiselect' },
  productArea: { id: 'customfield_10063', name: 'Product Area', kind: 'cascadingselect' },
} as const satisfies Record<string, JiraCustomField>;

/** Per project: its lead, and its place in the Product Area tree (parent option, child options). */
const PROJECTS: Record<string, { lead: number; area: string; subAreas: string[] }> = {
  PAY: { lead: 0, area: 'Money movement', subAreas: ['Payouts', 'Cards', 'Refunds'] },
  GRO: { lead: 1, area: 'Go-to-market', subAreas: ['Pricing', 'Referrals'] },
  ONB: { lead: 2, area: 'Go-to-market', subAreas: ['Signup', 'Setup'] },
  PLAT: { lead: 3, area: 'Foundations', subAreas: ['Ledger', 'Infrastructure'] },
  MOB: { lead: 4, area: 'Apps', subAreas: ['iOS', 'Android'] },
  DATA: { lead: 5, area: 'Foundations', subAreas: ['Reporting', 'Forecasting'] },
};
const THEMES = ['Regulatory', 'Platform health', 'New markets', 'Customer asks'];
const STAKEHOLDERS = [6, 7];

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

/** An epic's custom field values, in the emulator's terms (account ids, option values), drawn from its own random stream. */
export function customValuesFor(random: () => number, projectKey: string): Record<string, string[]> {
  const project = PROJECTS[projectKey]!;
  const lead = random() < 0.92 ? [SANDBOX_PEOPLE[project.lead]!.accountId] : [];
  const stakeholders = STAKEHOLDERS.filter(() => random() < 0.3).map((i) => SANDBOX_PEOPLE[i]!.accountId);
  const themes = THEMES.filter(() => random() < 0.25);
  const area = random() < 0.8 ? [project.area, pick(random, project.subAreas)] : [project.area];
  return {
    [SANDBOX_FIELDS.teamLead.id]: lead,
    [SANDBOX_FIELDS.stakeholders.id]: stakeholders,
    [SANDBOX_FIELDS.themes.id]: themes,
    [SANDBOX_FIELDS.productArea.id]: area,
  };
}
