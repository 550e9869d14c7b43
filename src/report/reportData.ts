import type { BalanceCell } from '#core/balance.ts';
import type { CellValue, ExistingRow } from '#core/plan.ts';
import { ALL_WORK } from '#core/tables/balanceRow.ts';

/** One balance row as the report reads it back from Notion: the cell's numbers, its names as plain text. */
export interface ReportCell extends Pick<BalanceCell, 'epics' | 'points' | 'epicShare' | 'pointShare' | 'target' | 'driftPp'> {
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
}

const str = (v: CellValue | undefined) => (typeof v === 'string' ? v : '');
const num = (v: CellValue | undefined) => (typeof v === 'number' ? v : 0);
const numOrNull = (v: CellValue | undefined) => (typeof v === 'number' ? v : null);

/**
 * The report's data from the rows the last syncs left in Notion: it needs no
 * Jira access and no local file, so it can run anywhere the sync can.
 */
export function reportData(balanceRows: readonly ExistingRow[], epicRows: readonly ExistingRow[], generatedAt: Date): ReportData {
  const cells: ReportCell[] = [];
  const summaries: ReportSummary[] = [];
  for (const { values: v } of balanceRows) {
    const base = { period: str(v['Period']), scopeKind: str(v['Scope']), scopeName: str(v['Scope Name']), epics: num(v['Epics']), points: num(v['Points']) };
    if (str(v['Work Type']) === ALL_WORK) {
      summaries.push({
        ...base,
        impactLinkedEpics: num(v['Impact Linked (epics %)']),
        impactLinkedPoints: num(v['Impact Linked (points %)']),
        usageLinkedEpics: num(v['Usage Linked (epics %)']),
        usageLinkedPoints: num(v['Usage Linked (points %)']),
        orphans: num(v['Orphans']),
      });
    } else {
      cells.push({
        ...base,
        workType: str(v['Work Type']),
        epicShare: num(v['Epic Share']),
        pointShare: num(v['Point Share']),
        target: numOrNull(v['Target']),
        driftPp: numOrNull(v['Drift (pp)']),
        status: str(v['Target Status']) || null,
      });
    }
  }
  const kindOrder = ['portfolio', 'team', 'impact', 'flow'];
  const byScope = (a: { scopeKind: string; scopeName: string }, b: { scopeKind: string; scopeName: string }) =>
    kindOrder.indexOf(a.scopeKind) - kindOrder.indexOf(b.scopeKind) || a.scopeName.localeCompare(b.scopeName);
  summaries.sort(byScope);
  const periods = [...new Set(cells.map((c) => c.period))].sort();
  const orphans = epicRows.flatMap(({ values: v }) => {
    const missing = [Array.isArray(v['Impact']) && v['Impact'].length ? null : 'Impact', Array.isArray(v['Usage']) && v['Usage'].length ? null : 'Usage'].filter(
      (m): m is string => m !== null,
    );
    return missing.length && str(v['Status Category']) !== 'Done'
      ? [{ key: str(v['Jira Key']), url: str(v['Jira URL']), summary: str(v['Name']), team: str(v['Team']), workType: str(v['Work Type']), missing }]
      : [];
  });
  orphans.sort((a, b) => a.team.localeCompare(b.team) || a.key.localeCompare(b.key, undefined, { numeric: true }));
  return { period: periods.at(-1) ?? '', periods, cells, summaries, orphans, generatedAt: generatedAt.toISOString() };
}
