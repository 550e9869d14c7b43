import { cloudApi } from '#connectors/jira/cloudApi.ts';
import { createJiraClient } from '#connectors/jira/createJiraClient.ts';
import { dataCenterApi } from '#connectors/jira/dataCenterApi.ts';
import type { JiraApi } from '#connectors/jira/jiraApi.ts';
import { explainJiraError } from '#connectors/jira/explainJiraError.ts';
import { pullEpics } from '#connectors/jira/pullEpics.ts';
import { ensureChartViews } from '#connectors/notion/chartViews.ts';
import { createNotionClient } from '#connectors/notion/createNotionClient.ts';
import { writeDashboardSection } from '#connectors/notion/dashboardSection.ts';
import { dataSourcesOf } from '#connectors/notion/dataSources.ts';
import { explainNotionError } from '#connectors/notion/explainNotionError.ts';
import { notionTables } from '#connectors/notion/notionTables.ts';
import { parentChildren } from '#connectors/notion/parentPage.ts';
import { syncStatePage } from '#connectors/notion/syncStatePage.ts';
import { readStrategyPages } from '#connectors/notion/readStrategyPages.ts';
import type { Config } from '#config/schema.ts';
import { ruleFields, type Mappings } from '#core/mappings.ts';
import type { Secrets } from '#config/secretsFromEnv.ts';
import { BALANCE_TABLE, EPICS_TABLE } from '#core/tables/tableSpec.ts';
import { BackboneError } from '#core/errors.ts';
import { RequestScheduler } from '#connectors/http/requestScheduler.ts';
import type { Charts, Dashboard, EpicSource, LabelWriter, StrategySource, SyncStateStore, TableStore } from '#engine/ports.ts';
import type { Logger } from '#log/createLogger.ts';

export interface Wiring {
  jira: EpicSource;
  labels: LabelWriter;
  strategy: StrategySource;
  tables: TableStore;
  state: SyncStateStore;
  dashboard?: Dashboard;
  charts: Charts;
  schedulers: { jira: RequestScheduler; notion: RequestScheduler };
}

/** The imperative shell: real SDK clients behind one scheduler per system, plugged into the engine's ports. */
export function wire(
  config: Config,
  secrets: Secrets,
  options: { logger: Logger; onSchemaMismatch?: 'throw' | 'warn'; mappings?: Mappings },
): Wiring {
  const schedulers = {
    jira: new RequestScheduler({ ...config.jira.rateLimit, ...config.jira.retry, timeoutMs: config.jira.requestTimeoutSeconds * 1000 }),
    notion: new RequestScheduler({ ...config.notion.rateLimit, ...config.notion.retry, timeoutMs: config.notion.requestTimeoutSeconds * 1000 }),
  };
  // Made on first use: commands that only read Notion (report) need no Jira credentials.
  // Data Center: jira.js does not cover it, so a small fetch adapter stands behind the same interface.
  let jiraApi: JiraApi | undefined;
  const jira = () =>
    (jiraApi ??=
      config.jira.deployment === 'datacenter'
        ? dataCenterApi({ host: config.jira.host, token: secrets.jiraToken, scheduler: schedulers.jira })
        : cloudApi(
            createJiraClient({
              host: config.jira.host,
              credentials: { email: secrets.jiraEmail, apiToken: secrets.jiraToken },
              scheduler: schedulers.jira,
              onSchemaMismatch: options.onSchemaMismatch,
            }),
          ));
  const notion = createNotionClient({
    baseUrl: config.notion.baseUrl,
    token: secrets.notionToken,
    scheduler: schedulers.notion,
    log: (level, message, extra) => options.logger.debug({ sdk: 'notion', level, ...extra }, message),
  });
  const children = parentChildren(notion, config.notion.parentPage);
  const parentWhat = `the parent page ${config.notion.parentPage} (notion.parentPage)`;
  const explainParent = (e: unknown) => Promise.reject(explainNotionError(e, { what: parentWhat, tokenEnv: config.notion.tokenEnv, baseUrl: config.notion.baseUrl }));
  const state = syncStatePage(notion, {
    parentPageId: config.notion.parentPage,
    children,
    onInvalid: (why) => options.logger.warn(why),
  });
  const strategyWhat = `the strategy database ${config.notion.strategyDatabase} (notion.strategyDatabase)`;
  let strategyDataSource: Promise<string> | undefined;
  const strategyDataSourceId = () =>
    (strategyDataSource ??= dataSourcesOf(notion, config.notion.strategyDatabase)
      .catch((e: unknown) => Promise.reject(explainNotionError(e, { what: strategyWhat, tokenEnv: config.notion.tokenEnv, baseUrl: config.notion.baseUrl })))
      .then((sources) => {
        if (!sources[0]) throw new BackboneError('access', 'notion-no-data-source', `${strategyWhat} has no data source.`);
        return sources[0].id;
      }));

  const dashboardPage = config.notion.dashboardPage;
  const dashboardWhat = `the dashboard page ${dashboardPage} (notion.dashboardPage)`;
  return {
    schedulers,
    charts: { ensure: ({ epics, balance }) => ensureChartViews(notion, { epics, balance }) },
    ...(dashboardPage
      ? {
          dashboard: {
            publish: (doc, print) =>
              writeDashboardSection(notion, dashboardPage, doc, print).catch((e: unknown) =>
                Promise.reject(explainNotionError(e, { what: dashboardWhat, tokenEnv: config.notion.tokenEnv, baseUrl: config.notion.baseUrl })),
              ),
          },
        }
      : {}),
    jira: {
      pullEpics: (pull) =>
        pullEpics(jira(), {
          host: config.jira.host,
          projects: config.jira.projects,
          jql: config.jira.jql,
          extraJql: config.jira.extraJql,
          storyPointsField: config.jira.storyPointsField,
          statuses: config.jira.statuses,
          team: config.jira.team,
          effort: config.jira.effortFallback,
          ruleFields: options.mappings ? ruleFields(options.mappings) : [],
          pageSize: config.jira.pageSize,
          emailEnv: config.jira.emailEnv,
          tokenEnv: config.jira.tokenEnv,
        }, pull),
    },
    labels: {
      addLabel: (issueId, label) =>
        jira().addLabel(issueId, label).catch((e: unknown) =>
          Promise.reject(
            explainJiraError(e, { host: config.jira.host, emailEnv: config.jira.emailEnv, tokenEnv: config.jira.tokenEnv, deployment: config.jira.deployment }),
          ),
        ),
    },
    state: {
      read: () => state.read().catch(explainParent),
      write: (next) => state.write(next).catch(explainParent),
    },
    strategy: {
      pullStrategy: () =>
        readStrategyPages(notion, config.notion.strategyDatabase, config.notion.strategyProperties, { narratives: config.notion.readNarratives }).catch((e: unknown) =>
          Promise.reject(explainNotionError(e, { what: strategyWhat, tokenEnv: config.notion.tokenEnv, baseUrl: config.notion.baseUrl })),
        ),
    },
    tables: {
      async open(spec, opts) {
        const store = notionTables(notion, {
          parentPageId: config.notion.parentPage,
          strategyDataSourceId: await strategyDataSourceId(),
          children,
          tokenEnv: config.notion.tokenEnv,
          baseUrl: config.notion.baseUrl,
          configured: { [EPICS_TABLE.title]: config.notion.epicsDatabase, [BALANCE_TABLE.title]: config.notion.balanceDatabase },
        });
        return store.open(spec, opts);
      },
    },
  };
}
