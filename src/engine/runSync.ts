import { computeBalance, type BalanceCell, type ClassifiedEpic } from '../core/balance.ts';
import { compileClassifier } from '../core/classify.ts';
import { compileStrategyMapper } from '../core/mapStrategy.ts';
import type { Mappings } from '../core/mappings.ts';
import { periodOf, type PeriodKind } from '../core/period.ts';
import { planRows, type Row, type RowPlan } from '../core/plan.ts';
import { balanceRow } from '../core/tables/balanceRow.ts';
import { epicRow } from '../core/tables/epicRow.ts';
import { BALANCE_TABLE, EPICS_TABLE, type TableSpec } from '../core/tables/tableSpec.ts';
import type { Logger } from '../log/createLogger.ts';
import type { ApplyResult, EpicSource, StrategySource, TableStore } from './ports.ts';

export interface SyncOptions {
  mappings: Mappings;
  period: PeriodKind;
  dryRun: boolean;
  now: Date;
  logger: Logger;
}

export interface TableOutcome {
  table: string;
  plan: RowPlan;
  result: ApplyResult | null;
}

export interface SyncReport {
  period: string;
  epics: ClassifiedEpic[];
  balance: BalanceCell[];
  tables: TableOutcome[];
}

const NOTHING_APPLIED: ApplyResult = { created: 0, updated: 0, archived: 0, failed: [] };

/**
 * One sync: read everything, decide everything, then write only the
 * differences. Every read completes before the first write, so a failed read
 * never leaves a half-written result.
 */
export async function runSync(
  ports: { jira: EpicSource; strategy: StrategySource; tables: TableStore },
  options: SyncOptions,
): Promise<SyncReport> {
  const { logger } = options;
  const [{ epics, jql }, strategyPages] = await Promise.all([ports.jira.pullEpics(), ports.strategy.pullStrategy()]);
  logger.info({ epics: epics.length, strategyPages: strategyPages.length, jql }, 'pulled');

  const epicsTable = await ports.tables.open(EPICS_TABLE, { dryRun: options.dryRun });
  const existingEpics = epicsTable ? await epicsTable.readRows() : [];
  const overrides = new Map(existingEpics.map((r) => [r.key, r.values['Work Type Override']]));

  const classify = compileClassifier(options.mappings);
  const mapStrategy = compileStrategyMapper(strategyPages, options.mappings);
  const classified: ClassifiedEpic[] = epics.map((epic) => {
    const override = overrides.get(epic.id);
    return { epic, classification: classify(epic, typeof override === 'string' ? override : null), links: mapStrategy(epic) };
  });
  const balance = computeBalance(classified, options.mappings.workTypes);
  const period = periodOf(options.now, options.period);

  const balanceTable = await ports.tables.open(BALANCE_TABLE, { dryRun: options.dryRun });
  const existingBalance = balanceTable ? (await balanceTable.readRows()).filter((r) => r.values['Period'] === period) : [];

  const outcomes: TableOutcome[] = [];
  const sync = async (spec: TableSpec, table: typeof epicsTable, desired: Row[], existing: typeof existingEpics, archiveMissing: boolean) => {
    const stored = table ? desired.map((row) => table.asStored(row)) : desired;
    const plan = planRows(stored, existing, { archiveMissing });
    logger.info(
      { table: spec.title, create: plan.creates.length, update: plan.updates.length, archive: plan.archives.length, unchanged: plan.unchanged },
      options.dryRun ? 'planned (dry run: nothing written)' : 'planned',
    );
    const result = options.dryRun || !table ? null : await table.apply(plan);
    outcomes.push({ table: spec.title, plan, result: result ?? (options.dryRun ? null : NOTHING_APPLIED) });
  };
  await sync(EPICS_TABLE, epicsTable, classified.map(epicRow), existingEpics, true);
  // Only this period's balance rows are compared, so earlier periods are never touched.
  await sync(BALANCE_TABLE, balanceTable, balance.map((cell) => balanceRow(cell, period)), existingBalance, true);

  return { period, epics: classified, balance, tables: outcomes };
}
