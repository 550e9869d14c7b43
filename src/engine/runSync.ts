import type { Balance } from '#core/balance.ts';
import type { BalancePolicy } from '#core/balancePolicy.ts';
import { epicRowsDamage } from '#core/epicRowsDamage.ts';
import type { Mappings } from '#core/mappings.ts';
import type { PeriodKind } from '#core/period.ts';
import { inTimeOrder, planRows, type ExistingRow, type PlanOptions, type Row, type RowPlan } from '#core/plan.ts';
import type { StrategyPage } from '#core/strategy.ts';
import { cursorOf, decideFullSync, fingerprint, heldCursorAfter, type FullSyncDecision, type SyncState } from '#core/syncState.ts';
import { BALANCE_TABLE } from '#core/tables/balanceTable.ts';
import { EPICS_TABLE } from '#core/tables/epicsTable.ts';
import { columnsOf, type TableSpec, type WrittenValues } from '#core/tables/table.ts';
import type { Logger } from '#log/createLogger.ts';
import { createCharts } from './createCharts.ts';
import { decideWrites, type ReadState, type TableWrites } from './decideWrites.ts';
import { handOver } from './handOver.ts';
import { closedPeriodsToWrite, type HistoryOptions } from './history.ts';
import { publishDashboard } from './publishDashboard.ts';
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
  /** How many epics were pulled from Jira this run (all of them on a full run). */
  pulled: number;
  /** How many epics are in the balance: the pulled ones and, on an incremental run, the rest still in scope as Notion holds them. */
  inBalance: number;
  /** Jira keys by issue id, of the pulled epics: to name rows for people. */
  jiraKeys: ReadonlyMap<string, string>;
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
 * The read phase: the sync state, the strategy pages and every stored row, and
 * from them the mode. The databases are only looked up here; creating or
 * repairing them waits until every read is done. The rows come back handed
 * over once (handOver.ts).
 */
async function readPhase(ports: SyncPorts, options: SyncOptions) {
  const { logger, mappings } = options;
  const [state, strategy] = await Promise.all([ports.state.read(), ports.strategy.pullStrategy()]);
  const rulesHash = rulesFingerprint(mappings, strategy);
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
  const read: ReadState = { strategy, existingEpics, missingColumns: epicsFound?.missing ?? [], storedBalance, closed, mode, since };
  return { state, strategy, rulesHash, epicsFound, balanceFound, cursor, mode, read: handOver(read) };
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
  const { state, strategy, rulesHash, epicsFound, balanceFound, cursor, mode, read } = await readPhase(ports, options);
  // The rows read are handed to the decisions, not kept: the run holds none of them while it writes.
  const decided = await decideWrites(ports, options, read());
  const { period } = decided;

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
    await syncTable(epicsTable, EPICS_TABLE, decided.epics, {
      options,
      // A full run writes in any order, after marking itself pending so that, killed part-way, it is repeated.
      beforeWrites: mode.full && state && !state.fullPending ? () => ports.state.write({ ...state, fullPending: true }) : undefined,
    }),
    await syncTable(balanceTable, BALANCE_TABLE, decided.balanceRows, { options }),
  ];

  const dashboard = await publishDashboard(ports.dashboard, decided.dashboard, options);
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

  return { mode, period, pulled: decided.pulled, inBalance: decided.inBalance, jiraKeys: decided.jiraKeys, strategy, balance: decided.balance, tables, dashboard, stateWritten };
}

async function syncTable<S extends TableSpec>(
  table: Table<S> | null,
  spec: S,
  decided: TableWrites<Row<WrittenValues<S>>>,
  { options, beforeWrites }: {
    options: SyncOptions;
    /** Called once before the first write, and only when the plan has one. */
    beforeWrites?: (() => Promise<void>) | undefined;
  },
): Promise<TableOutcome> {
  const plan = planTable(table, spec, decided.rows(), decided.archiveMissing);
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
  const parts = decided.writeOrder ? inTimeOrder(plan, decided.writeOrder, options.overlapMs / 2) : [plan];
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

/**
 * The table's plan: its desired rows as they will read back once stored, compared with the rows it holds. The rows
 * come in as a temporary, so once planned only the plan holds them (see `handOver` in decideWrites.ts).
 */
function planTable<S extends TableSpec>(
  table: Table<S> | null,
  spec: S,
  rows: { desired: Row<WrittenValues<S>>[]; existing: readonly ExistingRow[] },
  archiveMissing: PlanOptions['archiveMissing'],
): RowPlan {
  // Each row is replaced by its stored form in place, so the two are never all held at once.
  const { desired } = rows;
  if (table) for (let i = 0; i < desired.length; i += 1) desired[i] = table.asStored(desired[i]!);
  return planRows(desired, rows.existing, { archiveMissing, carryOver: columnsOf(spec).filter(([, c]) => c.humanOwned).map(([id]) => id) });
}
