import type { Balance } from './balance.ts';

/** One work type's line of the portfolio mix, as both the engine and the report (reading Notion back) have it. */
export interface MixLine {
  workType: string;
  epics: number;
  pointShare: number;
  target: number | null;
  driftPp: number | null;
  status: string | null;
}

const pct = (n: number) => `${Math.round(n)}%`;

/**
 * The one-paragraph answer a head of product reads first: the work type
 * furthest from target, and how much work serves no Impact target. Example:
 * "Debt & Evolution 41% of points, 11 pp over target; 23% of epics serve no Impact target."
 */
export function summarizeMix(lines: readonly MixLine[], totals: { epics: number; impactLinkedEpicShare: number }): string {
  if (totals.epics === 0) return 'No epics count towards the balance yet.';
  const byDrift = lines.filter((l) => l.driftPp !== null).sort((a, b) => Math.abs(b.driftPp!) - Math.abs(a.driftPp!))[0];
  const basis = byDrift && byDrift.driftPp !== 0 ? byDrift : [...lines].sort((a, b) => b.pointShare - a.pointShare)[0]!;
  const mix =
    basis.driftPp === null || basis.target === null
      ? `${basis.workType} ${pct(basis.pointShare)} of points`
      : basis.status === 'on track'
        ? `${basis.workType} ${pct(basis.pointShare)} of points, on track (target ${pct(basis.target)})`
        : `${basis.workType} ${pct(basis.pointShare)} of points, ${Math.round(Math.abs(basis.driftPp))} pp ${basis.status} target`;
  const unclassified = lines.find((l) => l.workType === 'Unclassified');
  const unclassifiedNote = unclassified && unclassified.epics > 0 ? `; ${unclassified.epics} epics unclassified` : '';
  return `${mix}; ${pct(100 - totals.impactLinkedEpicShare)} of epics serve no Impact target${unclassifiedNote}.`;
}

export function summarize(balance: Pick<Balance, 'cells' | 'summaries'>): string {
  const summary = balance.summaries.find((s) => s.scope.kind === 'portfolio');
  const lines = balance.cells.filter((c) => c.scope.kind === 'portfolio').map((c) => ({ ...c, workType: c.workType.name }));
  return summarizeMix(lines, { epics: summary?.epics ?? 0, impactLinkedEpicShare: summary?.impactLinkedEpicShare ?? 0 });
}
