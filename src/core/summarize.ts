import type { Balance } from './balance.ts';
import type { BalancePolicy } from './balancePolicy.ts';
import { basisWord, unclassifiedShareOf } from './unclassified.ts';

/** One work type's line of the portfolio mix, as both the engine and the report (reading Notion back) have it. */
export interface MixLine {
  workType: string;
  epics: number;
  pointShare: number;
  epicShare: number;
  /** Share of classified work on the drift basis; null for Unclassified. */
  classifiedShare: number | null;
  target: number | null;
  driftPp: number | null;
  status: string | null;
}

const pct = (n: number) => `${Math.round(n)}%`;

/**
 * The one-paragraph answer a head of product reads first: the work type
 * furthest from target (on the share of classified work), how much work is
 * unclassified, and how much serves no Impact target. Example:
 * "Debt & Evolution 41% of classified points, 11 pp over target; 12% of points unclassified; 23% of epics serve no Impact target."
 */
export function summarizeMix(
  lines: readonly MixLine[],
  totals: { epics: number; impactLinkedEpicShare: number },
  policy: Pick<BalancePolicy, 'driftBasis'>,
): string {
  if (totals.epics === 0) return 'No epics count towards the balance yet.';
  const word = basisWord(policy);
  const classified = lines.filter((l) => l.classifiedShare !== null);
  const byDrift = classified.filter((l) => l.driftPp !== null).sort((a, b) => Math.abs(b.driftPp!) - Math.abs(a.driftPp!))[0];
  const basis = byDrift && byDrift.driftPp !== 0 ? byDrift : [...classified].sort((a, b) => b.classifiedShare! - a.classifiedShare!)[0];
  const share = basis ? `${basis.workType} ${pct(basis.classifiedShare!)} of classified ${word}` : `no classified ${word}`;
  const mix =
    !basis || basis.driftPp === null || basis.target === null
      ? share
      : basis.status === 'on track'
        ? `${share}, on track (target ${pct(basis.target)})`
        : `${share}, ${Math.round(Math.abs(basis.driftPp))} pp ${basis.status} target`;
  const unclassified = unclassifiedShareOf(lines, policy);
  const unclassifiedNote = unclassified > 0 ? `; ${pct(unclassified)} of ${word} unclassified` : '';
  return `${mix}${unclassifiedNote}; ${pct(100 - totals.impactLinkedEpicShare)} of epics serve no Impact target.`;
}

export function summarize(balance: Pick<Balance, 'cells' | 'summaries'>, policy: Pick<BalancePolicy, 'driftBasis'>): string {
  const summary = balance.summaries.find((s) => s.scope.kind === 'portfolio');
  const lines = balance.cells.filter((c) => c.scope.kind === 'portfolio').map((c) => ({ ...c, workType: c.workType.name }));
  return summarizeMix(lines, { epics: summary?.epics ?? 0, impactLinkedEpicShare: summary?.impactLinkedEpicShare ?? 0 }, policy);
}
