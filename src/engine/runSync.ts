import { computeBalance, type Balance } from '#core/balance.ts';
import type { BalancePolicy } from '#core/balancePolicy.ts';
import type { ClassifiedEpic } from '#core/classifiedEpic.ts';
import { classifyEpics } from '#core/classifyEpics.ts';
import type { Mappings } from '#core/mappings.ts';
import { periodOf, type PeriodKind } from '#core/period.ts';
import { periodSpanOf } from '#core/periodSpan.ts';
import { inTimeOrder, planRows, type ExistingRow, type Row, type RowPlan } from '#core/plan.ts';
import { portfolioEpicOf, type PortfolioEpic } from '#core/portfolioEpic.ts';
import type { StrategyPage } from '#core/strategy.ts';
import { cursorOf, decideFullSync, fingerprint, heldCursorAfter, type FullSyncDecision, type SyncState } from '#core/syncState.ts';
import { BALANCE_TABLE, balanceRows } from '#core/tables/balanceTable.ts';
import { EPICS_TABLE, epicFromRow, epicRow, overrideOf } from '#core/tables/epicsTable.ts';
import type { TableSpec, WrittenValues } from '#core/tables/table.ts';
import type { Logger } from '#log/createLogger.ts';
import { dashboardDoc } from '#core/dashboardDoc.ts';
import { createCharts } from './createCharts.ts';
import { closedPeriodRows, closedPeriodsToWrite, logClosedPeriods, markersLast, withInProgressSpans, type HistoryOptions } from './history.ts';
import { warnRejectedEstimates } from './warnRejectedEstimates.ts';
import type { ApplyResult, Charts, Dashboard, EpicSource, HistorySource, StrategySource, SyncStateStore, Table, TableStore } from './ports.ts';

export interface SyncOptions {
  mappings: Mappings;
  period: PeriodKind;
  policy: BalancePolicy;
  teamTargets: Readonly<Record<string, Readonly<Record<string, number>>>>;
  dryRun: boolean;
  /** Reconcile everything even if an incremental run would do. */
  full: boolean;
  /** How often a full reconciliation runs on its own. */
  fullEveryMs: number;
  /** How far before the cursor an incremental pull starts, for Jira's eventually consistent search. */
  overlapMs: number;
  now: Date;
  /** Closed periods rebuilt from Jira's changelog; none when absent. */
  history?: HistoryOptions;
  logger: Logger;
  /** Told how many row writes a table's plan holds, just before they start: the CLI sizes the run's deadline by it. */
  onWritesPlanned?: (writes: number) => void;
}

export interface SyncPorts {
  jira: EpicSource;
  /** Jira's changelog; without it, no past period is rebuilt and time in progress is not known. */
  history?: HistorySource;
  strategy: StrategySource;
  tables: TableStore;
  state: SyncStateStore;
  /** Absent when no dashboard page is configured. */
  dashboard?: Dashboard;
  charts?: Charts;
}

export interface TableOutcome {
  table: string;
  /** The table's definition, to name its columns. */
  spec: TableSpec;
  plan: RowPlan;
  /** Null on a dry run. */
  result: ApplyResult | null;
}

export interface SyncReport {
  mode: FullSyncDecision;
  period: string;
  /** Epics pulled from Jira this run (all of them on a full run). */
  pulled: ClassifiedEpic[];
  /** Every epic in the balance: the pulled ones and, on an incremental run, the rest as Notion holds them. */
  portfolio: PortfolioEpic[];
  strategy: StrategyPage[];
  balance: Balance;
  tables: TableOutcome[];
  dashboard: 'written' | 'unchanged' | 'not configured' | 'dry run';
  stateWritten: boolean;
}

/** The fingerprint that forces a full run when the rules or the strategy pages change. */
function rulesFingerprint(mappings: Mappings, strategy: readonly StrategyPage[]): string {
  return fingerprint({ mappings, strategy: strategy.map((p) => [p.id, p.layer, p.slug, p.flow, p.keywords]) });
}

/**
 * One sync: read everything, decide everything, then write only the
 * differences. Jira, the strategy pages and all existing rows are read before
 * the first write, so a failed read never leaves a half-written result. The
 * cursor is held back after a failed write, so a failed row is pulled again
 * next time; a killed run cannot skip one either (see `syncTable`'s ordering).
 */
