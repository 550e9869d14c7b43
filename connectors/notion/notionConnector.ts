import { BackboneError } from '#core/errors.ts';
import { BALANCE_TABLE } from '#core/tables/balanceTable.ts';
import { EPICS_TABLE } from '#core/tables/epicsTable.ts';
import type { Charts, Dashboard, StrategySource, SyncStateStore, TableStore } from '#engine/ports.ts';
import type { Logger } from '#log/createLogger.ts';
import type { RequestScheduler } from '../http/requestScheduler.ts';
import { schedulerFor, type TransportSettings } from '../http/schedulerFor.ts';
import { ensurePresentation, presentationFingerprint } from './presentation.ts';
import { createNotionClient } from './createNotionClient.ts';
import { writeDashboardSection } from './dashboardSection.ts';
import { dataSourcesOf } from './dataSources.ts';
import { explainNotionError } from './explainNotionError.ts';
import { notionTables } from './notionTables.ts';
import { checkParentIsPage, parentChildren } from './parentPage.ts';
import { childByTitle } from './childByTitle.ts';
import { readStrategyPages } from './readStrategyPages.ts';
import type { StrategyPropertyNames } from './strategySchema.ts';
import { syncStatePage } from './syncStatePage.ts';

/** The `notion` section of the config, as this connector reads it. */
export interface NotionSettings extends TransportSettings {
  baseUrl: string;
  tokenEnv: string;
  strategyDatabase: string;
  strategyProperties: StrategyPropertyNames;
  parentPage: string;
  epicsDatabase?: string | undefined;
  balanceDatabase?: string | undefined;
  readNarratives: boolean;
  dashboardPage?: string | undefined;
}

export interface NotionConnector {
  strategy: StrategySource;
  tables: TableStore;
  state: SyncStateStore;
  /** Absent when no dashboard page is configured. */
  dashboard?: Dashboard;
  charts: Charts;
  /** Every Notion request goes through it: the run's deadline aborts it, and its stats are logged. */
  scheduler: RequestScheduler;
}

/**
 * Notion behind the engine's ports, through the real SDK and one scheduler.
 * Every failure is explained with what was being touched (the strategy
 * database, the parent page, the dashboard page) and what to do.
 */
export function notionConnector(settings: NotionSettings, token: string, options: { logger: Logger; scrub: (text: string) => string }): NotionConnector {
  const scheduler = schedulerFor(settings);
  const notion = createNotionClient({
    baseUrl: settings.baseUrl,
    token,
    scheduler,
    log: (level, message, extra) => options.logger.debug({ sdk: 'notion', level, ...extra }, message),
    scrub: options.scrub,
  });
  const explainAs = (what: string) => (error: unknown) => Promise.reject(explainNotionError(error, { what, tokenEnv: settings.tokenEnv, baseUrl: settings.baseUrl }));
  const findChild = childByTitle(parentChildren(notion, settings.parentPage), (message, ids) => options.logger.warn(ids, message));

  const parentWhat = `the parent page ${settings.parentPage} (notion.parentPage)`;
  const state = syncStatePage(notion, { parentPageId: settings.parentPage, findChild, onInvalid: (why) => options.logger.warn(why) });

  const strategyWhat = `the strategy database ${settings.strategyDatabase} (notion.strategyDatabase)`;
  let strategyDataSource: Promise<string> | undefined;
  const strategyDataSourceId = () =>
    (strategyDataSource ??= dataSourcesOf(notion, settings.strategyDatabase)
      .catch(explainAs(strategyWhat))
      .then((sources) => {
        if (!sources[0]) throw new BackboneError('access', 'notion-no-data-source', `${strategyWhat} has no data source.`);
        return sources[0].id;
      }));

  // One store per run, so each database is looked up and checked once; the parent page too.
  let tableStore: Promise<TableStore> | undefined;
  let parentChecked: Promise<void> | undefined;

  const dashboardPage = settings.dashboardPage;
  return {
    scheduler,
    strategy: {
      pullStrategy: () =>
        readStrategyPages(notion, settings.strategyDatabase, settings.strategyProperties, { narratives: settings.readNarratives }).catch(explainAs(strategyWhat)),
    },
    state: {
      read: () => state.read().catch(explainAs(parentWhat)),
      write: (next) => state.write(next).catch(explainAs(parentWhat)),
    },
    tables: {
      async open(spec, opts) {
        tableStore ??= strategyDataSourceId().then((strategyDataSourceId) =>
          notionTables(notion, {
            parentPageId: settings.parentPage,
            strategyDataSourceId,
            findChild,
            tokenEnv: settings.tokenEnv,
            baseUrl: settings.baseUrl,
            configured: { [EPICS_TABLE.title]: settings.epicsDatabase, [BALANCE_TABLE.title]: settings.balanceDatabase },
            checkParent: () => (parentChecked ??= checkParentIsPage(notion, settings.parentPage).catch(explainAs(parentWhat))),
          }),
        );
        return (await tableStore).open(spec, opts);
      },
    },
    charts: { fingerprint: presentationFingerprint, ensure: (tables, context) => ensurePresentation(notion, tables, context) },
    ...(dashboardPage
      ? {
          dashboard: {
            publish: (doc) =>
              writeDashboardSection(notion, dashboardPage, doc).catch(explainAs(`the dashboard page ${dashboardPage} (notion.dashboardPage)`)),
          },
        }
      : {}),
  };
}
