import type { Classification } from './classify.ts';
import type { Epic } from './epic.ts';
import type { StrategyLinks } from './mapStrategy.ts';
import { UNCLASSIFIED, type WorkType } from './mappings.ts';
import { sharesOf } from './percent.ts';
import type { PortfolioEpic } from './portfolioEpic.ts';

/** An epic with everything the engine decided about it. */
export interface ClassifiedEpic {
  epic: Epic;
  classification: Classification;
  links: StrategyLinks;
}

export type ScopeKind = 'portfolio' | 'team';

export interface Scope {
  kind: ScopeKind;
  /** "Portfolio" for the whole, else the team name. */
  name: string;
}

/** One scope × work type cell of the breakdown. */
export interface BalanceCell {
  scope: Scope;
  workType: WorkType;
  epics: number;
  points: number;
  /** Percent of the scope's epics / points; each adds up to 100 across work types. */
  epicShare: number;
  pointShare: number;
  /** Target share in percent, when the work type has one. */
  target: number | null;
}

export const PORTFOLIO_SCOPE: Scope = { kind: 'portfolio', name: 'Portfolio' };

function cellsFor(scope: Scope, epics: readonly PortfolioEpic[], types: readonly WorkType[]): BalanceCell[] {
  const counts = types.map((t) => epics.filter((e) => e.workTypeId === t.id));
  const epicCounts = counts.map((c) => c.length);
  const points = counts.map((c) => c.reduce((sum, e) => sum + (e.storyPoints ?? 0), 0));
  const epicShares = sharesOf(epicCounts);
  const pointShares = sharesOf(points);
  return types.map((workType, i) => ({
    scope,
    workType,
    epics: epicCounts[i]!,
    points: points[i]!,
    epicShare: epicShares[i]!,
    pointShare: pointShares[i]!,
    target: workType.target ?? null,
  }));
}

/**
 * The work mix by count and by story points, for the whole portfolio and for
 * each team, with Unclassified as a row of its own. Teams are sorted by name so
 * the output is stable run after run.
 */
export function computeBalance(epics: readonly PortfolioEpic[], workTypes: readonly WorkType[]): BalanceCell[] {
  const types = [...workTypes, UNCLASSIFIED];
  const teams = [...new Set(epics.map((e) => e.team))].sort((a, b) => a.localeCompare(b));
  return [
    ...cellsFor(PORTFOLIO_SCOPE, epics, types),
    ...teams.flatMap((team) =>
      cellsFor(
        { kind: 'team', name: team },
        epics.filter((e) => e.team === team),
        types,
      ),
    ),
  ];
}
