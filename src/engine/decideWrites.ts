import { computeBalance, type Balance } from '#core/balance.ts';
import { epicClassifier } from '#core/classifyEpics.ts';
import { movedRowsAfterRun, pulledEpicRow, recountedRow } from '#core/epicRows.ts';
import { periodOf } from '#core/period.ts';
import { periodSpanOf, type PeriodSpan } from '#core/periodSpan.ts';
import type { ExistingRow, PlanOptions } from '#core/plan.ts';
import { portfolioEpicOf, type PortfolioEpic } from '#core/portfolioEpic.ts';
import { recoverKeys } from '#core/recoverKeys.ts';
import type { StrategyPage } from '#core/strategy.ts';
import { BALANCE_TABLE, balanceRows, previousPeriodOf, type BalanceRow, type StoredBalanceRow } from '#core/tables/balanceTable.ts';
import { epicFromRow, overridesByEpic, type EpicRow, type StoredEpicRow } from '#core/tables/epicsTable.ts';
import { asReadBack } from '#core/tables/table.ts';
import type { FullSyncDecision } from '#core/syncState.ts';
import { closedPeriodRows, logClosedPeriods, markersLast, withInProgressSpans } from './history.ts';
import { handOver } from './handOver.ts';
import { identifyEpicRows } from './identifyEpicRows.ts';
import { dashboardDocOf, type DashboardDoc } from './publishDashboard.ts';
import type { SyncOptions, SyncPorts } from './runSync.ts';
import { warnRejectedEstimates } from './warnRejectedEstimates.ts';
import { warnUnclassified } from './warnUnclassified.ts';

/** What the run has read before it decides: the strategy, the stored rows, and the mode chosen from them. */
export interface ReadState {
  strategy: readonly StrategyPage[];
  existingEpics: readonly StoredEpicRow[];
  /** Epics columns a person deleted (the engine adds them back). */
  missingColumns: readonly string[];
  storedBalance: readonly StoredBalanceRow[];
  /** Closed periods rebuilt from the changelog this run. */
  closed: readonly PeriodSpan[];
  mode: FullSyncDecision;
  /** Pull only epics updated since then (epoch ms); undefined pulls all. */
  since: number | undefined;
}

/** One table's rows, handed over once (handOver.ts), and how they are written. */
export interface TableWrites<R> {
  rows: () => { desired: R[]; existing: readonly ExistingRow[] };
  archiveMissing: PlanOptions['archiveMissing'];
  /** When given, rows are written in this time order (see `inTimeOrder`). */
  writeOrder: ((key: string) => number) | undefined;
}

/** Everything the writes and the run's summary need; no epic is in it, so none is held while rows are written. */
export interface Decisions {
  period: string;
  balance: Balance;
  epics: TableWrites<EpicRow>;
  balanceRows: TableWrites<BalanceRow>;
  dashboard: DashboardDoc;
  /** Epics pulled from Jira this run, and every epic in the balance (on an incremental run, the rest as Notion holds them). */
  pulled: number;
  inBalance: number;
  /** Jira keys by issue id, of the pulled epics: to name rows for people. */
  jiraKeys: ReadonlyMap<string, string>;
}

/**
 * Pulls the epics, classifies them, computes the balance and rebuilds closed
 * periods, and decides every row each table should hold. Only the decisions
 * leave this function: the epics, their classifications and changelogs are
 * garbage once it returns.
 */
