import type { Logger } from '#log/createLogger.ts';
import type { Charts, TableLocation } from './ports.ts';

/** Charts are a nicety: when the API refuses them, the run goes on and the README says how to add them by hand. */
export async function createCharts(charts: Charts, tables: { epics: TableLocation; balance: TableLocation }, logger: Logger): Promise<void> {
  try {
    const created = await charts.ensure(tables);
    if (created.length) logger.info({ views: created }, 'chart views created');
  } catch (error) {
    logger.warn({ err: error }, 'chart views could not be created through the API; add them by hand (README: "Charts")');
  }
}
