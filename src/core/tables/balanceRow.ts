import type { BalanceCell } from '../balance.ts';
import type { Row } from '../plan.ts';

/**
 * One scope × work type × period row. The period is part of the key, so each
 * period's rows are updated in place while earlier periods stay as they were.
 */
export function balanceRow(cell: BalanceCell, period: string): Row {
  const key = `${cell.scope.kind}:${cell.scope.name}|${cell.workType.id}|${period}`;
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
    },
  };
}