export async function decideWrites(ports: SyncPorts, options: SyncOptions, read: ReadState): Promise<Decisions> {
  const { logger, mappings } = options;
  const { strategy, closed, mode } = read;
  const { epics, histories, epicRows, rowsById, jql, rejectedEstimates } = await pullEpics(ports, read);
  // An incremental run pulls only changed epics; the ids still in scope tell it which rows' epics were deleted or moved out.
  const inScope = mode.full ? null : new Set(await ports.jira.inScopeIds());
  warnRejectedEstimates(logger, rejectedEstimates);
  logger.info({ mode: mode.full ? 'full' : 'incremental', reason: mode.reason, epics: epics.length, inScope: inScope?.size, strategyPages: strategy.length, jql }, 'pulled');

  const overrides = overridesByEpic(epicRows);
  const classification = { mappings, strategy, overrideOf: (id: string) => overrides.get(id) ?? null };
  const balanceSettings = { workTypes: mappings.workTypes, strategy, teamTargets: options.teamTargets, policy: options.policy };
  // Closed periods are rebuilt first, while the run holds little else: one pass over the epics into each period's totals.
  const closedRows = closedPeriodRows(closed, { epics, histories, classification, balance: balanceSettings });
  // Every epic's changelog is needed only to rebuild the closed periods: let it go before this period's rows are built.
  histories.clear();
  logClosedPeriods(logger, closed, { restate: options.history?.restate ?? false, stored: read.storedBalance, rows: closedRows });

  const period = periodOf(options.now, options.period);
  const rowContext = { mappings, policy: options.policy, now: options.now, period };
  const classify = epicClassifier(classification);
  const desiredEpics: EpicRow[] = [];
  const portfolio: PortfolioEpic[] = [];
  for (const epic of epics) {
    const classified = classify(epic);
    desiredEpics.push(pulledEpicRow(classified, rowsById.get(epic.id), rowContext));
    portfolio.push(portfolioEpicOf(classified));
  }
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
  const writing = new Set([period, ...closed.map((p) => p.label)]);
  const existingBalance = read.storedBalance.filter((r) => writing.has(r.values.period ?? ''));
  // What moved compares with the period before: as Notion holds it, or as this run rebuilds it from the changelog.
  const knownBalance = [...read.storedBalance, ...closedRows.map((row) => asReadBack(BALANCE_TABLE, row))];
  const previousPeriod = previousPeriodOf(knownBalance, period);
  const desiredBalance = [...balanceRows(balance, period), ...closedRows];

  return {
    period,
    balance,
    epics: {
      rows: handOver({ desired: desiredEpics, existing: epicRows }),
      // Rows of epics no longer in Jira's scope are archived on every run; so are duplicate rows.
      archiveMissing: inScope ? { except: inScope } : true,
      // An incremental run writes oldest change first, so the cursor derived from the rows never skips an unwritten one.
      writeOrder: mode.full ? undefined : jiraUpdateTimes(epics),
    },
    balanceRows: {
      // Balance rows that lost their Key are recognised by period, scope and work type; the rest of the period's are archived.
      rows: handOver({ desired: desiredBalance, existing: recoverKeys(BALANCE_TABLE, existingBalance, desiredBalance).rows }),
      archiveMissing: true,
      // A rebuilt period's portfolio "All work" row goes last: a run killed before it is completed by the next one.
      writeOrder: closed.length > 0 ? markersLast(closed) : undefined,
    },
    dashboard: dashboardDocOf({
      balance,
      period,
      strategy,
      policy: options.policy,
      now: options.now,
      portfolio,
      previous: previousPeriod ? { period: previousPeriod, rows: knownBalance.filter((r) => r.values.period === previousPeriod) } : null,
      movedRows: movedRowsAfterRun(desiredEpics, epicRows, period, { full: mode.full }),
    }),
    pulled: epics.length,
    inBalance: portfolio.length,
    jiraKeys: new Map(epics.map((epic) => [epic.id, epic.key])),
  };
}

/**
 * This run's epics from Jira, each with the spans it spent in progress, and the
 * Epics rows under their epics' ids. Only the epics with their spans outlive
 * this call: the epics as pulled are not held twice.
 */
async function pullEpics(ports: SyncPorts, read: ReadState) {
  const { epics: found, jql, rejectedEstimates } = await ports.jira.pullEpics(read.since === undefined ? {} : { updatedSinceMs: read.since });
  const epicRows = identifyEpicRows(read.existingEpics, found, read.missingColumns);
  const rowsById = new Map(epicRows.map((r) => [r.key, r]));
  const { epics, histories } = await withInProgressSpans(ports.history, found, rowsById, { everyEpic: read.closed.length > 0 });
  return { epics, histories, epicRows, rowsById, jql, rejectedEstimates };
}

/** Each pulled epic's last Jira update, by issue id: the time its row's Updated will carry. */
function jiraUpdateTimes(epics: readonly { id: string; updated: string }[]): (key: string) => number {
  const times = new Map(epics.map((epic) => [epic.id, Date.parse(epic.updated)]));
  return (key) => times.get(key) ?? 0;
}
