import type { Epic } from '../../src/core/epic.ts';
import { BASE_FIELDS } from './issueFields.ts';
import type { JiraApi } from './jiraApi.ts';
import { toEpic } from './toEpic.ts';

export interface SearchEpicsOptions {
  host: string;
  jql: string;
  storyPointsField: string | null;
  pageSize: number;
}

/**
 * Every epic the JQL finds, with the fields asked for by name (never `*all`,
 * which makes Jira return fewer issues per page). Issues not at the epic level
 * (hierarchyLevel ≠ 1) are dropped, since a custom type can share a name.
 */
export async function searchEpics(jira: JiraApi, options: SearchEpicsOptions): Promise<Epic[]> {
  const fields = [...BASE_FIELDS, ...(options.storyPointsField ? [options.storyPointsField] : [])];
  const epics: Epic[] = [];
  for await (const page of jira.search(options.jql, fields, options.pageSize)) {
    for (const issue of page) {
      const level = (issue.fields?.['issuetype'] as { hierarchyLevel?: number } | undefined)?.hierarchyLevel;
      if (level !== undefined && level !== 1) continue;
      epics.push(toEpic(issue, options.host, options.storyPointsField));
    }
  }
  return epics;
}
