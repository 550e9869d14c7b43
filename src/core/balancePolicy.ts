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
 * An epic's estimate as the balance weighs it; null when it has none. An
 * implausible estimate counts as none: the pull already warns about those
 * from Jira, but rows read back from Notion carry whatever a person typed,
 * and the sums must stay finite.
 */
export function estimatedPoints(epic: Pick<PortfolioEpic, 'storyPoints'>): number | null {
  return epic.storyPoints !== null && isPlausiblePoints(epic.storyPoints) ? epic.storyPoints : null;
}

/** What an epic without an estimate weighs under the policy: zero, or the average of the estimates of the epics that count. */
export function unestimatedWeight(estimates: { sum: number; count: number }, policy: BalancePolicy): number {
  if (policy.unestimatedPoints === 'zero' || estimates.count === 0) return 0;
  return estimates.sum / estimates.count;
}
