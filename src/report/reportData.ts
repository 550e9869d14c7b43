import type { BalanceCell } from '#core/balance.ts';
import { ALL_WORK, type StoredBalanceRow } from '#core/tables/balanceTable.ts';
import type { StoredEpicRow } from '#core/tables/epicsTable.ts';
import { statusCategoryName } from '#core/statusCategory.ts';

/** One balance row as the report reads it back from Notion: the cell's numbers, its names as plain text. */
export interface ReportCell extends Pick<BalanceCell, 'epics' | 'points' | 'epicShare' | 'pointShare' | 'daysInProgress' | 'timeShare' | 'target' | 'driftPp'> {
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

export interface ReportOrphan {
  key: string;
  url: string;
  summary: string;
  team: string;
  workType: string;
  missing: string[];
}

export interface ReportData {
  /** The newest period in the data: the "current" mix. */
  period: string;
  periods: string[];
  cells: ReportCell[];
  summaries: ReportSummary[];
  orphans: ReportOrphan[];
  generatedAt: string;
  /** Periods whose rows were rebuilt from Jira's changelog (with the rules of the day they were rebuilt), oldest first. */
  reconstructed: string[];
  /** How far apart two weights may be before the report flags it (balance.tolerancePp). */
  tolerancePp: number;
}

/**
 * The report's data from the rows the last syncs left in Notion: it needs no
 * Jira access and no local file, so it can run anywhere the sync can.
 */
export function reportData(balanceRows: readonly StoredBalanceRow[], epicRows: readonly StoredEpicRow[], generatedAt: Date, { tolerancePp = 5 }: { tolerancePp?: number } = {}): ReportData {
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
  const periods = [...new Set(cells.map((c) => c.period))].sort();
  const orphans = epicRows.flatMap(({ values: v }) => {
    const missing = [v.impact.length ? null : 'Impact', v.usage.length ? null : 'Usage'].filter((m): m is string => m !== null);
    return missing.length && v.statusCategory !== statusCategoryName('done')
      ? [{ key: v.jiraKey ?? '', url: v.jiraUrl ?? '', summary: v.name ?? '', team: v.team ?? '', workType: v.workType ?? '', missing }]
      : [];
  });
  orphans.sort((a, b) => a.team.localeCompare(b.team) || a.key.localeCompare(b.key, undefined, { numeric: true }));
  return { period: periods.at(-1) ?? '', periods, cells, summaries, orphans, generatedAt: generatedAt.toISOString(), reconstructed: [...reconstructed].sort(), tolerancePp };
}
