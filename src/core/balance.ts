import { counts, pointWeights, type BalancePolicy } from './balancePolicy.ts';
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
  /** Target share in percent; null when none is set for this work type (and team). */
  target: number | null;
  /** Actual minus target, in percentage points, on the policy's drift basis. */
  driftPp: number | null;
  status: TargetStatus | null;
}

/** How well one scope's work connects to strategy. */
export interface ScopeSummary {
  scope: Scope;
  epics: number;
  points: number;
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
}

export const PORTFOLIO_SCOPE: Scope = { kind: 'portfolio', name: 'Portfolio' };

interface Weighted {
  epic: PortfolioEpic;
  points: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const percent = (part: number, whole: number) => (whole > 0 ? round1((part / whole) * 100) : 0);

function statusOf(driftPp: number, tolerancePp: number): TargetStatus {
  if (driftPp > tolerancePp) return 'over';
  if (driftPp < -tolerancePp) return 'under';
  return 'on track';
}

function cellsFor(scope: Scope, members: readonly Weighted[], types: readonly WorkType[], input: BalanceInput): BalanceCell[] {
  const index = new Map(types.map((t, i) => [t.id, i]));
  const epicCounts = types.map(() => 0);
  const points = types.map(() => 0);
  for (const { epic, points: p } of members) {
    const i = index.get(epic.workTypeId) ?? index.get(UNCLASSIFIED.id)!;
    epicCounts[i]! += 1;
    points[i]! += p;
  }
  const epicShares = sharesOf(epicCounts);
  const pointShares = sharesOf(points);
  const teamTargets = scope.kind === 'team' ? input.teamTargets[scope.name] : undefined;
  return types.map((workType, i) => {
    const target = teamTargets?.[workType.id] ?? workType.target ?? null;
    const actual = input.policy.driftBasis === 'points' ? pointShares[i]! : epicShares[i]!;
    const driftPp = target === null ? null : round1(actual - target);
    return {
      scope,
      workType,
      epics: epicCounts[i]!,
      points: round1(points[i]!),
      epicShare: epicShares[i]!,
      pointShare: pointShares[i]!,
      target,
      driftPp,
      status: driftPp === null ? null : statusOf(driftPp, input.policy.tolerancePp),
    };
  });
}

function summaryFor(scope: Scope, members: readonly Weighted[]): ScopeSummary {
  const totalPoints = members.reduce((s, m) => s + m.points, 0);
  const impact = members.filter((m) => m.epic.impactIds.length > 0);
  const usage = members.filter((m) => m.epic.usageIds.length > 0);
  const sum = (ms: readonly Weighted[]) => ms.reduce((s, m) => s + m.points, 0);
  return {
    scope,
    epics: members.length,
    points: round1(totalPoints),
    impactLinkedEpicShare: percent(impact.length, members.length),
    impactLinkedPointShare: percent(sum(impact), totalPoints),
    usageLinkedEpicShare: percent(usage.length, members.length),
    usageLinkedPointShare: percent(sum(usage), totalPoints),
    orphans: members.filter((m) => m.epic.impactIds.length === 0 || m.epic.usageIds.length === 0).length,
  };
}

/** Adds a member to a scope's list, creating the scope on first sight. */
function addTo(groups: Map<string, { scope: Scope; members: Weighted[] }>, scope: Scope, member: Weighted): void {
  const key = `${scope.kind}:${scope.name}`;
  const group = groups.get(key) ?? { scope, members: [] };
  group.members.push(member);
  groups.set(key, group);
}

const KIND_ORDER: Record<ScopeKind, number> = { portfolio: 0, team: 1, impact: 2, flow: 3 };

/**
 * The work mix by epic count and by story points, for the whole portfolio,
 * each team, each Impact target and each Usage flow, with Unclassified as a row
 * of its own, targets, drift and status; plus how much of each scope's work
 * connects to strategy. One pass over the epics, so 100k epics stay cheap.
 * Scopes are sorted (kind, then name) so the output is stable run after run.
 */
export function computeBalance(input: BalanceInput): Balance {
  const types = [...input.workTypes, UNCLASSIFIED];
  const included = input.epics.filter((e) => counts(e, input.policy, input.now));
  const weights = pointWeights(included, input.policy);
  const pages = new Map(input.strategy.map((p) => [p.id, p]));
  const groups = new Map<string, { scope: Scope; members: Weighted[] }>();
  groups.set('portfolio:Portfolio', { scope: PORTFOLIO_SCOPE, members: [] });
  included.forEach((epic, i) => {
    const member = { epic, points: weights[i]! };
    addTo(groups, PORTFOLIO_SCOPE, member);
    addTo(groups, { kind: 'team', name: epic.team }, member);
    for (const id of new Set(epic.impactIds)) {
      const page = pages.get(id);
      if (page) addTo(groups, { kind: 'impact', name: page.title }, member);
    }
    const flows = new Set(epic.usageIds.map((id) => pages.get(id)?.flow).filter((f): f is NonNullable<typeof f> => Boolean(f)));
    for (const flow of flows) addTo(groups, { kind: 'flow', name: flow }, member);
  });
  const ordered = [...groups.values()].sort(
    (a, b) => KIND_ORDER[a.scope.kind] - KIND_ORDER[b.scope.kind] || a.scope.name.localeCompare(b.scope.name),
  );
  return {
    cells: ordered.flatMap((g) => cellsFor(g.scope, g.members, types, input)),
    summaries: ordered.map((g) => summaryFor(g.scope, g.members)),
  };
}