export async function runSync(ports: SyncPorts, options: SyncOptions): Promise<SyncReport> {
  const { logger, mappings } = options;
  const [state, strategy] = await Promise.all([ports.state.read(), ports.strategy.pullStrategy()]);
  const rulesHash = rulesFingerprint(mappings, strategy);
  // Read phase: the databases are only looked up here; creating or repairing them waits until every read is done.
  const epicsFound = await ports.tables.open(EPICS_TABLE, { dryRun: true });
  const existingEpics = epicsFound ? await epicsFound.readRows() : [];
  const balanceFound = await ports.tables.open(BALANCE_TABLE, { dryRun: true });
  const storedBalance = balanceFound ? await balanceFound.readRows() : [];
  // Closed periods with no rows yet (or all of them, to restate) are rebuilt from the changelog, which needs every epic.
  const closed = ports.history ? closedPeriodsToWrite(storedBalance, options.now, options.period, options.history) : [];
  const cursor = cursorOf(
    state,
    existingEpics.map((r) => r.values.updated),
    options.now.getTime() + options.overlapMs,
  );
  // A database that is not there yet (the first run, or after a person deleted it) is filled by a full run only.
  const mode = !epicsFound
    ? { full: true, reason: 'no Epics database yet' }
    : closed.length > 0
      ? { full: true, reason: `${closed.length} closed period(s) to rebuild from the changelog` }
      : decideFullSync(state, { forced: options.full, cursorMs: cursor, rulesHash, now: options.now, fullEveryMs: options.fullEveryMs });
  const since = mode.full || cursor === null ? undefined : cursor - options.overlapMs;
  const { epics: found, jql, rejectedEstimates } = await ports.jira.pullEpics(since === undefined ? {} : { updatedSinceMs: since });
  warnRejectedEstimates(logger, rejectedEstimates);
  logger.info({ mode: mode.full ? 'full' : 'incremental', reason: mode.reason, epics: found.length, strategyPages: strategy.length, jql }, 'pulled');

  const rowsById = new Map(existingEpics.map((r) => [r.key, r]));
  const { epics, histories } = await withInProgressSpans(ports.history, found, rowsById, { everyEpic: closed.length > 0 });
  const classification = { mappings, strategy, overrideOf: (id: string) => overrideOf(rowsById.get(id)) };
  const pulled = classifyEpics(epics, classification);

  const portfolio = pulled.map(portfolioEpicOf);
  if (!mode.full) {
    // Epics not pulled this time are unchanged in Jira: their Notion rows hold their facts.
    const pulledIds = new Set(epics.map((e) => e.id));
    const seen = new Set<string>();
    for (const row of existingEpics) {
      if (pulledIds.has(row.key) || seen.has(row.key)) continue;
      seen.add(row.key);
      portfolio.push(epicFromRow(row, mappings.workTypes));
    }
  }
  const balanceSettings = { workTypes: mappings.workTypes, strategy, teamTargets: options.teamTargets, policy: options.policy };
  const balance = computeBalance({ ...balanceSettings, epics: portfolio, now: options.now, window: periodSpanOf(options.now, options.period) });
  const period = periodOf(options.now, options.period);
  const closedRows = closedPeriodRows(closed, { epics, histories, classification, balance: balanceSettings });
  logClosedPeriods(logger, closed, { restate: options.history?.restate ?? false, stored: storedBalance, rows: closedRows });

  // Only this period's rows, and those of closed periods being rebuilt, are compared: other periods are never touched.
  const writing = new Set([period, ...closed.map((p) => p.label)]);
  const existingBalance = storedBalance.filter((r) => writing.has(r.values.period ?? ''));

  // Write phase: create the databases or repair their schema, then write the differences.
  const epicsTable = options.dryRun ? epicsFound : await ports.tables.open(EPICS_TABLE, { dryRun: false });
  const balanceTable = options.dryRun ? balanceFound : await ports.tables.open(BALANCE_TABLE, { dryRun: false });

  const tables = [
    await syncTable(epicsTable, EPICS_TABLE, pulled.map(epicRow), existingEpics, {
      // Only a full read of Jira can tell an epic is gone; duplicate rows are repaired on every run.
      archiveMissing: mode.full,
      options,
      // An incremental run writes oldest change first, so the cursor derived from the rows never skips an unwritten one.
      // A full run writes in any order, after marking itself pending so that, killed part-way, it is repeated.
      writeOrder: mode.full ? undefined : jiraUpdateTimes(epics),
      beforeWrites: mode.full && state && !state.fullPending ? () => ports.state.write({ ...state, fullPending: true }) : undefined,
    }),
    await syncTable(balanceTable, BALANCE_TABLE, [...balanceRows(balance, period), ...closedRows], existingBalance, {
      archiveMissing: true,
      options,
      writeOrder: closed.length > 0 ? markersLast(closed) : undefined,
    }),
  ];

  if (ports.charts && epicsTable && balanceTable && (epicsTable.created || balanceTable.created)) {
    await createCharts(ports.charts, { epics: epicsTable, balance: balanceTable }, options.logger);
  }
  const dashboard = await publishDashboard(ports.dashboard, balance, period, strategy, options);
  const allWritten = tables.every((t) => t.result !== null && t.result.failed.length === 0);
  const newState: SyncState = {
    version: 2,
    heldCursorMs: heldCursorAfter(state, cursor, allWritten),
    lastFullAt: mode.full && allWritten ? options.now.toISOString() : (state?.lastFullAt ?? null),
    fullPending: mode.full ? !allWritten : (state?.fullPending ?? false),
    rulesHash: allWritten ? rulesHash : (state?.rulesHash ?? ''),
  };
  const stateChanged = JSON.stringify(newState) !== JSON.stringify(state);
  const stateWritten = !options.dryRun && stateChanged;
  if (stateWritten) await ports.state.write(newState);

  return { mode, period, pulled, portfolio, strategy, balance, tables, dashboard, stateWritten };
}

