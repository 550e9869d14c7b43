import { z } from 'zod';
import { parseNotionId } from '#core/notionId.ts';

/**
 * The config file, described once. Strict objects: an unknown key is almost
 * always a typo, and a typo silently ignored is a setting silently lost.
 */
const notionId = z.string().transform((value, ctx) => {
  const id = parseNotionId(value);
  if (id === null) {
    ctx.addIssue({ code: 'custom', message: `expected a Notion id or URL, got ${JSON.stringify(value)}` });
    return z.NEVER;
  }
  return id;
});

const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected an environment variable name');

const projectKey = z.string().regex(/^[A-Z][A-Z0-9_]{0,19}$/, 'expected a Jira project key such as PAY');

/**
 * Defaults live here and only here: each field carries its own `.default()`,
 * and a whole section left out is `.prefault({})`, which runs `{}` through the
 * section so its fields' defaults apply. The README's tables are checked
 * against this schema by a test.
 */
const rateLimit = (defaults: { requestsPerSecond: number; concurrency: number }) =>
  z
    .strictObject({
      // Below 0.1/s a run of any size outlasts its deadline; above 1000/s no API allows it, and pacing maths stops being meaningful.
      requestsPerSecond: z
        .number()
        .min(0.1, 'at least 0.1 requests/second (one every 10 s); slower cannot finish a run')
        .max(1000, 'at most 1000 requests/second; no Jira or Notion limit is near that')
        .default(defaults.requestsPerSecond),
      concurrency: z.number().int().min(1).max(32).default(defaults.concurrency),
    })
    .prefault({});

/** The one retry policy both systems share; only its numbers are per system. */
const retry = z
  .strictObject({
    maxRetries: z.number().int().min(0).max(20).default(5),
    /** First backoff when the server gives no Retry-After; doubles per retry, with full jitter. */
    baseDelayMs: z.number().int().min(0).max(60_000, 'at most 60000 ms: a first retry later than a minute is a stall').default(500),
    maxDelayMs: z.number().int().min(0).max(600_000, 'at most 600000 ms (10 minutes) between retries').default(120_000),
  })
  .prefault({});

/** A request with no answer after 10 minutes is hung; beyond Node's timer range (24.8 days) the timeout would fire at once. */
const requestTimeoutSeconds = z
  .number()
  .positive()
  .max(600, 'at most 600 seconds (10 minutes): a request with no answer by then is hung')
  .default(60);

const jira = z.strictObject({
  host: z.url({ protocol: /^https?$/, error: 'expected the site URL, e.g. https://your-domain.atlassian.net' }),
  deployment: z.enum(['cloud', 'datacenter']).default('cloud'),
  projects: z.array(projectKey).min(1, 'list at least one project key: Jira refuses unbounded searches'),
  /** Replaces the generated JQL entirely when set. */
  jql: z.string().min(1).optional(),
  /** ANDed onto the generated JQL. */
  extraJql: z.string().min(1).optional(),
  /** Only epics in these statuses; all statuses when empty. */
  statuses: z.array(z.string().min(1)).default([]),
  /** Which team an epic counts under. */
  team: z
    .discriminatedUnion('by', [
      z.strictObject({ by: z.literal('project') }),
      z.strictObject({ by: z.literal('component') }),
      z.strictObject({ by: z.literal('labelPrefix'), prefix: z.string().min(1).default('team-') }),
      z.strictObject({ by: z.literal('field'), field: z.string().regex(/^customfield_\d+$/, 'expected a field id such as customfield_10001') }),
    ])
    .default({ by: 'project' }),
  /** Effort for epics without story points. */
  effortFallback: z
    .discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('none') }),
      z.strictObject({ kind: z.literal('originalEstimate'), hoursPerPoint: z.number().positive().default(6) }),
      z.strictObject({ kind: z.literal('childCount') }),
    ])
    .default({ kind: 'none' }),
  /** Story point field id (customfield_10016); discovered from /field when absent. */
  storyPointsField: z.string().regex(/^customfield_\d+$/).optional(),
  emailEnv: envName.default('JIRA_EMAIL'),
  tokenEnv: envName.default('JIRA_API_TOKEN'),
  pageSize: z.number().int().min(1).max(100).default(100),
  rateLimit: rateLimit({ requestsPerSecond: 10, concurrency: 4 }),
  retry,
  requestTimeoutSeconds,
});

