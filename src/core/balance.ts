import { counts, estimatedPoints, unestimatedWeight, type BalancePolicy } from './balancePolicy.ts';
import { daysWithin, spansOrAssumed } from './history/timeSpans.ts';
import { UNCLASSIFIED, type WorkType } from './mappings.ts';
import { sharesOf } from './percent.ts';
import type { PortfolioEpic } from './portfolioEpic.ts';
import type { StrategyPage } from './strategy.ts';

export type ScopeKind = 'portfolio' | 'team' | 'impact' | 'flow';

export interface Scope {
  kind: ScopeKind;
  /** "Portfolio", a team, an Impact page's title, or a Usage flow. */
  name: string;
}

export type TargetStatus = 'on track' | 'over' | 'under';

/** One scope × work type cell of the breakdown. */
export interface BalanceCell {
  scope: Scope;
  workType: WorkType;
  epics: number;
  points: number;
  /** Percent of the scope's epics / points; each adds up to 100 across work types. */
  epicShare: number;
  pointShare: number;
  /**
   * Percent of the scope's classified work (Unclassified left out), on the policy's drift
   * basis: what the target is compared with, since a target mix says how classified work
   * should split. Null for Unclassified itself.
   */
  classifiedShare: number | null;
  /** Days the scope's epics of this type spent in progress within the period, and their percent of the scope's (the time weight). */
  daysInProgress: number;
  timeShare: number;
  /** Target share in percent; null when none is set for this work type (and team). */
  target: number | null;
  /** Classified share minus target, in percentage points. */
  driftPp: number | null;
  status: TargetStatus | null;
}

/** How well one scope's work connects to strategy. */
export interface ScopeSummary {
  scope: Scope;
  epics: number;
  points: number;
  daysInProgress: number;
  /** Percent of the scope's epics / points linked to at least one Impact (Usage) page. */
  impactLinkedEpicShare: number;
  impactLinkedPointShare: number;
  usageLinkedEpicShare: number;
  usageLinkedPointShare: number;
  /** Epics that serve no Impact target or no Usage target. */
  orphans: number;
}

export interface Balance {
  cells: BalanceCell[];
  summaries: ScopeSummary[];
}

export interface BalanceInput {
  epics: readonly PortfolioEpic[];
  workTypes: readonly WorkType[];
  strategy: readonly StrategyPage[];
  /** Per-team overrides of the work types' targets: team → work type id → percent. */
  teamTargets: Readonly<Record<string, Readonly<Record<string, number>>>>;
  policy: BalancePolicy;
  now: Date;
  /** The period whose days in progress make the time weight ([start, end) in epoch ms); without it, no time is weighed. */
  window?: { start: number; end: number } | undefined;
}

export const PORTFOLIO_SCOPE: Scope = { kind: 'portfolio', name: 'Portfolio' };

/**
 * Running totals for one scope: per work type, and for its strategy connection.
 * Points are the estimated points plus a count of the unestimated epics: what an
 * unestimated epic weighs (the average estimate, under that policy) is known
 * only once every epic is in, so it is applied at the end (`weighUnestimated`).
 */
interface Tally {
  scope: Scope;
  epics: number[];
  points: number[];
  unestimated: number[];
  days: number[];
  totalEpics: number;
  totalPoints: number;
  totalUnestimated: number;
  totalDays: number;
  impactEpics: number;
  impactPoints: number;
  impactUnestimated: number;
  usageEpics: number;
  usagePoints: number;
  usageUnestimated: number;
  orphans: number;
}

