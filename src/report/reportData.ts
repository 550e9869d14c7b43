import type { BalanceCell } from '#core/balance.ts';
import type { BalancePolicy } from '#core/balancePolicy.ts';
import { CONFLICT_NOTE } from '#core/classify.ts';
import { epicMixRowOf } from '#core/epicRows.ts';
import type { WorkType } from '#core/mappings.ts';
import type { StrategyPage } from '#core/strategy.ts';
import { strategyWithoutWork, type StrategyGaps } from '#core/strategyCoverage.ts';
import { ALL_WORK, mixCellOfRow, type StoredBalanceRow } from '#core/tables/balanceTable.ts';
import type { StoredEpicRow } from '#core/tables/epicsTable.ts';
import { epicMoves, whatMoved, type MixCell, type WhatMoved } from '#core/whatMoved.ts';
import { byTeamThenKey } from '#core/teamKeyOrder.ts';

/** One balance row as the report reads it back from Notion: the cell's numbers, its names as plain text. */
export interface ReportCell extends Pick<BalanceCell, 'epics' | 'points' | 'epicShare' | 'pointShare' | 'daysInProgress' | 'timeShare' | 'classifiedShare' | 'target' | 'driftPp'> {
  period: string;
  scopeKind: string;
  scopeName: string;
  workType: string;
  status: string | null;
}

export interface ReportSummary {
  period: string;
  scopeKind: string;
  scopeName: string;
  epics: number;
  points: number;
  impactLinkedEpics: number;
  impactLinkedPoints: number;
  usageLinkedEpics: number;
  usageLinkedPoints: number;
  orphans: number;
}

/** An Epics row as the report reads it. */
export interface ReportEpic {
  key: string;
  url: string;
  summary: string;
  team: string;
  workType: string;
  /** Why it has its work type ("alias: alias label tech-debt → Debt & Evolution"). */
  classifiedBy: string;
  /** What `lint` would have a person do about its work label; empty when nothing. */
  fix: string;
  /** Whether it counts towards the balance, as the last sync decided (balancePolicy.ts). */
  counts: boolean;
  /** More than one work type matched the deciding rule. */
  conflict: boolean;
  impactIds: readonly string[];
  usageIds: readonly string[];
  /** The layers it serves no target of: an orphan's. */
  missing: string[];
}

/** What the report needs besides the rows: the strategy pages, the work types (their colours) and the balance settings. */
export interface ReportContext {
  strategy: readonly StrategyPage[];
  workTypes: readonly WorkType[];
  policy: Pick<BalancePolicy, 'driftBasis' | 'unclassifiedWarningPercent'>;
  /** How far apart two weights may be before the report flags it (balance.tolerancePp). */
  tolerancePp: number;
}

export interface ReportData extends ReportContext {
  /** The newest period in the data: the "current" mix. */
  period: string;
  periods: string[];
  cells: ReportCell[];
  summaries: ReportSummary[];
  /** Every epic that counts towards the balance, by team, then key. */
  epics: ReportEpic[];
  /** The counted epics that serve no Impact or no Usage target: as many as the balance's Orphans. */
  orphans: ReportEpic[];
  /** Since the period before; null when there is none. */
  moved: WhatMoved | null;
  gaps: StrategyGaps;
  generatedAt: string;
  /** Periods whose rows were rebuilt from Jira's changelog (with the rules of the day they were rebuilt), oldest first. */
  reconstructed: string[];
}

/**
 * The report's data from the rows the last syncs left in Notion: it needs no
 * Jira access and no local file, so it can run anywhere the sync can.
 */
export function reportData(balanceRows: readonly StoredBalanceRow[], epicRows: readonly StoredEpicRow[], generatedAt: Date, context: ReportContext): ReportData {
  const cells: ReportCell[] = [];
  const reconstructed = new Set<string>();
  const summaries: ReportSummary[] = [];
  for (const { values: v } of balanceRows) {
    if (v.source === 'reconstructed' && v.period) reconstructed.add(v.period);
    const base = { period: v.period ?? '', scopeKind: v.scope ?? '', scopeName: v.scopeName ?? '', epics: v.epics ?? 0, points: v.points ?? 0 };
    if (v.workType === ALL_WORK) {
      summaries.push({
        ...base,
        impactLinkedEpics: v.impactLinkedEpics ?? 0,
        impactLinkedPoints: v.impactLinkedPoints ?? 0,
        usageLinkedEpics: v.usageLinkedEpics ?? 0,
        usageLinkedPoints: v.usageLinkedPoints ?? 0,
        orphans: v.orphans ?? 0,
      });
    } else {
      cells.push({
        ...base,
        workType: v.workType ?? '',
        epicShare: v.epicShare ?? 0,
        pointShare: v.pointShare ?? 0,
        classifiedShare: v.classifiedShare,
        daysInProgress: v.daysInProgress ?? 0,
        timeShare: v.timeShare ?? 0,
        target: v.target,
        driftPp: v.driftPp,
        status: v.targetStatus || null,
      });
    }
  }
  const kindOrder = ['portfolio', 'team', 'impact', 'flow'];
  const byScope = (a: { scopeKind: string; scopeName: string }, b: { scopeKind: string; scopeName: string }) =>
    kindOrder.indexOf(a.scopeKind) - kindOrder.indexOf(b.scopeKind) || a.scopeName.localeCompare(b.scopeName);
  summaries.sort(byScope);
  // Work types in the mappings' order, Unclassified (and types no longer in the mappings) last: the order of every chart and legend.
  const order = (workType: string) => {
    const i = context.workTypes.findIndex((t) => t.name === workType);
    return i < 0 ? context.workTypes.length : i;
  };
  cells.sort((a, b) => order(a.workType) - order(b.workType));
  const periods = [...new Set(cells.map((c) => c.period))].sort();
  const period = periods.at(-1) ?? '';
  // The same definition as the balance's: the Counts the sync stored, so the list and the table agree.
  const epics = epicRows.filter(({ values: v }) => v.counts === true).map(reportEpicOf);
  epics.sort(byTeamThenKey);
  const previous = periods.at(-2);
  const cellsOf = (p: string) => balanceRows.filter((r) => r.values.period === p).map(mixCellOfRow).filter((c): c is MixCell => c !== null);
  const moved = previous
    ? whatMoved(
        { previousPeriod: previous, period, previous: cellsOf(previous), current: cellsOf(period), moves: epicMoves(epicRows.map((r) => epicMixRowOf(r.key, r.values)), period) },
        context.policy,
      )
    : null;
  return {
    ...context,
    period,
    periods,
    cells,
    summaries,
    epics,
    orphans: epics.filter((e) => e.missing.length > 0),
    moved,
    reconstructed: [...reconstructed].sort(),
    gaps: strategyWithoutWork(epics, context.strategy),
    generatedAt: generatedAt.toISOString(),
  };
}

function reportEpicOf({ values: v }: StoredEpicRow): ReportEpic {
  const classifiedBy = v.classifiedBy ?? '';
  return {
    key: v.jiraKey ?? '',
    url: v.jiraUrl ?? '',
    summary: v.name ?? '',
    team: v.team ?? '',
    workType: v.workType ?? '',
    classifiedBy,
    fix: v.fix ?? '',
    counts: v.counts === true,
    conflict: classifiedBy.includes(CONFLICT_NOTE),
    impactIds: v.impact,
    usageIds: v.usage,
    missing: [v.impact.length ? null : 'Impact', v.usage.length ? null : 'Usage'].filter((m): m is string => m !== null),
  };
}
