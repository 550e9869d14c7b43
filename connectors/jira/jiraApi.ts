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

export interface JiraApi {
  readonly deployment: 'cloud' | 'datacenter';
  /** The largest page this Jira returns when only issue ids are asked for: a search for ids asks for this many. */
  readonly idsPerPage: number;
  fields(): Promise<JiraField[]>;
  issueTypes(): Promise<{ name?: string; hierarchyLevel?: number }[]>;
  /** Pages of issues for a JQL query, in order, until the last one. */
  search(jql: string, fields: readonly string[], pageSize: number): AsyncIterable<RawIssue[]>;
  /** Adds one label; never touches the others. */
  addLabel(issueId: string, label: string): Promise<void>;
}
