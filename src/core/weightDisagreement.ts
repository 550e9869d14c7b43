/**
 * The three weights of the mix (epic count, story points, days in progress)
 * tell different stories when, say, a few big epics nobody works on carry the
 * points while small ones take the time. Where they disagree by more than the
 * tolerance, a scope's mix is not what any single number says.
 */
export type Weight = 'epics' | 'points' | 'time';

/** One scope × work type cell's shares, as the engine computes them or the report reads them back. */
export interface WeighedCell {
  scopeKind: string;
  scopeName: string;
  workType: string;
  epicShare: number;
  pointShare: number;
  timeShare: number;
}

export interface Disagreement {
  scopeKind: string;
  scopeName: string;
  workType: string;
  high: { weight: Weight; share: number };
  low: { weight: Weight; share: number };
}

const WEIGHT_WORDS: Record<Weight, string> = { epics: 'epics', points: 'points', time: 'time in progress' };

function sharesOf(cell: WeighedCell, withTime: boolean): { weight: Weight; share: number }[] {
  const shares: { weight: Weight; share: number }[] = [
    { weight: 'epics', share: cell.epicShare },
    { weight: 'points', share: cell.pointShare },
  ];
  return withTime ? [...shares, { weight: 'time', share: cell.timeShare }] : shares;
}

const gapOf = (d: Disagreement) => d.high.share - d.low.share;

/**
 * Per scope, its widest gap between two weights of one work type, when wider
 * than `tolerancePp`; widest first. A scope with no time in progress at all
 * (nothing was worked on, or it is not known) is compared on epics and points
 * only.
 */
export function weightDisagreements(cells: readonly WeighedCell[], tolerancePp: number): Disagreement[] {
  const scopes = new Map<string, WeighedCell[]>();
  for (const cell of cells) {
    const key = `${cell.scopeKind}:${cell.scopeName}`;
    scopes.set(key, [...(scopes.get(key) ?? []), cell]);
  }
  const found: Disagreement[] = [];
  for (const scopeCells of scopes.values()) {
    const withTime = scopeCells.some((c) => c.timeShare > 0);
    let widest: Disagreement | null = null;
    for (const cell of scopeCells) {
      const shares = sharesOf(cell, withTime).sort((a, b) => b.share - a.share);
      const high = shares[0]!;
      const low = shares.at(-1)!;
      const gap = high.share - low.share;
      if (gap > tolerancePp && (!widest || gap > gapOf(widest))) {
        widest = { scopeKind: cell.scopeKind, scopeName: cell.scopeName, workType: cell.workType, high, low };
      }
    }
    if (widest) found.push(widest);
  }
  return found.sort((a, b) => gapOf(b) - gapOf(a));
}

/** The widest few, as lines, and how many more there are: for the terminal and the dashboard, where a long list would bury the rest. */
export function widestDisagreements(disagreements: readonly Disagreement[], shown = 5): string[] {
  const lines = disagreements.slice(0, shown).map(describeDisagreement);
  const more = disagreements.length - shown;
  return more > 0 ? [...lines, `…and ${more} more scope${more === 1 ? '' : 's'} (the report lists them all)`] : lines;
}

/** "PLAT: Growth 40% of points, 22% of time in progress". */
export function describeDisagreement(d: Disagreement): string {
  const part = (s: { weight: Weight; share: number }) => `${Math.round(s.share)}% of ${WEIGHT_WORDS[s.weight]}`;
  return `${d.scopeName}: ${d.workType} ${part(d.high)}, ${part(d.low)}`;
}

/** The engine's cells in the shape above. */
export function weighedCells(cells: readonly { scope: { kind: string; name: string }; workType: { name: string }; epicShare: number; pointShare: number; timeShare: number }[]): WeighedCell[] {
  return cells.map((c) => ({ scopeKind: c.scope.kind, scopeName: c.scope.name, workType: c.workType.name, epicShare: c.epicShare, pointShare: c.pointShare, timeShare: c.timeShare }));
}
