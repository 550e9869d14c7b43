import type { Balance } from './balance.ts';

const pct = (n: number) => `${Math.round(n)}%`;

/**
 * The one-paragraph answer a head of product reads first: the work type
 * furthest from target, and how much work serves no Impact target. Example:
 * "Debt & Evolution 41% of points, 11 pp over target; 23% of epics serve no Impact target."
 */
export function summarize(balance: Pick<Balance, 'cells' | 'summaries'>): string {
  const portfolio = balance.cells.filter((c) => c.scope.kind === 'portfolio');
  const summary = balance.summaries.find((s) => s.scope.kind === 'portfolio');
  if (!summary || summary.epics === 0) return 'No epics count towards the balance yet.';
  const furthest = portfolio
    .filter((c) => c.driftPp !== null)
    .sort((a, b) => Math.abs(b.driftPp!) - Math.abs(a.driftPp!))[0];
  const basis = furthest && Math.abs(furthest.driftPp!) > 0 ? furthest : portfolio.sort((a, b) => b.pointShare - a.pointShare)[0]!;
  const share = basis.pointShare;
  const mix =
    basis.driftPp === null || basis.status === null
      ? `${basis.workType.name} ${pct(share)} of points`
      : basis.status === 'on track'
        ? `${basis.workType.name} ${pct(share)} of points, on track (target ${pct(basis.target!)})`
        : `${basis.workType.name} ${pct(share)} of points, ${Math.round(Math.abs(basis.driftPp))} pp ${basis.status} target`;
  const unlinked = 100 - summary.impactLinkedEpicShare;
  const unclassified = portfolio.find((c) => c.workType.id === 'unclassified');
  const unclassifiedNote = unclassified && unclassified.epics > 0 ? `; ${unclassified.epics} epics unclassified` : '';
  return `${mix}; ${pct(unlinked)} of epics serve no Impact target${unclassifiedNote}.`;
}
