import type { z } from 'zod';
import type { BulkChangelogResponseSchema, ChangelogSchema, PageChangelogSchema } from 'jira.js/cloud';
import { fieldList } from './fields.ts';
import type { JiraChangeItem, JiraHistory, JiraIssue, JiraPerson, JiraSite } from './model.ts';
import { jiraTimeIn } from './render.ts';
import { statusDef } from './statuses.ts';

/** Response bodies as they travel (jira.js parses `created` into a Date on arrival). */
type BulkChangelogBody = z.input<typeof BulkChangelogResponseSchema>;
type ChangelogBody = z.input<typeof ChangelogSchema>;
type PageChangelogBody = z.input<typeof PageChangelogSchema>;

/** The fields whose changes the emulator records, as the issue holds them. */
export type Tracked = Pick<JiraIssue, 'status' | 'labels' | 'resolved' | 'storyPoints'>;

export function tracked(issue: Tracked): Tracked {
  return { status: { ...issue.status }, labels: [...issue.labels], resolved: issue.resolved, storyPoints: issue.storyPoints };
}

const DONE_RESOLUTION = { id: '10000', name: 'Done' };
const points = (value: number | null) => (value === null ? null : String(value));

/** The items Jira writes when an issue goes from `before` to `after`: status by id and name, labels as space-separated lists. */
export function changeItems(before: Tracked, after: Tracked, site: JiraSite): JiraChangeItem[] {
  const items: JiraChangeItem[] = [];
  if (before.status.name !== after.status.name) {
    const from = statusDef(before.status.name, before.status.category);
    const to = statusDef(after.status.name, after.status.category);
    items.push({ fieldId: 'status', fieldtype: 'jira', from: from.id, fromString: from.name, to: to.id, toString: to.name });
  }
  if ((before.resolved === null) !== (after.resolved === null)) {
    const [from, to] = before.resolved === null ? [null, DONE_RESOLUTION] : [DONE_RESOLUTION, null];
    items.push({ fieldId: 'resolution', fieldtype: 'jira', from: from?.id ?? null, fromString: from?.name ?? null, to: to?.id ?? null, toString: to?.name ?? null });
  }
  if (before.labels.join(' ') !== after.labels.join(' ')) {
    items.push({ fieldId: 'labels', fieldtype: 'jira', from: null, fromString: before.labels.join(' '), to: null, toString: after.labels.join(' ') });
  }
  if (before.storyPoints !== after.storyPoints) {
    items.push({ fieldId: site.storyPointsField, fieldtype: 'custom', from: null, fromString: points(before.storyPoints), to: null, toString: points(after.storyPoints) });
  }
  return items;
}

/** Appends a history to the issue when anything tracked changed from `before` to `after`. */
export function recordChange(issue: JiraIssue, before: Tracked, after: Tracked, site: JiraSite, at: number, authorAccountId: string): void {
  const items = changeItems(before, after, site);
  if (items.length === 0) return;
  const changelog = (issue.changelog ??= []);
  changelog.push({ id: String(Number(issue.id) * 1000 + changelog.length + 1), created: at, authorAccountId, items });
}

export interface ChangelogView {
  host: string;
  flavour: 'cloud' | 'datacenter';
  api: string;
  /** The reading user's zone: Jira writes times with its offset. */
  timeZone: string;
}

/** Custom fields' names as this flavour of the site shows them, looked up once per response. */
function fieldNames(site: JiraSite, view: ChangelogView): Map<string, string | undefined> {
  return new Map(fieldList(site, view.flavour).map((f) => [f.id!, f.name]));
}

function author(person: JiraPerson | undefined, accountId: string, view: ChangelogView) {
  const displayName = person?.displayName ?? 'Former user';
  if (view.flavour === 'cloud') {
    return { self: `${view.host}/rest/api/3/user?accountId=${accountId}`, accountId, displayName, active: person !== undefined, accountType: 'atlassian', timeZone: view.timeZone };
  }
  const name = person?.username ?? accountId;
  return { self: `${view.host}/rest/api/2/user?username=${name}`, name, key: name, displayName, active: person !== undefined, timeZone: view.timeZone };
}

/** A history as the site renders it: Cloud names each item's field by id too; Data Center only by name. */
function renderHistory(history: JiraHistory, site: JiraSite, view: ChangelogView, names: Map<string, string | undefined>, only?: ReadonlySet<string>): ChangelogBody | null {
  const items = history.items
    .filter((item) => !only || only.has(item.fieldId))
    .map((item) => {
      const field = item.fieldtype === 'custom' ? (names.get(item.fieldId) ?? item.fieldId) : item.fieldId;
      const { fieldId, ...rest } = item;
      return view.flavour === 'cloud' ? { field, fieldId, ...rest } : { field, ...rest };
    });
  if (items.length === 0) return null;
  const person = site.people.find((p) => p.accountId === history.authorAccountId);
  return { id: history.id, author: author(person, history.authorAccountId, view), created: jiraTimeIn(history.created, view.timeZone), items };
}

