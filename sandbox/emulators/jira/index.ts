import type { DashboardUser, IssueTypeDetails, SearchAndReconcileResults } from 'jira.js/cloud';
import type { Emulator } from '../emulator.ts';
import { fieldList } from './fields.ts';
import { matches, order, validateQuery, type EvalContext } from './jqlEvaluate.ts';
import { JqlError, parseJql } from './jqlParse.ts';
import type { JiraIssue, JiraSite } from './model.ts';
import { BadChangelogRequest, bulkFetch, expandedChangelog, issueChangelog, recordChange, tracked } from './changelog.ts';
import { renderIssue } from './render.ts';
import { searchPageLimit } from './searchPageLimit.ts';
import { renderStatus, WORKFLOW_STATUSES } from './statuses.ts';

export interface JiraUser {
  email: string;
  apiToken: string;
  accountId: string;
  displayName: string;
  timeZone: string;
}

export interface JiraEmulatorOptions {
  flavour: 'cloud' | 'datacenter';
  site: JiraSite;
  /** Cloud: basic auth with email and API token. */
  users?: readonly JiraUser[];
  /** Data Center: personal access tokens (bearer), each acting as a user. */
  pats?: readonly { token: string; user: JiraUser }[];
  now?: () => number;
}

type Query = { jql?: string; nextPageToken?: string; startAt?: number; maxResults?: number; fields?: string[]; expand?: string | string[] };

/** Cloud's search expands at most this many histories per issue; Data Center's expands them all. */
const CLOUD_EXPANDED_HISTORIES = 40;

const REMOVED_SEARCH = {
  errorMessages: [
    'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046',
  ],
  errors: {},
};
const UNBOUNDED = 'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.';

const errorBody = (messages: string[], errors: Record<string, string> = {}) => ({ errorMessages: messages, errors, warningMessages: [] });
const json = (body: unknown, status = 200) => Response.json(body, { status });

/** Array params arrive repeated (fields=a&fields=b) from jira.js, or comma-separated from people. */
function listParam(values: readonly string[]): string[] {
  return values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}

/**
 * Jira Cloud's REST v3 (or a Data Center site's v2) as the engine uses it:
 * token-paged /search/jql with `fields` defaulting to the id, the 410 on the
 * removed search, bounded-JQL and unknown-project 400s, minute-precision dates
 * in the user's time zone, /field with story points at a site-specific id, and
 * label edits. jira.js validates every response against its own schema.
 */
export class JiraEmulator implements Emulator {
  readonly site: JiraSite;
  readonly flavour: 'cloud' | 'datacenter';
  readonly requestLog: { method: string; path: string; query: Record<string, string[]>; body: unknown }[] = [];
  readonly #users: readonly JiraUser[];
  readonly #pats: readonly { token: string; user: JiraUser }[];
  readonly #now: () => number;
  /** Cloud's POST /changelog/bulkfetch; false for a site (or a proxy in front of it) that answers it 404. */
  bulkChangelog = true;
  /** The most histories a bulk-fetch page holds, whatever is asked: Jira may return fewer than `maxResults`. */
  changelogPageLimit = 10_000;

  constructor(options: JiraEmulatorOptions) {
    this.site = options.site;
    this.flavour = options.flavour;
    this.#users = options.users ?? [];
    this.#pats = options.pats ?? [];
    this.#now = options.now ?? Date.now;
  }

  async handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const path = url.pathname.replace(/^.*?(\/rest\/)/, '/rest/');
    const text = request.method === 'GET' ? '' : await request.text();
    const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    const query: Record<string, string[]> = {};
    for (const [k, v] of url.searchParams) (query[k] ??= []).push(v);
    this.requestLog.push({ method: request.method, path, query, body });

