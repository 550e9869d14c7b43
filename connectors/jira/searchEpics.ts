import type { Epic } from '#core/epic.ts';
import { BASE_FIELDS } from './issueFields.ts';
import type { JiraApi } from './jiraApi.ts';
import { childCounts, ESTIMATE_FIELD, estimatePoints, type EffortSource } from './effort.ts';
import { teamFields, type TeamRule } from './teamOf.ts';
import { toEpic } from './toEpic.ts';

export interface SearchEpicsOptions {
  host: string;
  jql: string;
  storyPointsField: string | null;
  pageSize: number;
  team: TeamRule;
  effort: EffortSource;
  ruleFields: readonly string[];
}

/**
 * Every epic the JQL finds, with the fields asked for by name (never `*all`,
 * which makes Jira return fewer issues per page). Issues not at the epic level
 * (hierarchyLevel ≠ 1) are dropped, since a custom type can share a name.
 */
export async function searchEpics(jira: JiraApi, options: SearchEpicsOptions): Promise<Epic[]> {
  const fields = [
    ...BASE_FIELDS,
    ...(options.storyPointsField ? [options.storyPointsField] : []),
    ...teamFields(options.team),
    ...options.ruleFields,
    ...(options.effort.kind === 'originalEstimate' ? [ESTIMATE_FIELD] : []),
  ];
  const epics: Epic[] = [];
  for await (const page of jira.search(options.jql, fields, options.pageSize)) {
    for (const issue of page) {
      const level = (issue.fields?.['issuetype'] as { hierarchyLevel?: number } | undefined)?.hierarchyLevel;
      if (level !== undefined && level !== 1) continue;
      const epic = toEpic(issue, options.host, options);
      const fallback = options.effort;
      epics.push(epic.storyPoints === null && fallback.kind === 'originalEstimate' ? { ...epic, storyPoints: estimatePoints(issue, fallback.hoursPerPoint) } : epic);
    }
  }
  if (options.effort.kind !== 'childCount') return epics;
  const unestimated = epics.filter((e) => e.storyPoints === null);
  const counts = await childCounts(jira, options.effort.link, unestimated.map((e) => e.key), options.pageSize);
  return epics.map((e) => (e.storyPoints === null && counts.has(e.key) ? { ...e, storyPoints: counts.get(e.key)! } : e));
}
