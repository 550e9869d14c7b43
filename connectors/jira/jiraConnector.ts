import type { EpicSource, HistorySource, LabelWriter } from '#engine/ports.ts';
import type { RequestScheduler } from '../http/requestScheduler.ts';
import { schedulerFor, type TransportSettings } from '../http/schedulerFor.ts';
import { cachedLookups } from './cachedLookups.ts';
import { cloudApi } from './cloudApi.ts';
import { createJiraClient } from './createJiraClient.ts';
import { dataCenterApi } from './dataCenterApi.ts';
import type { EffortFallback } from './effort.ts';
import { explainJiraError } from './explainJiraError.ts';
import { inScopeIds } from './inScopeIds.ts';
import type { JiraApi } from './jiraApi.ts';
import { pullEpics } from './pullEpics.ts';
import { readHistories } from './readHistories.ts';
import type { TeamRule } from './teamOf.ts';

/** The `jira` section of the config, as this connector reads it. */
export interface JiraSettings extends TransportSettings {
  host: string;
  deployment: 'cloud' | 'datacenter';
  projects: readonly string[];
  jql?: string | undefined;
  extraJql?: string | undefined;
  statuses: readonly string[];
  team: TeamRule;
  effortFallback: EffortFallback;
  storyPointsField?: string | undefined;
  emailEnv: string;
  tokenEnv: string;
  pageSize: number;
}

export interface JiraConnector {
  epics: EpicSource;
  history: HistorySource;
  labels: LabelWriter;
  /** Every Jira request goes through it: the run's deadline aborts it, and its stats are logged. */
  scheduler: RequestScheduler;
}

/**
 * Jira behind the engine's ports: Cloud through jira.js, Data Center through a
 * small fetch adapter (jira.js does not cover it), both behind one scheduler,
 * with failures explained (which credential, which site, which query). The
 * client is made on first use, so commands that never touch Jira need no
 * Jira credentials.
 */
export function jiraConnector(
  settings: JiraSettings,
  credentials: { email: string; token: string },
  options: { ruleFields: readonly string[]; onSchemaMismatch?: 'throw' | 'warn' | undefined },
): JiraConnector {
  const scheduler = schedulerFor(settings);
  let api: JiraApi | undefined;
  const jira = () =>
    (api ??= cachedLookups(
      settings.deployment === 'datacenter'
        ? dataCenterApi({ host: settings.host, token: credentials.token, scheduler })
        : cloudApi(
            createJiraClient({
              host: settings.host,
              credentials: { email: credentials.email, apiToken: credentials.token },
              scheduler,
              onSchemaMismatch: options.onSchemaMismatch,
            }),
          ),
    ));
  const explain = (error: unknown) =>
    Promise.reject(explainJiraError(error, { host: settings.host, emailEnv: settings.emailEnv, tokenEnv: settings.tokenEnv, deployment: settings.deployment }));
  return {
    scheduler,
    epics: {
      pullEpics: (pull) => pullEpics(jira(), { ...settings, effort: settings.effortFallback, ruleFields: options.ruleFields }, pull),
      inScopeIds: () => inScopeIds(jira(), settings),
    },
    history: {
      histories: (epicIds) => readHistories(jira(), settings, epicIds).catch(explain),
    },
    labels: {
      addLabel: (issueId, label) => jira().addLabel(issueId, label).catch(explain),
    },
  };
}
