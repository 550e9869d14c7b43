import { discoverEpicTypeNames } from './discoverFields.ts';
import { explainJiraError } from './explainJiraError.ts';
import type { JiraApi } from './jiraApi.ts';
import { buildEpicJql } from './jql.ts';
import type { PullEpicsSettings } from './pullEpics.ts';

export type ScopeSettings = Pick<PullEpicsSettings, 'host' | 'projects' | 'jql' | 'extraJql' | 'statuses' | 'emailEnv' | 'tokenEnv'>;

/**
 * The ids of every epic in scope now: the full pull's query without its
 * updated filter, asking for ids only. That is what lets Jira send its largest
 * pages (5,000 issues on Cloud, 1,000 on Data Center), so an incremental run
 * learns which epics were deleted or moved out for one request per 5,000 epics.
 * The id is all it needs: rows are keyed by it, and a moved epic keeps it.
 */
export async function inScopeIds(jira: JiraApi, settings: ScopeSettings): Promise<string[]> {
  let jql: string | undefined;
  try {
    jql = buildEpicJql({ ...settings, epicTypeNames: await discoverEpicTypeNames(jira) });
    const ids: string[] = [];
    for await (const page of jira.search(jql, ['id'], jira.idsPerPage)) for (const issue of page) ids.push(issue.id);
    return ids;
  } catch (error) {
    throw explainJiraError(error, { host: settings.host, emailEnv: settings.emailEnv, tokenEnv: settings.tokenEnv, deployment: jira.deployment, jql });
  }
}
