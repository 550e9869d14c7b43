import type { JiraApi, JiraField } from './jiraApi.ts';

const JSW_STORY_POINTS = 'com.pyxis.greenhopper.jira:jsw-story-points';

/**
 * Story points have no fixed field id across sites (customfield_10016, _10028,
 * _10038 are all seen): prefer Jira Software's "Story point estimate", then a
 * number field named "Story Points" (Data Center's classic one). Null when the
 * site has neither.
 */
export function storyPointsFieldIn(fields: readonly JiraField[]): string | null {
  const jsw = fields.find((f) => f.schema?.custom === JSW_STORY_POINTS);
  if (jsw?.id) return jsw.id;
  const classic = fields.find((f) => f.custom && f.name?.trim().toLowerCase() === 'story points' && f.schema?.type === 'number');
  return classic?.id ?? null;
}

/** Names of issue types at the epic level (hierarchy level 1): "Epic", and renamed ones in team-managed projects. */
export async function discoverEpicTypeNames(jira: JiraApi): Promise<string[]> {
  const types = await jira.issueTypes();
  const names = types.filter((t) => t.hierarchyLevel === 1 && t.name).map((t) => t.name!);
  return [...new Set(['Epic', ...names])];
}
