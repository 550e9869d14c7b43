import type { Epic } from '#core/epic.ts';
import { Interner } from '#core/interner.ts';
import type { RejectedEstimate } from '#core/storyPoints.ts';
import { BASE_FIELDS } from './issueFields.ts';
import type { JiraApi } from './jiraApi.ts';
import { childCounts, effortOf, ESTIMATE_FIELD, estimatePoints, type Effort, type EffortSource } from './effort.ts';
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

export interface FoundEpics {
  epics: Epic[];
  /** Story points and fallback estimates set aside as implausible, for the caller to warn about. */
  rejectedEstimates: RejectedEstimate[];
}

/**
 * Every epic the JQL finds, with the fields asked for by name (never `*all`,
 * which makes Jira return fewer issues per page). Issues not at the epic level
 * (hierarchyLevel ≠ 1) are dropped, since a custom type can share a name. An
 * epic whose story points are rejected has none, so the fallback applies.
 */
export async function searchEpics(jira: JiraApi, options: SearchEpicsOptions): Promise<FoundEpics> {
  const fields = [
    ...BASE_FIELDS,
    ...(options.storyPointsField ? [options.storyPointsField] : []),
    ...teamFields(options.team),
    ...options.ruleFields,
    ...(options.effort.kind === 'originalEstimate' ? [ESTIMATE_FIELD] : []),
  ];
  const epics: Epic[] = [];
  const rejectedEstimates: RejectedEstimate[] = [];
  const reading = { ...options, shared: new Interner() };
  const pointsOf = (effort: Effort) => {
    if (effort.rejected) rejectedEstimates.push(effort.rejected);
    return effort.points;
  };
  for await (const page of jira.search(options.jql, fields, options.pageSize)) {
    for (const issue of page) {
      const level = (issue.fields?.['issuetype'] as { hierarchyLevel?: number } | undefined)?.hierarchyLevel;
      if (level !== undefined && level !== 1) continue;
      const { epic, rejected } = toEpic(issue, options.host, reading);
      if (rejected) rejectedEstimates.push(rejected);
      const fallback = options.effort;
      epics.push(epic.storyPoints === null && fallback.kind === 'originalEstimate' ? { ...epic, storyPoints: pointsOf(estimatePoints(issue, fallback.hoursPerPoint)) } : epic);
    }
  }
  if (options.effort.kind !== 'childCount') return { epics, rejectedEstimates };
  const unestimated = epics.filter((e) => e.storyPoints === null);
  const counts = await childCounts(jira, options.effort.link, unestimated.map((e) => e.key), options.pageSize);
  const withCounts = epics.map((e) => (e.storyPoints === null && counts.has(e.key) ? { ...e, storyPoints: pointsOf(effortOf(e.key, 'childCount', counts.get(e.key))) } : e));
  return { epics: withCounts, rejectedEstimates };
}
