import type { RawIssue } from './toEpic.ts';

/**
 * The few Jira operations the engine needs, behind one interface so Jira Cloud
 * (through jira.js) and Data Center / Server (which jira.js does not cover)
 * are interchangeable; the same tests run against both.
 */
export interface JiraField {
  id?: string;
  name?: string;
  custom?: boolean;
  /** How JQL names the field: `cf[10841]` and its name, for a custom field. */
  clauseNames?: string[];
  schema?: { type?: string; custom?: string };
}

/** One change item of a history, as both flavours send it; Data Center leaves out `fieldId`. */
export interface RawChangeItem {
  field?: string | undefined;
  fieldId?: string | undefined;
  fieldtype?: string | undefined;
  from?: string | null | undefined;
  fromString?: string | null | undefined;
  to?: string | null | undefined;
  toString?: string | null | undefined;
}

/** One history (a set of changes made at once); jira.js turns `created` into a Date, Data Center's arrives as text. */
export interface RawHistory {
  created?: string | Date | undefined;
  items?: RawChangeItem[] | undefined;
}

/** Some histories of one issue: a bulk fetch may spread an issue's histories over several pages. */
export interface IssueHistories {
  issueId: string;
  histories: RawHistory[];
}

/** A workflow status with its category, from /status. */
export interface JiraStatus {
  id?: string | undefined;
  name?: string | undefined;
  statusCategory?: { key?: string | undefined } | undefined;
}

export interface JiraApi {
  readonly deployment: 'cloud' | 'datacenter';
  /** The largest page this Jira returns when only issue ids are asked for: a search for ids asks for this many. */
  readonly idsPerPage: number;
  fields(): Promise<JiraField[]>;
  issueTypes(): Promise<{ name?: string; hierarchyLevel?: number }[]>;
  /** Pages of issues for a JQL query, in order, until the last one. */
  search(jql: string, fields: readonly string[], pageSize: number): AsyncIterable<RawIssue[]>;
  /** Every workflow status of the site, with its category. */
  statuses(): Promise<JiraStatus[]>;
  /** The changelogs of these issues (by id), filtered to these field ids where the API can, page by page. */
  changelogs(issueIds: readonly string[], fieldIds: readonly string[]): AsyncIterable<IssueHistories[]>;
  /** Adds one label; never touches the others. */
  addLabel(issueId: string, label: string): Promise<void>;
}
