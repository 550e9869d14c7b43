import { computeBalance, type Balance } from '#core/balance.ts';
import type { BalancePolicy } from '#core/balancePolicy.ts';
import type { ClassifiedEpic } from '#core/classifiedEpic.ts';
import { classifyEpics } from '#core/classifyEpics.ts';
import type { Mappings } from '#core/mappings.ts';
import { periodOf, type PeriodKind } from '#core/period.ts';
import { inTimeOrder, planRows, type ExistingRow, type PlanOptions, type Row, type RowPlan } from '#core/plan.ts';
import { portfolioEpicOf, type PortfolioEpic } from '#core/portfolioEpic.ts';
import type { StrategyPage } from '#core/strategy.ts';
import { cursorOf, decideFullSync, fingerprint, heldCursorAfter, type FullSyncDecision, type SyncState } from '#core/syncState.ts';
import { BALANCE_TABLE, balanceRows, previousPeriodOf } from '#core/tables/balanceTable.ts';
import { periodSpanOf } from '#core/periodSpan.ts';
import { EPICS_TABLE, epicFromRow, overridesByEpic, type EpicRow, type StoredEpicRow } from '#core/tables/epicsTable.ts';
import { asReadBack, columnsOf, type TableSpec, type WrittenValues } from '#core/tables/table.ts';
import type { Logger } from '#log/createLogger.ts';
import { movedRowsAfterRun, pulledEpicRow, recountedRow } from '#core/epicRows.ts';
import { epicRowsDamage } from '#core/epicRowsDamage.ts';
import { recoverKeys } from '#core/recoverKeys.ts';
import { createCharts } from './createCharts.ts';
import { closedPeriodRows, closedPeriodsToWrite, logClosedPeriods, markersLast, withInProgressSpans, type HistoryOptions } from './history.ts';
import { identifyEpicRows } from './identifyEpicRows.ts';
import { publishDashboard } from './publishDashboard.ts';
import { warnUnclassified } from './warnUnclassified.ts';
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
  /** Told as a table's rows are written: before the first, then after each one. */
  onProgress?: (progress: WriteProgress) => void;
}

export interface WriteProgress {
  table: string;
  done: number;
  total: number;
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
  /** Every epic in the balance: the pulled ones and, on an incremental run, the rest still in scope as Notion holds them. */
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
  // A database that is not there yet (the first run, or after a person deleted it) is filled by a full run only,
  // and so are rows a person's edit damaged: an incremental run would read them back wrong.
  const damage = epicsFound && epicRowsDamage(existingEpics, epicsFound.missing, mappings.workTypes);
  if (damage) logger.warn({ damage }, 'the Epics rows were edited in ways only a full run repairs; running one');
  const mode = !epicsFound
    ? { full: true, reason: 'no Epics database yet' }
    : damage && !options.full
      ? { full: true, reason: damage }
      : closed.length > 0
        ? { full: true, reason: `${closed.length} closed period(s) to rebuild from the changelog` }
        : decideFullSync(state, { forced: options.full, cursorMs: cursor, rulesHash, now: options.now, fullEveryMs: options.fullEveryMs });
  const since = mode.full || cursor === null ? undefined : cursor - options.overlapMs;
  const { epics, histories, epicRows, rowsById, jql, rejectedEstimates } = await pullEpics(ports, existingEpics, {
    since,
    missingColumns: epicsFound?.missing ?? [],
    everyChangelog: closed.length > 0,
  });
  // An incremental run pulls only changed epics; the ids still in scope tell it which rows' epics were deleted or moved out.
  const inScope = mode.full ? null : new Set(await ports.jira.inScopeIds());
  warnRejectedEstimates(logger, rejectedEstimates);
  logger.info({ mode: mode.full ? 'full' : 'incremental', reason: mode.reason, epics: epics.length, inScope: inScope?.size, strategyPages: strategy.length, jql }, 'pulled');

  const overrides = overridesByEpic(epicRows);
  const classification = { mappings, strategy, overrideOf: (id: string) => overrides.get(id) ?? null };
  const balanceSettings = { workTypes: mappings.workTypes, strategy, teamTargets: options.teamTargets, policy: options.policy };
  // Closed periods are rebuilt first, while the run holds little else: each period's epics are rebuilt one at a time.
  const closedRows = closedPeriodRows(closed, { epics, histories, classification, balance: balanceSettings });
  // Every epic's changelog is needed only to rebuild the closed periods: let it go before the writes, which take longest.
  histories.clear();
  logClosedPeriods(logger, closed, { restate: options.history?.restate ?? false, stored: storedBalance, rows: closedRows });

