import { isPlausiblePoints, type EstimateSource, type RejectedEstimate } from '#core/storyPoints.ts';
import type { ChildLink } from './childLink.ts';
import { jqlList } from './jql.ts';
import type { JiraApi } from './jiraApi.ts';
import type { RawIssue } from './toEpic.ts';

/**
 * What counts as effort when an epic has no story points: nothing (default),
 * its original estimate in hours converted at `hoursPerPoint`, or the number of
 * its child issues.
 */
export type EffortFallback = { kind: 'none' } | { kind: 'originalEstimate'; hoursPerPoint: number } | { kind: 'childCount' };

/** The fallback as the search runs it: counting children needs to know how this site links them to their epic. */
export type EffortSource = Exclude<EffortFallback, { kind: 'childCount' }> | { kind: 'childCount'; link: ChildLink };

export const ESTIMATE_FIELD = 'timeoriginalestimate';

/** An epic's effort in points, or null; an implausible value becomes null and is handed back for a warning. */
export interface Effort {
  points: number | null;
  rejected: RejectedEstimate | null;
}

export const NO_EFFORT: Effort = { points: null, rejected: null };

/** A value read from Jira as points: anything but a number is no estimate, a number out of bounds is rejected. */
export function effortOf(key: string, source: EstimateSource, value: unknown): Effort {
  if (typeof value !== 'number') return NO_EFFORT;
  return isPlausiblePoints(value) ? { points: value, rejected: null } : { points: null, rejected: { key, source, value } };
}

export function estimatePoints(issue: RawIssue, hoursPerPoint: number): Effort {
  const seconds = issue.fields?.[ESTIMATE_FIELD];
  // Zero is how Jira shows an estimate nobody gave.
  if (typeof seconds !== 'number' || seconds === 0) return NO_EFFORT;
  return effortOf(issue.key, 'originalEstimate', Math.round((seconds / 3600 / hoursPerPoint) * 10) / 10);
}

const BATCH = 50;

/**
 * Child issue counts for epics, by key, in batches of 50 keys per search. The
 * link field holds the epic as an issue object (`parent`) or as its key (Epic Link).
 */
export async function childCounts(jira: JiraApi, link: ChildLink, epicKeys: readonly string[], pageSize: number): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (let i = 0; i < epicKeys.length; i += BATCH) {
    const keys = epicKeys.slice(i, i + BATCH);
    for await (const page of jira.search(`${link.clause} in ${jqlList(keys)}`, [link.field], pageSize)) {
      for (const child of page) {
        const value = child.fields?.[link.field];
        const key = typeof value === 'string' ? value : (value as { key?: string } | undefined)?.key;
        if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
  }
  return counts;
}
