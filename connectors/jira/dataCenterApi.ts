import { judgeResponse } from '../http/judgeResponse.ts';
import type { RequestScheduler } from '../http/requestScheduler.ts';
import type { JiraApi, JiraField, JiraStatus } from './jiraApi.ts';
import { jqlList } from './jql.ts';
import type { RawIssue } from './toEpic.ts';

/** A non-2xx answer from a Data Center site, shaped like jira.js's ApiError so one explainer serves both. */
export class DataCenterApiError extends Error {
  readonly status: number;
  readonly statusText: string;
  readonly body: unknown;

  constructor(status: number, statusText: string, body: unknown) {
    super(`Request failed: ${status} ${statusText}`);
    this.name = 'DataCenterApiError';
    this.status = status;
    this.statusText = statusText;
    this.body = body;
  }
}

/** Issue ids per changelog search: a JQL list this long stays well inside a request body. */
const IDS_PER_SEARCH = 500;
/** Issues per page when each carries its whole changelog. */
const CHANGELOG_PAGE = 50;

/**
 * Jira Data Center / Server over plain fetch: /rest/api/2/search paged by
 * `startAt` until `total`, personal access tokens as bearer auth, descriptions
 * in wiki markup. Every request goes through the same scheduler and retry
 * policy as Cloud.
 */
export function dataCenterApi(options: { host: string; token: string; scheduler: RequestScheduler }): JiraApi {
  const base = options.host.replace(/\/$/, '');
  const request = async <T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> => {
    const response = await options.scheduler.run(
      (signal) =>
        globalThis.fetch(`${base}${path}`, {
          method,
          signal,
          headers: { authorization: `Bearer ${options.token}`, accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) },
          ...(body ? { body: JSON.stringify(body) } : {}),
        }),
      judgeResponse,
      method !== 'POST' || path.endsWith('/search'),
    );
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // A non-JSON body (a 401 page, a proxy error) is kept as text for the message.
    }
    if (!response.ok) throw new DataCenterApiError(response.status, response.statusText, parsed);
    return parsed as T;
  };
  /** /rest/api/2/search paged by `startAt` until `total`. */
  async function* searchPages(query: { jql: string; fields: readonly string[]; expand?: string[] }, pageSize: number): AsyncGenerator<RawIssue[]> {
    for (let startAt = 0; ; ) {
      const page = await request<{ issues?: RawIssue[]; total?: number; startAt?: number }>('POST', '/rest/api/2/search', { ...query, startAt, maxResults: pageSize });
      const issues = page.issues ?? [];
      yield issues;
      startAt += issues.length;
      if (issues.length === 0 || page.total === undefined || startAt >= page.total) return;
    }
  }
  return {
    deployment: 'datacenter',
    // /rest/api/2/search caps `maxResults` at the site's jira.search.views.default.max, 1,000 unless an admin changed it.
    idsPerPage: 1000,
    fields: () => request<JiraField[]>('GET', '/rest/api/2/field'),
    issueTypes: () => request<{ name?: string; hierarchyLevel?: number }[]>('GET', '/rest/api/2/issuetype'),
    statuses: () => request<JiraStatus[]>('GET', '/rest/api/2/status'),
    search: (jql, fields, pageSize) => searchPages({ jql, fields }, pageSize),
    // Data Center has no bulk fetch, but its search expands every history (Cloud's stops at 40), so the changelog
    // comes with a search by id, paged like any other. The field filter is applied when the items are read.
    async *changelogs(issueIds) {
      for (let i = 0; i < issueIds.length; i += IDS_PER_SEARCH) {
        const jql = `id in ${jqlList(issueIds.slice(i, i + IDS_PER_SEARCH))} ORDER BY id ASC`;
        for await (const issues of searchPages({ jql, fields: ['created'], expand: ['changelog'] }, CHANGELOG_PAGE)) {
          yield issues.map((issue) => ({ issueId: issue.id, histories: issue.changelog?.histories ?? [] }));
        }
      }
    },
    async addLabel(issueId, label) {
      await request('PUT', `/rest/api/2/issue/${encodeURIComponent(issueId)}`, { update: { labels: [{ add: label }] } });
    },
  };
}
