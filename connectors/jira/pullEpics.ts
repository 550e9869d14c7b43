import type { Epic } from '#core/epic.ts';
import type { RejectedEstimate } from '#core/storyPoints.ts';
import { childLinkOn } from './childLink.ts';
import { discoverEpicTypeNames, storyPointsFieldIn } from './discoverFields.ts';
import { explainJiraError } from './explainJiraError.ts';
import type { JiraApi } from './jiraApi.ts';
import { buildEpicJql } from './jql.ts';
import type { EffortFallback, EffortSource } from './effort.ts';
import { searchEpics } from './searchEpics.ts';
import type { TeamRule } from './teamOf.ts';

export interface PullEpicsSettings {
  host: string;
  projects: readonly string[];
  jql?: string;
  extraJql?: string;
  storyPointsField?: string;
  /** Status names to include; all when empty. */
  statuses: readonly string[];
  team: TeamRule;
  effort: EffortFallback;
  /** Fields the classification rules read. */
  ruleFields: readonly string[];
  pageSize: number;
  emailEnv: string;
  tokenEnv: string;
}

export interface PulledEpics {
  epics: Epic[];
  jql: string;
  storyPointsField: string | null;
  /** Estimates set aside as implausible; the caller logs them (connectors have no logger). */
  rejectedEstimates: RejectedEstimate[];
}

/**
 * Discovers the site's fields and epic types, then reads every epic in scope,
 * or only those updated since a moment. JQL compares at minute precision, so
 * the result is filtered again on the exact timestamp.
 */
export async function pullEpics(jira: JiraApi, settings: PullEpicsSettings, options: { updatedSinceMs?: number } = {}): Promise<PulledEpics> {
  const context = { host: settings.host, emailEnv: settings.emailEnv, tokenEnv: settings.tokenEnv, deployment: jira.deployment };
  let jql: string | undefined;
  try {
    // The field list is read once, and only when something must be found in it: story points not configured, or Data Center's Epic Link.
    const needsFields = !settings.storyPointsField || (settings.effort.kind === 'childCount' && jira.deployment === 'datacenter');
    // Both discoveries settle before either failure is reported, so no request outlives the run.
    const [fieldList, types] = await Promise.allSettled([needsFields ? jira.fields() : Promise.resolve([]), discoverEpicTypeNames(jira)]);
    if (fieldList.status === 'rejected') throw fieldList.reason;
    if (types.status === 'rejected') throw types.reason;
    const storyPointsField = settings.storyPointsField ?? storyPointsFieldIn(fieldList.value);
    const epicTypeNames = types.value;
    const effort: EffortSource = settings.effort.kind === 'childCount' ? { kind: 'childCount', link: childLinkOn(jira.deployment, fieldList.value, settings.host) } : settings.effort;
    jql = buildEpicJql({ projects: settings.projects, epicTypeNames, jql: settings.jql, extraJql: settings.extraJql, statuses: settings.statuses, updatedSinceMs: options.updatedSinceMs });
    const { epics: found, rejectedEstimates } = await searchEpics(jira, { host: settings.host, jql, storyPointsField, pageSize: settings.pageSize, team: settings.team, effort, ruleFields: settings.ruleFields });
    const since = options.updatedSinceMs;
    const epics = since === undefined ? found : found.filter((e) => Date.parse(e.updated) >= since);
    return { epics, jql, storyPointsField, rejectedEstimates };
  } catch (error) {
    throw explainJiraError(error, { ...context, jql });
  }
}