/** Each pulled epic's last Jira update, by issue id: the time its row's Updated will carry. */
function jiraUpdateTimes(epics: readonly { id: string; updated: string }[]): (key: string) => number {
  const times = new Map(epics.map((epic) => [epic.id, Date.parse(epic.updated)]));
  return (key) => times.get(key) ?? 0;
}

async function publishDashboard(
  dashboard: Dashboard | undefined,
  balance: Balance,
  period: string,
  strategy: readonly StrategyPage[],
  options: SyncOptions,
): Promise<SyncReport['dashboard']> {
  if (!dashboard) return 'not configured';
  if (options.dryRun) return 'dry run';
  const doc = dashboardDoc(balance, period, strategy, options.policy.tolerancePp);
  const { written } = await dashboard.publish(doc, fingerprint(doc));
  options.logger.info({ written }, written ? 'dashboard section replaced' : 'dashboard section unchanged');
  return written ? 'written' : 'unchanged';
}

async function syncTable<S extends TableSpec>(
  table: Table<S> | null,
  spec: S,
  desired: Row<WrittenValues<S>>[],
  existing: readonly ExistingRow[],
  { archiveMissing, options, writeOrder, beforeWrites }: {
    archiveMissing: boolean;
    options: SyncOptions;
    /** When given, rows are written in this time order, in windows of half the overlap (see `inTimeOrder`). */
    writeOrder?: ((key: string) => number) | undefined;
    /** Called once before the first write, and only when the plan has one. */
    beforeWrites?: (() => Promise<void>) | undefined;
  },
): Promise<TableOutcome> {
  const stored = table ? desired.map((row) => table.asStored(row)) : desired;
  const plan = planRows(stored, existing, { archiveMissing });
  const title = spec.title;
  options.logger.info(
    { table: title, create: plan.creates.length, update: plan.updates.length, archive: plan.archives.length, unchanged: plan.unchanged },
    options.dryRun ? 'planned (dry run: nothing written)' : 'planned',
  );
  if (options.dryRun) return { table: title, spec, plan, result: null };
  if (!table) return { table: title, spec, plan, result: { created: 0, updated: 0, archived: 0, failed: [] } };
  const writes = plan.creates.length + plan.updates.length + plan.archives.length;
  options.onWritesPlanned?.(writes);
  if (beforeWrites && writes > 0) await beforeWrites();
  const parts = writeOrder ? inTimeOrder(plan, writeOrder, options.overlapMs / 2) : [plan];
  const result: ApplyResult = { created: 0, updated: 0, archived: 0, failed: [] };
  for (const part of parts) {
    const done = await table.apply(part);
    result.created += done.created;
    result.updated += done.updated;
    result.archived += done.archived;
    result.failed.push(...done.failed);
  }
  return { table: title, spec, plan, result };
}