const notion = z.strictObject({
  baseUrl: z.url({ protocol: /^https?$/ }).default('https://api.notion.com'),
  tokenEnv: envName.default('NOTION_TOKEN'),
  strategyDatabase: notionId,
  /** Names of the strategy database's properties, for databases that use other words. */
  strategyProperties: z
    .strictObject({
      name: z.string().min(1).default('Name'),
      layer: z.string().min(1).default('Layer'),
      slug: z.string().min(1).default('Slug'),
      flow: z.string().min(1).default('Flow'),
      keywords: z.string().min(1).default('Keywords'),
    })
    .prefault({}),
  /** Page under which the Epics and Portfolio Balance databases are found or created. */
  parentPage: notionId,
  epicsDatabase: notionId.optional(),
  balanceDatabase: notionId.optional(),
  /** Quote each Impact page's first paragraph in the dashboard section (one extra read per strategy page). */
  readNarratives: z.boolean().default(false),
  /** Page that gets the engine-owned balance section; the rest of the page is left alone. */
  dashboardPage: notionId.optional(),
  rateLimit: rateLimit({ requestsPerSecond: 3, concurrency: 3 }),
  retry,
  requestTimeoutSeconds,
});

const statusCategory = z.enum(['new', 'indeterminate', 'done']);

const balance = z
  .strictObject({
    period: z.enum(['day', 'week', 'month']).default('week'),
    statusCategories: z.array(statusCategory).min(1).default(['new', 'indeterminate']),
    doneWithinDays: z.number().int().min(0).default(30),
    unestimatedPoints: z.enum(['zero', 'average']).default('zero'),
    tolerancePp: z.number().min(0).max(100).default(5),
    driftBasis: z.enum(['points', 'epics']).default('points'),
    /** Above this share of unclassified work (on the drift basis) the mix cannot be trusted, and every output says so. */
    unclassifiedWarningPercent: z.number().min(0).max(100).default(10),
    /** Closed periods without rows that a run rebuilds from Jira's changelog (the first run's trend); 0 turns it off. */
    backfillPeriods: z.number().int().min(0).max(520).default(12),
    /** Per-team targets overriding the work types' own: team → work type id → percent. */
    teamTargets: z.record(z.string(), z.record(z.string(), z.number().min(0).max(100))).default({}),
  })
  .prefault({});

const sync = z
  .strictObject({
    /** A full reconciliation (deleted and moved epics, rule changes) runs at least this often. */
    fullEveryHours: z.number().positive().max(744, 'at most 744 hours (31 days): rows of deleted epics should not linger longer').default(24),
    /** An incremental pull starts this long before the cursor: Jira's search is eventually consistent. */
    overlapMinutes: z.number().min(0).max(1440, 'at most 1440 minutes (24 h); a longer overlap re-reads days of epics on every run').default(10),
    /** A run still going after this long stops making requests and fails, so cron never stacks hung jobs. */
    // Node's timers cap at 24.8 days (a longer one fires at once), and a cron run longer than a day is a mistake anyway.
    deadlineMinutes: z.number().positive().max(1440, 'at most 1440 minutes (24 h): a cron run longer than a day is a mistake').default(30),
  })
  .prefault({});

export const configSchema = z.strictObject({
  jira,
  notion,
  sync,
  /** Folder with the label conventions and rules, relative to the config file; absent: the rules bundled with the package. */
  mappings: z.string().min(1).optional(),
  balance,
});

export type Config = z.infer<typeof configSchema>;
export type BalanceConfig = Config['balance'];

/** The balance settings when the config sets none: the policy tests and benchmarks use. */
export function defaultBalanceConfig(): BalanceConfig {
  return balance.parse(undefined);
}
