import type { BalanceCell, Scope, ScopeSummary } from '../balance.ts';
import type { Row } from '../plan.ts';

/** The work-type label of a scope's summary row. */
export const ALL_WORK = 'All work';

const keyOf = (scope: Scope, workTypeId: string, period: string) => `${scope.kind}:${scope.name}|${workTypeId}|${period}`;

/**
 * One scope × work type × period row. The period is part of the key, so each
 * period's rows are updated in place while earlier periods stay as they were.
 */
export function balanceRow(cell: BalanceCell, period: string): Row {
  const key = keyOf(cell.scope, cell.workType.id, period);
  return {
    key,
    values: {
      Name: `${cell.scope.name} · ${cell.workType.name} · ${period}`,
      Key: key,
      Period: period,
      Scope: cell.scope.kind,
      'Scope Name': cell.scope.name,
      'Work Type': cell.workType.name,
      Epics: cell.epics,
      Points: cell.points,
      'Epic Share': cell.epicShare,
      'Point Share': cell.pointShare,
      Target: cell.target,
      'Drift (pp)': cell.driftPp,
      'Target Status': cell.status,
    },
  };
}

/** A scope's "All work" row: its size and how much of it connects to strategy. */
export function summaryRow(summary: ScopeSummary, period: string): Row {
  const key = keyOf(summary.scope, 'all', period);
  return {
    key,
    values: {
      Name: `${summary.scope.name} · ${ALL_WORK} · ${period}`,
      Key: key,
      Period: period,
      Scope: summary.scope.kind,
      'Scope Name': summary.scope.name,
      'Work Type': ALL_WORK,
      Epics: summary.epics,
      Points: summary.points,
      'Impact Linked (epics %)': summary.impactLinkedEpicShare,
      'Impact Linked (points %)': summary.impactLinkedPointShare,
      'Usage Linked (epics %)': summary.usageLinkedEpicShare,
      'Usage Linked (points %)': summary.usageLinkedPointShare,
      Orphans: summary.orphans,
    },
  };
}