/** The tally with each unestimated epic given `weight` points. */
function weighUnestimated(t: Tally, weight: number): Tally {
  return {
    ...t,
    points: t.points.map((p, i) => p + weight * t.unestimated[i]!),
    totalPoints: t.totalPoints + weight * t.totalUnestimated,
    impactPoints: t.impactPoints + weight * t.impactUnestimated,
    usagePoints: t.usagePoints + weight * t.usageUnestimated,
  };
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const percent = (part: number, whole: number) => (whole > 0 ? round1((part / whole) * 100) : 0);

function statusOf(driftPp: number, tolerancePp: number): TargetStatus {
  if (driftPp > tolerancePp) return 'over';
  if (driftPp < -tolerancePp) return 'under';
  return 'on track';
}

function cellsFor(tally: Tally, types: readonly WorkType[], input: Pick<BalanceInput, 'teamTargets' | 'policy'>): BalanceCell[] {
  const { scope } = tally;
  const epicShares = sharesOf(tally.epics);
  const pointShares = sharesOf(tally.points);
  const timeShares = sharesOf(tally.days);
  const teamTargets = scope.kind === 'team' ? input.teamTargets[scope.name] : undefined;
  // Unclassified is the last type; the shares of the others among themselves are the drift basis.
  const basis = input.policy.driftBasis === 'points' ? tally.points : tally.epics;
  const classifiedShares = sharesOf(basis.slice(0, -1));
  return types.map((workType, i) => {
    const classifiedShare = i < classifiedShares.length ? classifiedShares[i]! : null;
    const target = classifiedShare === null ? null : (teamTargets?.[workType.id] ?? workType.target ?? null);
    const driftPp = target === null || classifiedShare === null ? null : round1(classifiedShare - target);
    return {
      scope,
      workType,
      epics: tally.epics[i]!,
      points: round1(tally.points[i]!),
      epicShare: epicShares[i]!,
      pointShare: pointShares[i]!,
      classifiedShare,
      daysInProgress: round1(tally.days[i]!),
      timeShare: timeShares[i]!,
      target,
      driftPp,
      status: driftPp === null ? null : statusOf(driftPp, input.policy.tolerancePp),
    };
  });
}

function summaryFor(t: Tally): ScopeSummary {
  return {
    scope: t.scope,
    epics: t.totalEpics,
    points: round1(t.totalPoints),
    daysInProgress: round1(t.totalDays),
    impactLinkedEpicShare: percent(t.impactEpics, t.totalEpics),
    impactLinkedPointShare: percent(t.impactPoints, t.totalPoints),
    usageLinkedEpicShare: percent(t.usageEpics, t.totalEpics),
    usageLinkedPointShare: percent(t.usagePoints, t.totalPoints),
    orphans: t.orphans,
  };
}

const KIND_ORDER: Record<ScopeKind, number> = { portfolio: 0, team: 1, impact: 2, flow: 3 };

/**
 * The work mix by epic count, by story points and by days in progress, for the whole portfolio,
 * each team, each Impact target and each Usage flow, with Unclassified as a row
 * of its own, targets, drift and status; plus how much of each scope's work
 * connects to strategy. One pass over the epics, so 100k epics stay cheap.
 * Scopes are sorted (kind, then name) so the output is stable run after run.
 */
export function computeBalance(input: BalanceInput): Balance {
  const tally = balanceTally(input);
  for (const epic of input.epics) tally.add(epic);
  return tally.balance();
}

/**
 * `computeBalance` one epic at a time, for a caller that makes each epic as it
 * goes (a past period rebuilt from the changelog): no epic is kept, only the
 * running totals.
 */
export function balanceTally(input: Omit<BalanceInput, 'epics'>): { add(epic: PortfolioEpic): void; balance(): Balance } {
  const types = [...input.workTypes, UNCLASSIFIED];
  const typeIndex = new Map(types.map((t, i) => [t.id, i]));
  const unclassified = types.length - 1;
  const pages = new Map(input.strategy.map((p) => [p.id, p]));
  const tallies = new Map<string, Tally>();
  const tallyOf = (kind: ScopeKind, name: string): Tally => {
    const key = `${kind}:${name}`;
    let tally = tallies.get(key);
    if (!tally) {
      tally = {
        scope: kind === 'portfolio' ? PORTFOLIO_SCOPE : { kind, name },
        epics: types.map(() => 0),
        points: types.map(() => 0),
        unestimated: types.map(() => 0),
        days: types.map(() => 0),
        totalEpics: 0,
        totalPoints: 0,
        totalUnestimated: 0,
        totalDays: 0,
        impactEpics: 0,
        impactPoints: 0,
        impactUnestimated: 0,
        usageEpics: 0,
        usagePoints: 0,
        usageUnestimated: 0,
        orphans: 0,
      };
      tallies.set(key, tally);
    }
    return tally;
  };
  tallyOf('portfolio', PORTFOLIO_SCOPE.name);
  const estimates = { sum: 0, count: 0 };

  const add = (epic: PortfolioEpic) => {
    if (!counts(epic, input.policy, input.now)) return;
    const estimate = estimatedPoints(epic);
    const points = estimate ?? 0;
    const unestimated = estimate === null ? 1 : 0;
    if (estimate !== null) {
      estimates.sum += estimate;
      estimates.count += 1;
    }
    const days = input.window ? daysWithin(spansOrAssumed(epic), input.window) : 0;
    const type = typeIndex.get(epic.workTypeId) ?? unclassified;
    const serves = { impact: epic.impactIds.length > 0, usage: epic.usageIds.length > 0 };
    const addTo = (tally: Tally) => {
      tally.epics[type]! += 1;
      tally.points[type]! += points;
      tally.unestimated[type]! += unestimated;
      tally.totalEpics += 1;
      tally.totalPoints += points;
      tally.totalUnestimated += unestimated;
      tally.days[type]! += days;
      tally.totalDays += days;
      if (serves.impact) {
        tally.impactEpics += 1;
        tally.impactPoints += points;
        tally.impactUnestimated += unestimated;
      }
      if (serves.usage) {
        tally.usageEpics += 1;
        tally.usagePoints += points;
        tally.usageUnestimated += unestimated;
      }
      if (!serves.impact || !serves.usage) tally.orphans += 1;
    };
    addTo(tallyOf('portfolio', PORTFOLIO_SCOPE.name));
    addTo(tallyOf('team', epic.team));
    const impactTitles = new Set(epic.impactIds.map((id) => pages.get(id)?.title).filter((t): t is string => t !== undefined));
    for (const title of impactTitles) addTo(tallyOf('impact', title));
    const flows = new Set(epic.usageIds.map((id) => pages.get(id)?.flow).filter((f): f is NonNullable<typeof f> => Boolean(f)));
    for (const flow of flows) addTo(tallyOf('flow', flow));
  };

  const balance = (): Balance => {
    const weight = unestimatedWeight(estimates, input.policy);
    const ordered = [...tallies.values()]
      .map((t) => weighUnestimated(t, weight))
      .sort((a, b) => KIND_ORDER[a.scope.kind] - KIND_ORDER[b.scope.kind] || a.scope.name.localeCompare(b.scope.name));
    return {
      cells: ordered.flatMap((t) => cellsFor(t, types, input)),
      summaries: ordered.map(summaryFor),
    };
  };
  return { add, balance };
}