/** Histories rendered, those with nothing left after the field filter dropped. */
function rendered(histories: readonly JiraHistory[], site: JiraSite, view: ChangelogView): ChangelogBody[] {
  const names = fieldNames(site, view);
  return histories.flatMap((h) => {
    const body = renderHistory(h, site, view, names);
    return body ? [body] : [];
  });
}

/** An issue's histories, all of them or at most `limit` (Cloud's search expands only the first 40). */
export function expandedChangelog(issue: JiraIssue, site: JiraSite, view: ChangelogView, limit = Infinity) {
  const all = issue.changelog ?? [];
  const histories = rendered(all.slice(0, limit), site, view);
  return { startAt: 0, maxResults: histories.length, total: all.length, histories };
}

export class BadChangelogRequest extends Error {}

const MAX_ISSUES = 1000;
const MAX_FIELDS = 10;

/**
 * POST /rest/api/3/changelog/bulkfetch: the histories of up to 1,000 issues
 * (by id or key), filtered to up to 10 field ids, oldest first and then by
 * issue id, `maxResults` histories a page (default 1,000, at most 10,000),
 * grouped per issue within a page; an issue's histories may continue on the
 * next page. `nextPageToken` is absent on the last page.
 */
export function bulkFetch(site: JiraSite, body: Record<string, unknown>, view: ChangelogView, pageLimit = 10_000): BulkChangelogBody {
  const wanted = body['issueIdsOrKeys'];
  const fieldIds = (body['fieldIds'] as string[] | undefined) ?? [];
  if (!Array.isArray(wanted) || wanted.length === 0) throw new BadChangelogRequest('issueIdsOrKeys: provide at least one issue ID or key.');
  if (wanted.length > MAX_ISSUES) throw new BadChangelogRequest(`issueIdsOrKeys: the maximum number of issues is ${MAX_ISSUES}.`);
  if (fieldIds.length > MAX_FIELDS) throw new BadChangelogRequest(`fieldIds: the maximum number of field IDs is ${MAX_FIELDS}.`);
  const only = fieldIds.length ? new Set(fieldIds) : undefined;
  const names = fieldNames(site, view);
  const byIdOrKey = new Map(site.issues.flatMap((i) => [[i.id, i] as const, [i.key.toLowerCase(), i] as const]));
  const issues = new Set(wanted.flatMap((w) => byIdOrKey.get(String(w).toLowerCase()) ?? []));
  const entries = [...issues]
    .flatMap((issue) => (issue.changelog ?? []).map((history) => ({ issue, history })))
    .sort((a, b) => a.history.created - b.history.created || Number(a.issue.id) - Number(b.issue.id))
    .flatMap(({ issue, history }) => {
      const rendered = renderHistory(history, site, view, names, only);
      return rendered ? [{ issueId: issue.id, rendered }] : [];
    });
  const pageSize = Math.min(Math.max(1, Number(body['maxResults'] ?? 1000)), 10_000, pageLimit);
  const token = body['nextPageToken'];
  const offset = typeof token === 'string' ? Number(Buffer.from(token, 'base64url').toString().split(':')[1]) : 0;
  const page = entries.slice(offset, offset + pageSize);
  const grouped = new Map<string, ChangelogBody[]>();
  for (const { issueId, rendered } of page) grouped.set(issueId, [...(grouped.get(issueId) ?? []), rendered]);
  const end = offset + page.length;
  return {
    issueChangeLogs: [...grouped].map(([issueId, changeHistories]) => ({ issueId, changeHistories })),
    ...(end < entries.length ? { nextPageToken: Buffer.from(`changelog:${end}`).toString('base64url') } : {}),
  };
}

/** GET /rest/api/{2,3}/issue/{id}/changelog: one issue's histories, every field, paged by `startAt` (at most 100). */
export function issueChangelog(issue: JiraIssue, site: JiraSite, view: ChangelogView, query: { startAt?: number; maxResults?: number }): PageChangelogBody {
  const all = rendered(issue.changelog ?? [], site, view);
  const startAt = query.startAt ?? 0;
  const maxResults = Math.min(query.maxResults ?? 100, 100);
  const values = all.slice(startAt, startAt + maxResults);
  const self = `${view.host}/rest/api/${view.api}/issue/${issue.id}/changelog`;
  const isLast = startAt + values.length >= all.length;
  return { self: `${self}?startAt=${startAt}&maxResults=${maxResults}`, ...(isLast ? {} : { nextPage: `${self}?startAt=${startAt + values.length}&maxResults=${maxResults}` }), maxResults, startAt, total: all.length, isLast, values };
}
