import type { CloudClient } from 'jira.js';
import type { Epic } from '../../src/core/epic.ts';
import { BASE_FIELDS } from './issueFields.ts';
import { toEpic, type RawIssue } from './toEpic.ts';

export interface SearchEpicsOptions {
  host: string;
  jql: string;
  storyPointsField: string | null;
  pageSize: number;
}

/**
 * Every epic the JQL finds, through /rest/api/3/search/jql, following
 * `nextPageToken` until Jira stops sending one (`isLast` is not trusted).
 * Issues not at the epic level (hierarchyLevel ≠ 1) are dropped, since a
 * renamed or custom type can share the name.
 */
export async function searchEpics(jira: CloudClient, options: SearchEpicsOptions): Promise<Epic[]> {
  const fields = [...BASE_FIELDS, ...(options.storyPointsField ? [options.storyPointsField] : [])];
  const epics: Epic[] = [];
  let nextPageToken: string | undefined;
  do {
    const page = await jira.issueSearch.searchAndReconsileIssuesUsingJqlPost({
      jql: options.jql,
      fields,
      maxResults: options.pageSize,
      ...(nextPageToken ? { nextPageToken } : {}),
    });
    for (const issue of page.issues ?? []) {
      const level = (issue.fields?.issuetype as { hierarchyLevel?: number } | undefined)?.hierarchyLevel;
      if (level !== undefined && level !== 1) continue;
      epics.push(toEpic(issue as RawIssue, options.host, options.storyPointsField));
    }
    nextPageToken = page.nextPageToken ?? undefined;
  } while (nextPageToken);
  return epics;
}
