import type { JiraIssue, JiraIssueType, JiraProject, JiraSite } from '../emulators/jira/model.ts';
import { description } from './descriptions.ts';
import { addSandboxHistory } from './history.ts';
import { customValuesFor, SANDBOX_FIELDS, SANDBOX_PEOPLE } from './people.ts';
import { SANDBOX_STRATEGY_PAGES } from './strategy.ts';

/**
 * The sandbox company's Jira: six teams and their epics, generated from a seed
 * so every run (and every test) sees the same portfolio. Labels follow the
 * conventions most of the time and break them the way real teams do: odd case,
 * aliases only, conflicting labels, none at all, slugs that name no page.
 */
export const SANDBOX_REFERENCE_DATE = Date.UTC(2026, 10, 23, 8, 0);

interface TeamProfile {
  project: JiraProject;
  /** Relative weights of innovation, growth, debt for this team's epics. */
  mix: [number, number, number];
  summaries: string[];
}

const TEAMS: TeamProfile[] = [
  {
    project: { id: '10001', key: 'PAY', name: 'Payments', simplified: false },
    mix: [1, 3, 3],
    summaries: ['Instant payouts to debit cards', 'Retry failed card payments', 'Multi-currency settlement', 'Refund flow for partial orders', 'PCI scope reduction', 'Chargeback evidence upload', 'Payout schedule per merchant', 'SEPA Instant rollout', 'Card vault migration', 'Fee breakdown on receipts'],
  },
  {
    project: { id: '10002', key: 'GRO', name: 'Growth', simplified: false },
    mix: [2, 6, 1],
    summaries: ['Referral programme for merchants', 'Pricing page experiment', 'Annual plan upsell', 'Win-back emails for churned accounts', 'Landing pages per industry', 'Trial to paid conversion nudges', 'Partner marketplace listing', 'In-app upgrade prompts', 'Self-serve signup funnel', 'Retention cohort dashboard'],
  },
  {
    project: { id: '10003', key: 'ONB', name: 'Onboarding', simplified: true },
    mix: [1, 4, 1],
    summaries: ['Guided setup checklist', 'First payment in a day', 'KYC document capture', 'Bank account verification', 'Import customers from CSV', 'Onboarding email sequence', 'Sandbox mode for new accounts', 'Setup wizard for invoicing', 'Activation milestones', 'Welcome call scheduling'],
  },
  {
    project: { id: '10004', key: 'PLAT', name: 'Platform', simplified: false },
    mix: [1, 1, 6],
    summaries: ['Upgrade Postgres to 17', 'Migrate queues to the new broker', 'Refactor the ledger service', 'Deprecate API v1', 'Reduce p99 latency of checkout', 'Observability for background jobs', 'Kubernetes cost cleanup', 'Audit log storage redesign', 'Remove legacy feature flags', 'Scalability of the webhook fan-out'],
  },
  {
    project: { id: '10005', key: 'MOB', name: 'Mobile', simplified: false },
    mix: [2, 3, 2],
    summaries: ['Tap to pay on iPhone', 'Offline invoices in the app', 'Mobile checkout redesign', 'Push notifications for payouts', 'Android 16 upgrade', 'App start time below one second', 'Dark mode', 'Receipt scanning prototype', 'Biometric login', 'Crash-free sessions to 99.9%'],
  },
  {
    project: { id: '10006', key: 'DATA', name: 'Insights', simplified: false },
    mix: [4, 2, 2],
    summaries: ['Cash-flow forecast prototype', 'Reconciliation report', 'Anomaly detection for payouts', 'Revenue dashboard for finance teams', 'Ledger export to accounting tools', 'Explore AI categorisation of expenses', 'Data warehouse migration', 'Monthly close report', 'Benchmark against peers', 'Tax report per region'],
  },
];

const TYPES = ['innovation', 'growth', 'debt'] as const;
const ALIASES: Record<(typeof TYPES)[number], string[]> = {
  innovation: ['experiment', 'spike', 'poc', 'discovery', 'prototype'],
  growth: ['retention', 'conversion', 'acquisition', 'monetization'],
  debt: ['tech-debt', 'ktlo', 'migration', 'refactor', 'upgrade'],
};
const SUFFIXES = ['', ' (EU)', ' (US)', ' v2', ' for enterprise', ' phase 2', ' (pilot)', ' for marketplaces', ' in the app', ' for partners'];
const POINTS = [1, 2, 3, 3, 5, 5, 8, 8, 13, 20, 0.5, 0];
const DAY = 86_400_000;