    const user = this.#authenticate(request.headers.get('authorization'));
    if (!user) {
      // Jira Cloud answers an unauthenticated request with plain text, not JSON.
      return new Response('Client must be authenticated to access this resource.', { status: 401, headers: { 'content-type': 'text/plain;charset=UTF-8' } });
    }
    const host = `${url.protocol}//${url.host}`;
    const api = this.flavour === 'cloud' ? '3' : '2';
    const route = `${request.method} ${path}`;
    try {
      if (this.flavour === 'cloud' && /^(GET|POST) \/rest\/api\/[23]\/search$/.test(route)) return json(REMOVED_SEARCH, 410);
      if (this.flavour === 'cloud' && /^(GET|POST) \/rest\/api\/3\/search\/jql$/.test(route)) {
        return json(this.#searchJql(request.method === 'GET' ? this.#fromParams(query) : (body as Query), user, host));
      }
      if (this.flavour === 'cloud' && route === 'POST /rest/api/3/search/approximate-count') {
        return json({ count: this.#find(String(body['jql'] ?? ''), user).length });
      }
      if (this.flavour === 'datacenter' && /^(GET|POST) \/rest\/api\/2\/search$/.test(route)) {
        return json(this.#searchPaged(request.method === 'GET' ? this.#fromParams(query) : (body as Query), user, host));
      }
      const view = { host, flavour: this.flavour, api, timeZone: user.timeZone };
      if (this.flavour === 'cloud' && this.bulkChangelog && route === 'POST /rest/api/3/changelog/bulkfetch') return json(bulkFetch(this.site, body, view, this.changelogPageLimit));
      const changelog = new RegExp(`^GET /rest/api/${api}/issue/([^/]+)/changelog$`).exec(route);
      if (changelog) {
        const issue = this.#issue(decodeURIComponent(changelog[1]!));
        if (!issue) return json(errorBody(['Issue does not exist or you do not have permission to see it.']), 404);
        const { startAt, maxResults } = this.#fromParams(query);
        return json(issueChangelog(issue, this.site, view, { ...(startAt === undefined ? {} : { startAt }), ...(maxResults === undefined ? {} : { maxResults }) }));
      }
      if (route === `GET /rest/api/${api}/status`) return json(WORKFLOW_STATUSES.map((s) => renderStatus(s, host, api)));
      if (route === `GET /rest/api/${api}/field`) return json(fieldList(this.site, this.flavour));
      if (route === `GET /rest/api/${api}/issuetype`) return json(this.#issueTypes(host, api));
      if (route === `GET /rest/api/${api}/myself`) {
        const me: DashboardUser = { self: `${host}/rest/api/${api}/user?accountId=${user.accountId}`, accountId: user.accountId, emailAddress: user.email, displayName: user.displayName, timeZone: user.timeZone, active: true, accountType: 'atlassian', locale: 'en_US' };
        return json(me);
      }
      const edit = new RegExp(`^PUT /rest/api/${api}/issue/([^/]+)$`).exec(route);
      if (edit) return this.#editIssue(decodeURIComponent(edit[1]!), body);
      return json(errorBody([`No resource found for ${route}`]), 404);
    } catch (error) {
      if (error instanceof JqlError || error instanceof BadChangelogRequest) return json(errorBody([error.message]), 400);
      throw error;
    }
  }

  // ---- changes made "in Jira", for tests and benchmarks ----

  /** Changes an issue as a person would; changes to status, labels, resolution and story points go into its changelog. */
  updateIssue(idOrKey: string, patch: Partial<Omit<JiraIssue, 'id' | 'key'>>): JiraIssue {
    const issue = this.#issue(idOrKey)!;
    const before = tracked(issue);
    Object.assign(issue, patch, { updated: patch.updated ?? this.#now() });
    recordChange(issue, before, issue, this.site, issue.updated, this.#users[0]?.accountId ?? this.#pats[0]?.user.accountId ?? 'unknown');
    return issue;
  }

  /** Moves an issue to another project: a new key, the same immutable id. */
  moveIssue(idOrKey: string, projectKey: string): JiraIssue {
    const issue = this.#issue(idOrKey)!;
    const next = Math.max(0, ...this.site.issues.filter((i) => i.projectKey === projectKey).map((i) => Number(i.key.split('-')[1]))) + 1;
    return this.updateIssue(issue.id, { projectKey, key: `${projectKey}-${next}` } as Partial<JiraIssue>);
  }

  deleteIssue(idOrKey: string): void {
    const issue = this.#issue(idOrKey)!;
    this.site.issues.splice(this.site.issues.indexOf(issue), 1);
  }

  snapshot(): JiraSite {
    return this.site;
  }

  // ---- internals ----

  #issue(idOrKey: string): JiraIssue | undefined {
    return this.site.issues.find((i) => i.id === idOrKey || i.key.toLowerCase() === idOrKey.toLowerCase());
  }

  #authenticate(header: string | null): JiraUser | null {
    if (!header) return null;
    if (this.flavour === 'datacenter') {
      const token = /^Bearer\s+(.+)$/i.exec(header)?.[1];
      return this.#pats.find((p) => p.token === token)?.user ?? null;
    }
    const basic = /^Basic\s+(.+)$/i.exec(header)?.[1];
    if (!basic) return null;
    const [email, ...rest] = Buffer.from(basic, 'base64').toString('utf8').split(':');
    return this.#users.find((u) => u.email === email && u.apiToken === rest.join(':')) ?? null;
  }

  #fromParams(query: Record<string, string[]>): Query {
    const one = (k: string) => query[k]?.[0];
    return {
      jql: one('jql'),
      nextPageToken: one('nextPageToken'),
      startAt: one('startAt') === undefined ? undefined : Number(one('startAt')),
      maxResults: one('maxResults') === undefined ? undefined : Number(one('maxResults')),
      fields: query['fields'] ? listParam(query['fields']) : undefined,
      expand: query['expand'],
    };
  }

  #find(jql: string, user: JiraUser): JiraIssue[] {
    const parsed = parseJql(jql);
    if (!parsed.where) throw new JqlError(UNBOUNDED);
    const ctx: EvalContext = { site: this.site, flavour: this.flavour, timeZone: user.timeZone, now: this.#now() };
    validateQuery(parsed, ctx);
    return order(
      this.site.issues.filter((issue) => matches(issue, parsed.where, ctx)),
      parsed,
    );
  }

  /** The most issues one search page returns: `maxResults` (50 when absent) lowered to `searchPageLimit`. */
  #pageSize(requested: number | undefined, fields: readonly string[]): number {
    return Math.max(1, Math.min(requested ?? 50, searchPageLimit(this.flavour, fields)));
  }

  #searchJql(q: Query, user: JiraUser, host: string): SearchAndReconcileResults {
    const fields = q.fields ? listParam(q.fields) : ['id'];
    const found = this.#find(q.jql ?? '', user);
    const offset = q.nextPageToken ? Number(Buffer.from(q.nextPageToken, 'base64url').toString().split(':')[1]) : 0;
    const end = Math.min(offset + this.#pageSize(q.maxResults, fields), found.length);
    const last = end >= found.length;
    return {
      issues: found.slice(offset, end).map((issue) => this.#withChangelog(renderIssue(issue, this.site, { host, flavour: 'cloud', api: '3', fields }), issue, q, user, host)),
      isLast: last,
      ...(last ? {} : { nextPageToken: Buffer.from(`page:${end}`).toString('base64url') }),
    };
  }

  #searchPaged(q: Query, user: JiraUser, host: string) {
    const fields = q.fields ? listParam(q.fields) : ['*navigable'];
    const found = this.#find(q.jql ?? '', user);
    const startAt = q.startAt ?? 0;
    const maxResults = this.#pageSize(q.maxResults, fields);
    return {
      expand: 'schema,names',
      startAt,
      maxResults,
      total: found.length,
      issues: found.slice(startAt, startAt + maxResults).map((issue) => this.#withChangelog(renderIssue(issue, this.site, { host, flavour: 'datacenter', api: '2', fields }), issue, q, user, host)),
    };
  }

  /** `expand=changelog` (a list, or comma-separated): every history on Data Center, the first 40 on Cloud. */
  #withChangelog<T extends object>(rendered: T, issue: JiraIssue, q: Query, user: JiraUser, host: string): T {
    const expand = listParam(typeof q.expand === 'string' ? [q.expand] : (q.expand ?? []));
    if (!expand.includes('changelog')) return rendered;
    const view = { host, flavour: this.flavour, api: this.flavour === 'cloud' ? '3' : '2', timeZone: user.timeZone };
    return { ...rendered, changelog: expandedChangelog(issue, this.site, view, this.flavour === 'cloud' ? CLOUD_EXPANDED_HISTORIES : Infinity) };
  }

  #issueTypes(host: string, api: string): IssueTypeDetails[] {
    return this.site.issueTypes.map((t) => ({
      self: `${host}/rest/api/${api}/issuetype/${t.id}`,
      id: t.id,
      name: t.name,
      untranslatedName: t.name,
      description: '',
      subtask: false,
      hierarchyLevel: t.hierarchyLevel,
      ...(t.projectId ? { scope: { type: 'PROJECT', project: { id: t.projectId } } } : {}),
    }));
  }

  #editIssue(idOrKey: string, body: Record<string, unknown>): Response {
    const issue = this.#issue(idOrKey);
    if (!issue) return json(errorBody(['Issue does not exist or you do not have permission to see it.']), 404);
    const update = (body['update'] as { labels?: { add?: string; remove?: string; set?: string[] }[] } | undefined)?.labels ?? [];
    const set = (body['fields'] as { labels?: string[] } | undefined)?.labels;
    const labels = [...(set ?? issue.labels)];
    for (const op of update) {
      if (op.add && !labels.includes(op.add)) labels.push(op.add);
      if (op.remove) labels.splice(labels.indexOf(op.remove) >>> 0, labels.includes(op.remove) ? 1 : 0);
    }
    const bad = labels.find((l) => /\s/.test(l));
    if (bad !== undefined) return json(errorBody([], { labels: `The label '${bad}' contains spaces which is invalid.` }), 400);
    this.updateIssue(issue.id, { labels });
    return new Response(null, { status: 204 });
  }
}
