import { sameValue } from '../plan.ts';
import { ALL_WORK, type BalanceRow, type StoredBalanceRow } from '../tables/balanceTable.ts';

/** What a restatement changes in one closed period, for the log: trends never shift silently. */
export interface Restatement {
  period: string;
  added: number;
  changed: number;
  removed: number;
  /** The portfolio's point shares that moved, e.g. "Growth 41.2% → 38% of points". */
  shifts: string[];
}

function differs(row: BalanceRow, stored: StoredBalanceRow): boolean {
  return Object.entries(row.values).some(([id, value]) => value !== undefined && !sameValue(value, stored.values[id as keyof StoredBalanceRow['values']]));
}

/** Per period, how the rows a restatement writes differ from those it replaces; periods left as they were are not listed. */
export function restatements(existing: readonly StoredBalanceRow[], desired: readonly BalanceRow[]): Restatement[] {
  const stored = new Map(existing.map((r) => [r.key, r]));
  const byPeriod = new Map<string, Restatement>();
  const entry = (period: string) => {
    let r = byPeriod.get(period);
    if (!r) byPeriod.set(period, (r = { period, added: 0, changed: 0, removed: 0, shifts: [] }));
    return r;
  };
  const wanted = new Set(desired.map((r) => r.key));
  for (const row of desired) {
    const before = stored.get(row.key);
    const period = entry(row.values.period ?? '');
    if (!before) period.added += 1;
    else if (differs(row, before)) {
      period.changed += 1;
      const { scope, workType, pointShare } = row.values;
      if (scope === 'portfolio' && workType !== ALL_WORK && !sameValue(pointShare, before.values.pointShare)) {
        period.shifts.push(`${workType} ${before.values.pointShare ?? 0}% → ${pointShare ?? 0}% of points`);
      }
    }
  }
  for (const row of existing) if (!wanted.has(row.key)) entry(row.values.period ?? '').removed += 1;
  return [...byPeriod.values()].filter((r) => r.added + r.changed + r.removed > 0).sort((a, b) => a.period.localeCompare(b.period));
}
