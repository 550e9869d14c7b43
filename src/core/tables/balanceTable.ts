import { PORTFOLIO_SCOPE, type Balance, type BalanceCell, type Scope, type ScopeSummary } from '../balance.ts';
import type { ExistingRow, Row } from '../plan.ts';
import type { MixCell } from '../whatMoved.ts';
import { defineTable, type RowValues, type WrittenValues } from './table.ts';

/**
 * One row per scope × work type × period, plus a scope's "All work" row with
 * its size and strategy connection. The period is part of the key, so each
 * period's rows are updated in place while earlier periods stay as they were.
 */
export const BALANCE_TABLE = defineTable({
  title: 'Portfolio Balance',
  key: 'key',
  recoverKeyBy: [['period', 'scope', 'scopeName', 'workType']],
  columns: {
    name: { name: 'Name', type: 'title' },
    key: { name: 'Key', type: 'rich_text' },
    period: { name: 'Period', type: 'select' },
    scope: { name: 'Scope', type: 'select' },
    scopeName: { name: 'Scope Name', type: 'rich_text' },
    workType: { name: 'Work Type', type: 'select' },
    epics: { name: 'Epics', type: 'number', format: 'number' },
    points: { name: 'Points', type: 'number', format: 'number' },
    epicShare: { name: 'Epic Share', type: 'number', format: 'percent' },
    pointShare: { name: 'Point Share', type: 'number', format: 'percent' },
    daysInProgress: { name: 'Days In Progress', type: 'number', format: 'number' },
    timeShare: { name: 'Time Share', type: 'number', format: 'percent' },
    target: { name: 'Target', type: 'number', format: 'percent' },
    driftPp: { name: 'Drift (pp)', type: 'number', format: 'number' },
    targetStatus: { name: 'Target Status', type: 'select' },
    impactLinkedEpics: { name: 'Impact Linked (epics %)', type: 'number', format: 'percent' },
    impactLinkedPoints: { name: 'Impact Linked (points %)', type: 'number', format: 'percent' },
    usageLinkedEpics: { name: 'Usage Linked (epics %)', type: 'number', format: 'percent' },
    usageLinkedPoints: { name: 'Usage Linked (points %)', type: 'number', format: 'percent' },
    orphans: { name: 'Orphans', type: 'number', format: 'number' },
    classifiedShare: { name: 'Classified Share', type: 'number', format: 'percent' },
    source: { name: 'Source', type: 'select' },
  },
});

export type BalanceTable = typeof BALANCE_TABLE;
export type BalanceRow = Row<WrittenValues<BalanceTable>>;
export type StoredBalanceRow = ExistingRow<RowValues<BalanceTable>>;

/** The work-type label of a scope's summary row. */
export const ALL_WORK = 'All work';

/** Where a row's numbers come from: a run during its period ("as reported"), or Jira's changelog read later, with the rules of that day. */
export type BalanceSource = 'reported' | 'reconstructed';

const rowKey = (scope: Scope, workTypeId: string, period: string) => `${scope.kind}:${scope.name}|${workTypeId}|${period}`;
const ALL_WORK_ID = 'all';

/**
 * The key of a period's portfolio "All work" row. Every run writes it, so a
 * period with this row has been reported; a rebuilt period writes it last, so
 * a run killed part-way leaves the period to be completed by the next.
 */
export function periodMarkerKey(period: string): string {
  return rowKey(PORTFOLIO_SCOPE, ALL_WORK_ID, period);
}

/** What every balance row carries: its identity, scope, work type and size. */
function rowOf(
  scope: Scope,
  workType: { id: string; name: string },
  period: string,
  size: { epics: number; points: number; daysInProgress: number },
  source: BalanceSource,
  values: BalanceRow['values'],
): BalanceRow {
  const key = rowKey(scope, workType.id, period);
  return {
    key,
    values: {
      name: `${scope.name} · ${workType.name} · ${period}`,
      key,
      period,
      scope: scope.kind,
      scopeName: scope.name,
      workType: workType.name,
      epics: size.epics,
      points: size.points,
      daysInProgress: size.daysInProgress,
      source,
      ...values,
    },
  };
}

/** One scope × work type cell in a period. */
export function balanceCellRow(cell: BalanceCell, period: string, source: BalanceSource = 'reported'): BalanceRow {
  return rowOf(cell.scope, cell.workType, period, cell, source, {
    epicShare: cell.epicShare,
    pointShare: cell.pointShare,
    classifiedShare: cell.classifiedShare,
    timeShare: cell.timeShare,
    target: cell.target,
    driftPp: cell.driftPp,
    targetStatus: cell.status,
  });
}

/** A scope's "All work" row: its size and how much of it connects to strategy. */
export function balanceSummaryRow(summary: ScopeSummary, period: string, source: BalanceSource = 'reported'): BalanceRow {
  return rowOf(summary.scope, { id: ALL_WORK_ID, name: ALL_WORK }, period, summary, source, {
    impactLinkedEpics: summary.impactLinkedEpicShare,
    impactLinkedPoints: summary.impactLinkedPointShare,
    usageLinkedEpics: summary.usageLinkedEpicShare,
    usageLinkedPoints: summary.usageLinkedPointShare,
    orphans: summary.orphans,
  });
}

/** A stored work-type row as "what moved" compares periods by; null for an "All work" row. */
export function mixCellOfRow({ values: v }: StoredBalanceRow): MixCell | null {
  if (v.workType === ALL_WORK || !v.workType) return null;
  return { scopeKind: v.scope ?? '', scopeName: v.scopeName ?? '', workType: v.workType, epics: v.epics ?? 0, points: v.points ?? 0 };
}

/** The latest period before `period` among stored rows, if any. */
export function previousPeriodOf(rows: readonly StoredBalanceRow[], period: string): string | null {
  let previous: string | null = null;
  for (const { values } of rows) if (values.period && values.period < period && (previous === null || values.period > previous)) previous = values.period;
  return previous;
}

/** Every row of a period's balance: its cells, then each scope's "All work" row. */
export function balanceRows(balance: Balance, period: string, source: BalanceSource = 'reported'): BalanceRow[] {
  return [...balance.cells.map((cell) => balanceCellRow(cell, period, source)), ...balance.summaries.map((summary) => balanceSummaryRow(summary, period, source))];
}
