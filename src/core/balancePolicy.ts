import type { StatusCategory } from './epic.ts';
import type { PortfolioEpic } from './portfolioEpic.ts';
import { isPlausiblePoints } from './storyPoints.ts';

/**
 * The choices that shape the breakdown, documented in the README's config
 * reference (`balance.*`): which epics count, how unestimated epics weigh, and
 * how far from target is still on track.
 */
export interface BalancePolicy {
  /** Status categories that count while open; done epics count only within `doneWithinDays`. */
  statusCategories: readonly StatusCategory[];
  /** Done epics resolved this many days before now still count: recent work is part of the mix. */
  doneWithinDays: number;
  /** Points for an epic without an estimate: zero, or the average estimate of the epics that have one. */
  unestimatedPoints: 'zero' | 'average';
  /** Within this many percentage points of target is "on track". */
  tolerancePp: number;
  /** The share drift and status are measured on. */
  driftBasis: 'points' | 'epics';
  /** Above this percentage of unclassified work (on the drift basis), the mix is flagged as untrustworthy. */
  unclassifiedWarningPercent: number;
}

/** Whether an epic is part of the mix now: open work, plus work done recently. */
export function counts(epic: Pick<PortfolioEpic, 'statusCategory' | 'resolved'>, policy: BalancePolicy, now: Date): boolean {
  if (epic.statusCategory !== 'done') return policy.statusCategories.includes(epic.statusCategory);
  if (policy.statusCategories.includes('done')) return true;
  const resolved = epic.resolved ? Date.parse(epic.resolved) : NaN;
  return !Number.isNaN(resolved) && now.getTime() - resolved <= policy.doneWithinDays * 86_400_000;
}

/**
 * Each epic's weight in points under the unestimated-points policy. An
 * implausible estimate counts as none: the pull already warns about those
 * from Jira, but rows read back from Notion carry whatever a person typed,
 * and the sums must stay finite.
 */
export function pointWeights(epics: readonly PortfolioEpic[], policy: BalancePolicy): number[] {
  const points = epics.map((e) => (e.storyPoints !== null && isPlausiblePoints(e.storyPoints) ? e.storyPoints : null));
  const estimated = points.filter((p) => p !== null);
  const average = estimated.length ? estimated.reduce((s, p) => s + p, 0) / estimated.length : 0;
  const fallback = policy.unestimatedPoints === 'average' ? average : 0;
  return points.map((p) => p ?? fallback);
}
