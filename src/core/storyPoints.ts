/**
 * The most story points one epic can plausibly carry. Points are relative
 * sizes: common scales stop at 100 for a single story, and a team delivers
 * some 30 to 50 a sprint, so 1,000 points is several teams' year on one epic.
 * Beyond it a value is a typo (extra zeros, an id or a date pasted into the
 * field) or hostile: one such epic would own the whole mix, and 1e308 makes
 * the sums Infinity. Within it, even a million epics sum exactly.
 */
export const MAX_EPIC_POINTS = 1000;

/** Where an epic's effort came from: its story points, or the configured fallback when it has none. */
export type EstimateSource = 'storyPoints' | 'originalEstimate' | 'childCount';

/** An estimate that was not used, for the warning that names the epic. */
export interface RejectedEstimate {
  key: string;
  source: EstimateSource;
  /** In points (an original estimate is converted first). */
  value: number;
}

export function isPlausiblePoints(value: number): boolean {
  return Number.isFinite(value) && value >= 0 && value <= MAX_EPIC_POINTS;
}

const SOURCE_NAMES: Record<EstimateSource, string> = {
  storyPoints: 'story points',
  originalEstimate: 'original estimate (in points)',
  childCount: 'child count',
};

export function describeRejectedEstimate({ key, source, value }: RejectedEstimate): string {
  return `${key}: ${SOURCE_NAMES[source]} ${value} is not a plausible estimate (0 to ${MAX_EPIC_POINTS} points per epic), so the epic counts as not estimated; fix it in Jira.`;
}
