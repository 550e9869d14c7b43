import type { Logger } from '#log/createLogger.ts';
import type { Charts, PresentationContext, TableLocation } from './ports.ts';

/** Charts are a nicety: when the API refuses them, the run goes on and the README says how to add them by hand. */
export async function createCharts(
  charts: Charts,
  tables: { epics: TableLocation; balance: TableLocation },
  context: PresentationContext,
  logger: Logger,
): Promise<void> {
  try {
    const made = await charts.ensure(tables, context);
    if (made.length) logger.info({ views: made }, 'views created or brought up to date');
  } catch (error) {
    logger.warn({ err: error }, 'views could not be created through the API; add them by hand (README: "Views and styles")');
  }
}