  const pulled = classifyEpics(epics, classification);
  const period = periodOf(options.now, options.period);
  const rowContext = { mappings, policy: options.policy, now: options.now, period };
  const desiredEpics: EpicRow[] = pulled.map((c) => pulledEpicRow(c, rowsById.get(c.epic.id), rowContext));

  const portfolio = pulled.map(portfolioEpicOf);
  if (inScope) {
    // Epics in scope but not pulled this time are unchanged in Jira: their Notion rows hold their facts. The rest are gone.
    const pulledIds = new Set(epics.map((e) => e.id));
    const seen = new Set<string>();
    for (const row of epicRows) {
      if (!row.key || pulledIds.has(row.key) || seen.has(row.key) || !inScope.has(row.key)) continue;
      seen.add(row.key);
      const epic = epicFromRow(row, mappings.workTypes);
      portfolio.push(epic);
      // Done work leaves the mix with time alone: its row's Counts follows.
      const recounted = recountedRow(row, epic, rowContext);
      if (recounted) desiredEpics.push(recounted);
    }
  }
  const balance = computeBalance({ ...balanceSettings, epics: portfolio, now: options.now, window: periodSpanOf(options.now, options.period) });
  warnUnclassified(logger, balance, options.policy);

  // Only this period's rows, and those of closed periods being rebuilt, are compared: other periods are never touched.
  // The period before is read for what moved.
  const writing = new Set([period, ...closed.map((p) => p.label)]);
  const existingBalance = storedBalance.filter((r) => writing.has(r.values.period ?? ''));
  // What moved compares with the period before: as Notion holds it, or as this run rebuilds it from the changelog.
  const knownBalance = [...storedBalance, ...closedRows.map((row) => asReadBack(BALANCE_TABLE, row))];
  const previousPeriod = previousPeriodOf(knownBalance, period);
  const desiredBalance = [...balanceRows(balance, period), ...closedRows];

  // Write phase: create the databases or repair their schema, then write the differences.
  const epicsTable = options.dryRun ? epicsFound : await ports.tables.open(EPICS_TABLE, { dryRun: false });
  const balanceTable = options.dryRun ? balanceFound : await ports.tables.open(BALANCE_TABLE, { dryRun: false });
  // Views and option colours go on before the rows, so a new database's options have their colours from the start. They are
  // checked with a new database, when their definition changed, and on full runs (a person may have deleted one);
  // incremental runs otherwise spend no request on them.
  const presentation = { workTypes: mappings.workTypes, strategy, period };
  const presentationHash = ports.charts?.fingerprint(presentation) ?? '';
  const present =
    !options.dryRun &&
    epicsTable &&
    balanceTable &&
    (mode.full || epicsTable.created || balanceTable.created || state?.presentationHash !== presentationHash);
  if (ports.charts && present) await createCharts(ports.charts, { epics: epicsTable, balance: balanceTable }, presentation, logger);

  const tables = [
    await syncTable(epicsTable, EPICS_TABLE, () => desiredEpics, epicRows, {
      // Rows of epics no longer in Jira's scope are archived on every run; so are duplicate rows.
      archiveMissing: inScope ? { except: inScope } : true,
      options,
      // An incremental run writes oldest change first, so the cursor derived from the rows never skips an unwritten one.
      // A full run writes in any order, after marking itself pending so that, killed part-way, it is repeated.
      writeOrder: mode.full ? undefined : jiraUpdateTimes(epics),
      beforeWrites: mode.full && state && !state.fullPending ? () => ports.state.write({ ...state, fullPending: true }) : undefined,
    }),
    // Balance rows that lost their Key are recognised by period, scope and work type; the rest of the period's are archived.
    await syncTable(balanceTable, BALANCE_TABLE, () => desiredBalance, recoverKeys(BALANCE_TABLE, existingBalance, desiredBalance).rows, {
      archiveMissing: true,
      options,
      // A rebuilt period's portfolio "All work" row goes last: a run killed before it is completed by the next one.
      writeOrder: closed.length > 0 ? markersLast(closed) : undefined,
    }),
  ];

