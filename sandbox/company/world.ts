import { FaultyEmulator, type ErrorBodies } from '../emulators/faults.ts';
import { JiraEmulator } from '../emulators/jira/index.ts';
import { NotionEmulator } from '../emulators/notion/index.ts';
import { SANDBOX_NOTION_IDS, seedSandboxWorkspace } from './notionWorkspace.ts';
import type { JiraSite } from '../emulators/jira/model.ts';
import { buildSandboxPortfolio, SANDBOX_DC_PAT, SANDBOX_EPIC_LINK_FIELD, SANDBOX_JIRA_USER, type PortfolioOptions } from './epics.ts';

/** The sandbox's Notion integration secret (obviously not a real one). */
export const SANDBOX_NOTION_TOKEN = 'sandbox-notion-token';

const JIRA_ERRORS: ErrorBodies = {
  forStatus: (status) => ({
    errorMessages: [status === 429 ? 'Rate limit exceeded.' : `The server answered ${status}. Try again later.`],
    errors: {},
  }),
};

const NOTION_CODES: Record<number, [string, string]> = {
  429: ['rate_limited', 'You have been rate limited. Please try again in a few minutes.'],
  500: ['internal_server_error', 'Unexpected error occurred.'],
  502: ['bad_gateway', 'Bad gateway.'],
  503: ['service_unavailable', 'Notion is unavailable. Try again later.'],
  504: ['gateway_timeout', 'Notion timed out. Try again later.'],
  529: ['service_overload', 'Notion is overloaded. Try again later.'],
};

const NOTION_ERRORS: ErrorBodies = {
  forStatus: (status) => {
    const [code, message] = NOTION_CODES[status] ?? ['internal_server_error', `Error ${status}.`];
    return { object: 'error', status, code, message, request_id: 'sandbox' };
  },
};

export interface SandboxWorld {
  jira: JiraEmulator;
  notion: NotionEmulator;
  /** What callers talk to: the emulators behind injectable faults and rate limits. */
  jiraNet: FaultyEmulator;
  notionNet: FaultyEmulator;
  notionIds: typeof SANDBOX_NOTION_IDS;
}

export interface WorldOptions extends PortfolioOptions {
  flavour?: 'cloud' | 'datacenter';
  /** Notion's clock (created times are minute-precise); real time by default. */
  notionNow?: () => Date;
  /** Restores a workspace saved by `snapshot` (the demo keeps one between runs). */
  saved?: { jira: unknown; notion: unknown };
}

/** The sample company on emulated Jira and Notion, ready to sync. */
export function createSandboxWorld(options: WorldOptions = {}): SandboxWorld {
  const flavour = options.flavour ?? 'cloud';
  // A workspace saved by an older demo has no Epic Link id (it gets the sample company's) and no custom fields.
  const site = options.saved ? ({ epicLinkField: SANDBOX_EPIC_LINK_FIELD, customFields: [], people: [], ...(options.saved.jira as Partial<JiraSite>) } as JiraSite) : buildSandboxPortfolio(options);
  const jira = new JiraEmulator({
    flavour,
    site,
    users: [SANDBOX_JIRA_USER],
    pats: [{ token: SANDBOX_DC_PAT, user: SANDBOX_JIRA_USER }],
  });
  const notionOptions = { tokens: [SANDBOX_NOTION_TOKEN], ...(options.notionNow ? { now: options.notionNow } : {}) };
  let notion: NotionEmulator;
  if (options.saved) notion = NotionEmulator.fromSnapshot(options.saved.notion, notionOptions);
  else {
    notion = new NotionEmulator(notionOptions);
    seedSandboxWorkspace(notion);
  }
  return {
    jira,
    notion,
    jiraNet: new FaultyEmulator(jira, JIRA_ERRORS),
    notionNet: new FaultyEmulator(notion, NOTION_ERRORS),
    notionIds: SANDBOX_NOTION_IDS,
  };
}

export function snapshotWorld(world: SandboxWorld): { jira: unknown; notion: unknown } {
  return { jira: world.jira.snapshot(), notion: world.notion.snapshot() };
}

/** The environment a sync against the sandbox needs: its fake credentials. */
export function sandboxEnv(): Record<string, string> {
  return { JIRA_EMAIL: SANDBOX_JIRA_USER.email, JIRA_API_TOKEN: SANDBOX_JIRA_USER.apiToken, NOTION_TOKEN: SANDBOX_NOTION_TOKEN };
}

/** A config for the sandbox, with the hosts it is served on; without a mappings folder it runs on the bundled rules. */
export function sandboxConfig(hosts: { jira: string; notion: string }, mappings?: string, extra: { notionRate?: number } = {}) {
  return {
    jira: { host: hosts.jira, projects: ['PAY', 'GRO', 'ONB', 'PLAT', 'MOB', 'DATA'], rateLimit: { requestsPerSecond: 50, concurrency: 4 } },
    notion: {
      baseUrl: hosts.notion,
      strategyDatabase: SANDBOX_NOTION_IDS.strategyDatabase,
      parentPage: SANDBOX_NOTION_IDS.parentPage,
      dashboardPage: SANDBOX_NOTION_IDS.dashboardPage,
      rateLimit: { requestsPerSecond: extra.notionRate ?? 3, concurrency: 3 },
    },
    ...(mappings === undefined ? {} : { mappings }),
  };
}