/** mulberry32: small, fast and deterministic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const slugOf = (title: string) => title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
const LIVE_PAGES = SANDBOX_STRATEGY_PAGES.filter((p) => !p.inTrash && !p.addedAfterPlanning);
const IMPACT = LIVE_PAGES.filter((p) => p.layer === 'Impact');
const USAGE = LIVE_PAGES.filter((p) => p.layer === 'Usage');
function labelsFor(random: () => number, team: TeamProfile): string[] {
  const total = team.mix.reduce((a, b) => a + b, 0);
  let pick = random() * total;
  const type = TYPES.find((_, i) => (pick -= team.mix[i]!) < 0) ?? 'debt';
  const labels: string[] = [];
  const style = random();
  if (style < 0.5) labels.push(`work-${type}`);
  else if (style < 0.56) labels.push(`Work-${type[0]!.toUpperCase()}${type.slice(1)}`);
  else if (style < 0.76) labels.push(ALIASES[type][Math.floor(random() * ALIASES[type].length)]!);
  else if (style < 0.8) labels.push(`work-${type}`, `work-${TYPES[(TYPES.indexOf(type) + 1) % 3]}`);
  // else: no work label at all; the summary may or may not give it away.
  if (random() < 0.72) {
    const page = IMPACT[Math.floor(random() * IMPACT.length)]!;
    labels.push(`impact-${page.slug || slugOf(page.title)}`);
  } else if (random() < 0.12) {
    labels.push('impact-world-domination');
  }
  if (random() < 0.68) {
    const page = USAGE[Math.floor(random() * USAGE.length)]!;
    labels.push(`usage-${page.slug}`);
  }
  if (random() < 0.15) labels.push(['q4-commit', 'customer-ask', 'needs-design', 'h2-2026'][Math.floor(random() * 4)]!);
  return labels;
}

function status(random: () => number, created: number, now: number): Pick<JiraIssue, 'status' | 'resolved'> {
  const roll = random();
  if (roll < 0.35) return { status: { name: 'To Do', category: 'new' }, resolved: null };
  if (roll < 0.75) return { status: { name: roll < 0.68 ? 'In Progress' : 'In Review', category: 'indeterminate' }, resolved: null };
  const resolved = Math.max(created + DAY, now - Math.floor(random() * 90) * DAY);
  return { status: { name: 'Done', category: 'done' }, resolved: Math.min(resolved, now) };
}

export const SANDBOX_EPIC_LINK_FIELD = 'customfield_10841';

export interface PortfolioOptions {
  epics?: number;
  seed?: number;
  now?: number;
  storyPointsField?: string;
  /** Epic Link's id; null for a site without it. Not customfield_10014, the id code tends to assume. */
  epicLinkField?: string | null;
}

/** The sample Jira site: projects, issue types, epics and a few child stories. */
export function buildSandboxPortfolio(options: PortfolioOptions = {}): JiraSite {
  const count = options.epics ?? 300;
  const now = options.now ?? SANDBOX_REFERENCE_DATE;
  const random = prng(options.seed ?? 1);
  // Link forms and custom field values come from a stream of their own, so adding them left the portfolio's numbers as they were.
  const style = prng((options.seed ?? 1) ^ 0x2545f491);
  const onb = TEAMS.find((t) => t.project.key === 'ONB')!.project;
  const issueTypes: JiraIssueType[] = [
    { id: '10000', name: 'Epic', hierarchyLevel: 1 },
    { id: '10001', name: 'Story', hierarchyLevel: 0 },
    // Team-managed projects have their own types; this one renamed its epic level.
    { id: '10100', name: 'Feature Set', hierarchyLevel: 1, projectId: onb.id },
    { id: '10101', name: 'Story', hierarchyLevel: 0, projectId: onb.id },
  ];
  const nextKey = new Map<string, number>();
  const key = (project: string) => {
    const n = (nextKey.get(project) ?? 0) + 1;
    nextKey.set(project, n);
    return `${project}-${n}`;
  };
  const issues: JiraIssue[] = [];
  let id = 10000;
  for (let i = 0; i < count; i += 1) {
    const team = TEAMS[i % TEAMS.length]!;
    const base = team.summaries[Math.floor(random() * team.summaries.length)]!;
    const summary = `${base}${SUFFIXES[Math.floor(i / TEAMS.length / team.summaries.length) % SUFFIXES.length]}`;
    const created = now - Math.floor(random() * 180 * DAY);
    const updated = created + Math.floor(random() * (now - created));
    const epic: JiraIssue = {
      id: String(id++),
      key: key(team.project.key),
      projectKey: team.project.key,
      typeId: team.project.simplified ? '10100' : '10000',
      summary,
      labels: labelsFor(random, team),
      ...status(random, created, now),
      components: random() < 0.3 ? [['API', 'Web', 'Billing', 'Reporting'][Math.floor(random() * 4)]!] : [],
      parentKey: null,
      created,
      updated,
      description: description(random, style, summary),
      storyPoints: random() < 0.85 ? POINTS[Math.floor(random() * POINTS.length)]! : null,
      originalEstimateSeconds: random() < 0.4 ? Math.floor(random() * 40 + 1) * 8 * 3600 : null,
      team: { id: `team-${team.project.key.toLowerCase()}`, name: team.project.name },
      custom: customValuesFor(style, team.project.key),
    };
    issues.push(epic);
    if (random() < 0.1) {
      const children = 2 + Math.floor(random() * 3);
      for (let c = 0; c < children; c += 1) {
        issues.push({
          ...epic,
          id: String(id++),
          key: key(team.project.key),
          typeId: team.project.simplified ? '10101' : '10001',
          summary: `${summary}: part ${c + 1}`,
          labels: [],
          parentKey: epic.key,
          storyPoints: POINTS[Math.floor(random() * 6)]!,
          description: null,
        });
      }
    }
  }
  const site: JiraSite = {
    projects: TEAMS.map((t) => t.project),
    issueTypes,
    issues,
    storyPointsField: options.storyPointsField ?? 'customfield_10016',
    epicLinkField: options.epicLinkField === undefined ? SANDBOX_EPIC_LINK_FIELD : options.epicLinkField,
    customFields: Object.values(SANDBOX_FIELDS),
    people: [...SANDBOX_PEOPLE],
  };
  // Changelogs come from a stream of their own too: today's portfolio is the same with or without them.
  addSandboxHistory(site, prng((options.seed ?? 1) ^ 0x5eed1e55), now);
  return site;
}

/** The sandbox's Jira user (obviously not a real credential). */
export const SANDBOX_JIRA_USER = {
  email: 'sandbox@example.com',
  apiToken: 'sandbox-jira-token',
  accountId: '5b10ac8d82e05b22cc7d4ef5',
  displayName: 'Sandbox Bot',
  timeZone: 'Europe/Berlin',
};

export const SANDBOX_DC_PAT = 'sandbox-dc-personal-access-token';