  const dashboard = await publishDashboard(
    ports.dashboard,
    {
      balance,
      period,
      strategy,
      policy: options.policy,
      now: options.now,
      portfolio,
      previous: previousPeriod ? { period: previousPeriod, rows: knownBalance.filter((r) => r.values.period === previousPeriod) } : null,
      movedRows: movedRowsAfterRun(desiredEpics, epicRows, period, { full: mode.full }),
    },
    options,
  );
  const allWritten = tables.every((t) => t.result !== null && t.result.failed.length === 0);
  const newState: SyncState = {
    version: 2,
    heldCursorMs: heldCursorAfter(state, cursor, allWritten),
    lastFullAt: mode.full && allWritten ? options.now.toISOString() : (state?.lastFullAt ?? null),
    fullPending: mode.full ? !allWritten : (state?.fullPending ?? false),
    rulesHash: allWritten ? rulesHash : (state?.rulesHash ?? ''),
    presentationHash: ports.charts && present ? presentationHash : (state?.presentationHash ?? ''),
  };
  const stateChanged = JSON.stringify(newState) !== JSON.stringify(state);
  const stateWritten = !options.dryRun && stateChanged;
  if (stateWritten) await ports.state.write(newState);

  return { mode, period, pulled, portfolio, strategy, balance, tables, dashboard, stateWritten };
}

/**
 * This run's epics from Jira, each with the spans it spent in progress, and the
 * Epics rows under their epics' ids. Only the epics with their spans outlive
 * this call: the epics as pulled are not held twice through the run.
 */
async function pullEpics(
  ports: SyncPorts,
  existingEpics: readonly StoredEpicRow[],
  { since, missingColumns, everyChangelog }: { since: number | undefined; missingColumns: readonly string[]; everyChangelog: boolean },
) {
  const { epics: found, jql, rejectedEstimates } = await ports.jira.pullEpics(since === undefined ? {} : { updatedSinceMs: since });
  const epicRows = identifyEpicRows(existingEpics, found, missingColumns);
  const rowsById = new Map(epicRows.map((r) => [r.key, r]));
  const { epics, histories } = await withInProgressSpans(ports.history, found, rowsById, { everyEpic: everyChangelog });
  return { epics, histories, epicRows, rowsById, jql, rejectedEstimates };
}

/** Each pulled epic's last Jira update, by issue id: the time its row's Updated will carry. */
function jiraUpdateTimes(epics: readonly { id: string; updated: string }[]): (key: string) => number {
  const times = new Map(epics.map((epic) => [epic.id, Date.parse(epic.updated)]));
  return (key) => times.get(key) ?? 0;
}

async function syncTable<S extends TableSpec>(
  table: Table<S> | null,
  spec: S,
  /** Built on demand and turned into stored rows at once, so a large table's rows are not held twice while it is written. */
  desired: () => Row<WrittenValues<S>>[],
  existing: readonly ExistingRow[],
  { archiveMissing, options, writeOrder, beforeWrites }: {
    archiveMissing: PlanOptions['archiveMissing'];
    options: SyncOptions;
    /** When given, rows are written in this time order, in windows of half the overlap (see `inTimeOrder`). */
    writeOrder?: ((key: string) => number) | undefined;
    /** Called once before the first write, and only when the plan has one. */
    beforeWrites?: (() => Promise<void>) | undefined;
  },
): Promise<TableOutcome> {
  const stored = table ? desired().map((row) => table.asStored(row)) : desired();
  const plan = planRows(stored, existing, { archiveMissing, carryOver: columnsOf(spec).filter(([, c]) => c.humanOwned).map(([id]) => id) });
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
  let written = 0;
  const progress = options.onProgress;
  if (writes > 0) progress?.({ table: title, done: 0, total: writes });
  const onWritten = progress && (() => progress({ table: title, done: ++written, total: writes }));
  for (const part of parts) {
    const done = await table.apply(part, onWritten);
    result.created += done.created;
    result.updated += done.updated;
    result.archived += done.archived;
    result.failed.push(...done.failed);
  }
  return { table: title, spec, plan, result };
}
